import { parseDateOnly, parseDateTime } from '../data/dates.js';
import { apiError, INVALID_DATE_MESSAGE } from '../errors.js';
import { stringParam } from './paging.js';

type Query = Record<string, unknown>;

export function requiredDateTime(query: Query, name: string): number {
  const raw = stringParam(query, name);
  if (raw === undefined || raw === '') {
    throw apiError(400, 'bad.request', `Missing required query parameter ${name}.`);
  }
  const ms = parseDateTime(raw);
  if (ms === undefined) throw apiError(400, 'invalid.date', INVALID_DATE_MESSAGE);
  return ms;
}

const DATE_ONLY_MESSAGE = 'Dates must be specified as ISO-8601 strings. For example: yyyy-MM-dd';

/** An optional `yyyy-MM-dd` range; `dateEnd` covers its whole day. */
export function optionalDateRange(query: Query): { from: number; toExclusive: number } {
  const start = stringParam(query, 'dateStart');
  const end = stringParam(query, 'dateEnd');
  const from = start === undefined ? Number.NEGATIVE_INFINITY : parseDateOnly(start);
  const to = end === undefined ? Number.POSITIVE_INFINITY : parseDateOnly(end);
  if (from === undefined || to === undefined) throw apiError(400, 'invalid.date', DATE_ONLY_MESSAGE);
  if (from > to) throw apiError(400, 'invalid.value', 'dateStart must not be after dateEnd.');
  return { from, toExclusive: to + 86_400_000 };
}

export function enumParam<T extends string>(query: Query, name: string, values: readonly T[]): T | undefined {
  const raw = stringParam(query, name);
  if (raw === undefined) return undefined;
  if (!(values as readonly string[]).includes(raw)) {
    throw apiError(
      400,
      'invalid.query.param.value',
      `Invalid value for query parameter ${name}: ${raw}. Allowed values: ${values.join(', ')}`,
    );
  }
  return raw as T;
}

/** The query a listing echoes into its paging URIs: the caller's filters, minus cursors. */
export function filterQuery(query: Query, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = query[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}
