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
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith(`${kind}|`)) {
    throw apiError(400, 'invalid.query.param.value', `Invalid value for query parameter ${name}: ${cursor}`);
  }
  return text.slice(kind.length + 1);
}

export function parsePageRequest(
  query: Record<string, unknown>,
  defaults: { pageSize: number; maxPageSize: number },
): PageRequest {
  const before = stringParam(query, 'before');
  const after = stringParam(query, 'after');
  if (before !== undefined && after !== undefined) {
    throw apiError(400, 'bad.request', 'Only one of the query parameters before and after may be given.');
  }
  const raw = stringParam(query, 'pageSize');
  let pageSize = defaults.pageSize;
  if (raw !== undefined) {
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
      throw apiError(400, 'invalid.query.param.value', `Invalid value for query parameter pageSize: ${raw}`);
    }
    pageSize = Number(raw);
    if (pageSize > defaults.maxPageSize) {
      throw apiError(
        400,
        'invalid.query.param.value',
        `Invalid value for query parameter pageSize: ${raw}. The maximum page size is ${defaults.maxPageSize}.`,
      );
    }
  }
  return { before, after, pageSize };
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

/** A single-valued string query parameter; repeated parameters are a client error. */
export function stringParam(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw apiError(400, 'invalid.query.param.value', `Query parameter ${name} must be given once.`);
  }
  return value;
}
