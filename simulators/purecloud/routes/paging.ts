import { apiError } from '../errors.js';

/**
 * Cursor paging of the preview billing listings. Entities are listed in ascending order of a
 * sort key; a cursor is the opaque (base64url) key of the first or last entity of a page, so a
 * walk has no gaps or duplicates even if entities appear or disappear between calls.
 */
export interface Keyed {
  key: string;
}

export interface PageRequest {
  before: string | undefined;
  after: string | undefined;
  pageSize: number;
}

export interface Page<T> {
  entities: T[];
  nextUri: string | undefined;
  previousUri: string | undefined;
  selfUri: string;
}

function encodeCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}|${key}`, 'utf8').toString('base64url');
}

function decodeCursor(kind: string, name: string, cursor: string): string {
  // The contract's pattern admits only base64url; whether it is this listing's cursor is ours.
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(`${kind}|`)) {
    throw apiError(400, 'invalid.query.param.value', `Invalid value for query parameter ${name}: ${cursor}`);
  }
  return text.slice(kind.length + 1);
}

/**
 * The paging parameters; the contract states their rules (cursor pattern, before or after,
 * pageSize 1..maximum), so they arrive checked.
 */
export function parsePageRequest(
  query: Record<string, unknown>,
  defaults: { pageSize: number },
): PageRequest {
  const raw = query.pageSize as string | undefined;
  return {
    before: query.before as string | undefined,
    after: query.after as string | undefined,
    pageSize: raw === undefined ? defaults.pageSize : Number(raw),
  };
}

/**
 * One page of `items` (already filtered, sorted by key). `baseQuery` is the caller's filters,
 * carried into nextUri/previousUri so a walk keeps them.
 */
export function paginate<T extends Keyed>(
  kind: string,
  path: string,
  items: readonly T[],
  request: PageRequest,
  baseQuery: Record<string, string>,
): Page<T> {
  let start = 0;
  let end = items.length;
  if (request.after !== undefined) {
    const key = decodeCursor(kind, 'after', request.after);
    start = items.findIndex((i) => i.key > key);
    if (start < 0) start = items.length;
    end = Math.min(items.length, start + request.pageSize);
  } else if (request.before !== undefined) {
    const key = decodeCursor(kind, 'before', request.before);
    end = items.findIndex((i) => i.key >= key);
    if (end < 0) end = items.length;
    start = Math.max(0, end - request.pageSize);
  } else {
    end = Math.min(items.length, request.pageSize);
  }
  const entities = items.slice(start, end);
  const uri = (extra: Record<string, string>) => {
    const q = new URLSearchParams({ ...baseQuery, pageSize: String(request.pageSize), ...extra });
    return `${path}?${q.toString()}`;
  };
  const first = entities[0];
  const last = entities[entities.length - 1];
  const cursorParams: Record<string, string> = {};
  if (request.after !== undefined) cursorParams.after = request.after;
  if (request.before !== undefined) cursorParams.before = request.before;
  return {
    entities,
    nextUri: last && end < items.length ? uri({ after: encodeCursor(kind, last.key) }) : undefined,
    previousUri: first && start > 0 ? uri({ before: encodeCursor(kind, first.key) }) : undefined,
    selfUri: uri(cursorParams),
  };
}
