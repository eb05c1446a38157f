import { SimError } from '../../kernel/index.js';
import { type TimeZone, utcMs } from '../data/zone.js';
import { XS_DATE_TIME_SHAPE } from '../errors.js';

/**
 * xs:dateTime as the RPRM billing API documents it:
 * `[-]CCYY-MM-DDThh:mm:ss[.fraction][Z|(+|-)hh:mm]`, fraction of any length,
 * no offset → the server's own time zone.
 */
const XS_DATE_TIME = /^(-)?(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

/** Earliest/latest instants a JavaScript Date holds. */
// A week inside the last valid Date: the zone lookups around an instant must stay valid too.
const LIMIT_MS = 8.64e15 - 7 * 86_400_000;

export type DateParse = { ok: true; ms: number } | { ok: false; reason: string };

export function parseXsDateTime(raw: string, zone: TimeZone): DateParse {
  // Query strings decode an unencoded '+' to a space; clients often forget to encode the offset sign.
  const text = raw.replace(/ (\d{2}:\d{2})$/, '+$1');
  const m = XS_DATE_TIME.exec(text);
  if (!m) return { ok: false, reason: XS_DATE_TIME_SHAPE };
  const [, minus, y, mo, d, h, mi, s, fraction, zoneText] = m;
  if (y!.length > 4 && y!.startsWith('0'))
    return { ok: false, reason: 'a year of more than four digits has no leading zero' };
  const year = (minus ? -1 : 1) * Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (year === 0) return { ok: false, reason: 'year 0000 does not exist' };
  if (month < 1 || month > 12) return { ok: false, reason: `month ${mo} is out of range` };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: `day ${d} is out of range` };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: 'time of day is out of range' };
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  // xs:dateTime counts years without a year 0: -0001 is the year before 0001 (proleptic year 0).
  const wall = utcMs(year < 0 ? year + 1 : year, month - 1, day, hour, minute, second, millis);
  if (!Number.isFinite(wall) || Math.abs(wall) > LIMIT_MS)
    return { ok: false, reason: 'date is out of range' };
  let ms: number;
  if (zoneText === undefined) ms = zone.fromLocal(wall);
  else if (zoneText === 'Z') ms = wall;
  else {
    const sign = zoneText.startsWith('-') ? -1 : 1;
    const oh = Number(zoneText.slice(1, 3));
    const om = Number(zoneText.slice(4, 6));
    if (oh > 14 || om > 59 || (oh === 14 && om > 0))
      return { ok: false, reason: `time zone ${zoneText} is out of range` };
    ms = wall - sign * (oh * 60 + om) * 60_000;
  }
  if (!Number.isFinite(ms) || Math.abs(ms) > LIMIT_MS) return { ok: false, reason: 'date is out of range' };
  return { ok: true, ms };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const y = year < 0 ? year + 1 : year;
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The `from-date` / `to-date` filter of a billing request; defaults are midnight today
 * (server zone) → now on the simulator clock.
 */
export function readWindow(
  query: Record<string, unknown>,
  zone: TimeZone,
  now: number,
): { from: number; to: number } {
  const from = readParam(query, 'from-date', zone) ?? zone.startOfDay(now);
  const to = readParam(query, 'to-date', zone) ?? now;
  // The contract's not-after rule (checked by the kernel) cannot compare local times: their
  // instant depends on the server's zone, so the order is checked here too.
  if (from > to) {
    throw new SimError(400, 'from-date must not be later than to-date.', {
      code: 'INVALID_DATE_RANGE',
      details: { parameter: 'from-date' },
    });
  }
  return { from, to };
}

/**
 * A date parameter; the contract's pattern and "given once" were checked before the route. What
 * a pattern cannot state (calendar days, year 0000, offsets beyond ±14:00, the Date range) is
 * checked here, in the same words.
 */
function readParam(query: Record<string, unknown>, name: string, zone: TimeZone): number | undefined {
  const value = query[name] as string | undefined;
  if (value === undefined) return undefined;
  const parsed = parseXsDateTime(value, zone);
  if (!parsed.ok) {
    throw new SimError(400, `Invalid ${name} "${value}": ${parsed.reason}.`, {
      code: 'INVALID_DATE',
      details: { parameter: name },
    });
  }
  return parsed.ms;
}
