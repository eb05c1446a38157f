/** UTC calendar helpers. Dates are `YYYY-MM-DD` strings or day numbers (days since 1970-01-01). */

const DAY_MS = 86_400_000;

/** Day number of a valid `YYYY-MM-DD`, or undefined (wrong shape or no such calendar day). */
export function parseDay(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / DAY_MS;
}

/** `{year, month}` of a valid `YYYY-MM`, or undefined. */
export function parseMonth(text: unknown): { year: number; month: number } | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 1970) return undefined;
  return { year, month };
}

export function dayOf(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS);
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dayToMs(day: number): number {
  return day * DAY_MS;
}

/** Same calendar day `years` earlier (29 Feb falls to 1 Mar, as Date does). */
export function yearsBefore(day: number, years: number): number {
  const d = new Date(day * DAY_MS);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return dayOf(d.getTime());
}

/** First and last day numbers of a month. */
export function monthDays(year: number, month: number): { first: number; last: number } {
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  const last = Date.UTC(year, month, 1) / DAY_MS - 1;
  return { first, last };
}

export function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/**
 * The day a Wholesale list date filter names: `YYYY-MM-DD`, or an ISO 8601 date-time with a zone
 * read as its UTC calendar day [R]. Undefined when unreadable.
 */
export function parseFilterDay(text: unknown): number | undefined {
  const day = parseDay(text);
  if (day !== undefined) return day;
  if (typeof text !== 'string' || !ISO_DATE_TIME.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : dayOf(ms);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An instant from a BroadWorks `before`/`after` filter: `YYYY-MM` (the month's first instant),
 * `YYYY-MM-DD` (midnight UTC) or an ISO 8601 date-time with a zone. Undefined when unreadable.
 */
export function parseInstant(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const month = parseMonth(text);
  if (month) return Date.UTC(month.year, month.month - 1, 1);
  const day = parseDay(text);
  if (day !== undefined) return day * DAY_MS;
  if (!ISO_DATE_TIME.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
