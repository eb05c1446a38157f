/**
 * Date handling as the API does it: accepts ISO-8601 date-times with or without millis and
 * with `Z` or an offset; answers in UTC with millis only when they are not zero.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAY_MS = 86_400_000;
/** What fits a four-digit ISO year: 0000-01-01T00:00:00Z … 9999-12-31T23:59:59.999Z. */
const FIRST_MS = -62_167_219_200_000;
const LAST_MS = 253_402_300_799_999;

/** Date.UTC without its 0–99 → 1900–1999 year mapping. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function validCalendar(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(utc(y, mo, 0)).getUTCDate();
}

/** Epoch ms of an ISO-8601 date-time, or undefined when it is not one. */
export function parseDateTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  if (!validCalendar(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 59) return undefined;
  const millis = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  let offsetMinutes = 0;
  const zone = m[8]!;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 18 || om > 59 || (oh === 18 && om > 0)) return undefined; // ISO/Java offsets stop at ±18:00
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = utc(y!, mo! - 1, d!, h!, mi!, s!, millis) - offsetMinutes * 60_000;
  // Answers echo the dates back as four-digit years, so reject what cannot be written that way.
  return ms >= FIRST_MS && ms <= LAST_MS ? ms : undefined;
}

/** Epoch ms (UTC midnight) of a `yyyy-MM-dd` date, or undefined. */
export function parseDateOnly(text: string): number | undefined {
  const m = DATE_ONLY.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [m[1], m[2], m[3]].map(Number) as number[];
  if (!validCalendar(y!, mo!, d!)) return undefined;
  return utc(y!, mo! - 1, d!);
}

/** `2018-07-01T00:00:00Z`, or `2018-08-31T23:59:59.999Z` when there are millis. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** UTC midnight of the first day of the month `offset` months after the month of `ms`. */
export function monthStart(ms: number, offset = 0): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
}

export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}

/** Whole months from the month of `from` to the month of `to`. */
export function monthsBetween(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}
