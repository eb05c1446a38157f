import { parseDateOnly, parseDateTime } from '../data/dates.js';
import { apiError, INVALID_DATE_MESSAGE } from '../errors.js';

/**
 * Query parameters as the routes read them. Their shape (required, pattern, enum, range, given
 * once) and the order of date pairs are the contract's, checked by the kernel before the route
 * runs (contracts/purecloud.openapi.yaml); what is left here is what JSON Schema cannot state.
 */
type Query = Record<string, unknown>;

/** A date-time parameter the contract declares required; its instant. */
export function requiredDateTime(query: Query, name: string): number {
  const ms = parseDateTime(String(query[name]));
  // The pattern admits 2026-02-30T… and offsets past ±18:00: no instant, the same invalid.date.
  if (ms === undefined) throw apiError(400, 'invalid.date', INVALID_DATE_MESSAGE);
  return ms;
}

/** An optional `yyyy-MM-dd` range (checked by the contract); `dateEnd` covers its whole day. */
export function optionalDateRange(query: Query): { from: number; toExclusive: number } {
  const start = query.dateStart as string | undefined;
  const end = query.dateEnd as string | undefined;
  const from = start === undefined ? Number.NEGATIVE_INFINITY : (parseDateOnly(start) as number);
  const to = end === undefined ? Number.POSITIVE_INFINITY : (parseDateOnly(end) as number);
  return { from, toExclusive: to + 86_400_000 };
}

/** An optional parameter the contract declares with an enum (checked before the route). */
export function enumParam<T extends string>(query: Query, name: string): T | undefined {
  return query[name] as T | undefined;
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
