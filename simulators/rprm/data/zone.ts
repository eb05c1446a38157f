/**
 * The appliance's time zone: offset lookup and local-time formatting through Intl only.
 * CDR files carry local times with the GMT offset, so formatting sits on the hot path:
 * offsets are cached per quarter hour (every real zone changes offset on a quarter-hour boundary).
 */
const SLOT_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const CACHE_LIMIT = 200_000;

export class TimeZone {
  private dtfMemo: Intl.DateTimeFormat | undefined;
  private readonly offsets = new Map<number, number>();
  /** Per UTC day: the offset when it holds all day, null on a day with a transition. */
  private readonly days = new Map<number, number | null>();

  /**
   * @param checked false: the zone is the default one and known to exist, so loading the zone
   *   data (a first `Intl.DateTimeFormat` with a zone costs tens of ms) waits for its first use.
   */
  constructor(
    readonly name: string,
    checked = true,
  ) {
    // Throws RangeError for a zone Intl does not know.
    if (checked) this.dtfMemo = TimeZone.formatter(name);
  }

  private get dtf(): Intl.DateTimeFormat {
    this.dtfMemo ??= TimeZone.formatter(this.name);
    return this.dtfMemo;
  }

  private static formatter(name: string): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Minutes east of UTC in force at the instant `ms`. */
  offsetMinutes(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let whole = this.days.get(day);
    if (whole === undefined) {
      // Zones change offset at most once a day, so equal offsets at both ends mean no change between.
      const atStart = this.slotOffset(day * (DAY_MS / SLOT_MS));
      const atEnd = this.slotOffset((day + 1) * (DAY_MS / SLOT_MS) - 1);
      whole = atStart === atEnd ? atStart : null;
      if (this.days.size >= CACHE_LIMIT) this.days.clear();
      this.days.set(day, whole);
    }
    return whole ?? this.slotOffset(Math.floor(ms / SLOT_MS));
  }

  private slotOffset(slot: number): number {
    let offset = this.offsets.get(slot);
    if (offset === undefined) {
      offset = this.computeOffset(slot * SLOT_MS);
      if (this.offsets.size >= CACHE_LIMIT) this.offsets.clear();
      this.offsets.set(slot, offset);
    }
    return offset;
  }

  /** Per local day: its `YYYY-MM-DDT` prefix (CDR times of one export share a few days). */
  private readonly dayPrefixes = new Map<number, string>();

  /** `YYYY-MM-DDTHH:MM:SS.FFF±HH:MM` in this zone, the CDR time format. */
  format(ms: number): string {
    const offset = this.offsetMinutes(ms);
    const local = ms + offset * 60_000;
    const day = Math.floor(local / DAY_MS);
    let prefix = this.dayPrefixes.get(day);
    if (prefix === undefined) {
      prefix = formatWithOffset(day * DAY_MS, 0).slice(0, -18);
      if (this.dayPrefixes.size >= CACHE_LIMIT) this.dayPrefixes.clear();
      this.dayPrefixes.set(day, prefix);
    }
    // Time of day and offset by arithmetic: a Date and six getters per cell dominated row cost.
    const rest = local - day * DAY_MS;
    const h = Math.floor(rest / 3_600_000);
    const m = Math.floor(rest / 60_000) % 60;
    const sec = Math.floor(rest / 1000) % 60;
    return `${prefix}${PAD2[h]}:${PAD2[m]}:${PAD2[sec]}.${PAD3[rest % 1000]}${this.offsetText(offset)}`;
  }

  private readonly offsetTexts = new Map<number, string>();

  /** `±HH:MM`; a zone has a handful of offsets. */
  private offsetText(offsetMinutes: number): string {
    let text = this.offsetTexts.get(offsetMinutes);
    if (text === undefined) {
      text = formatWithOffset(0, offsetMinutes).slice(-6);
      this.offsetTexts.set(offsetMinutes, text);
    }
    return text;
  }

  /** The UTC instant of a local wall-clock time; in a DST gap the later offset wins, in an overlap the earlier instant. */
  fromLocal(wallAsUtcMs: number): number {
    const first = wallAsUtcMs - this.offsetMinutes(wallAsUtcMs) * 60_000;
    const second = wallAsUtcMs - this.offsetMinutes(first) * 60_000;
    if (first === second) return first;
    // Overlap: both readings are real; take the earlier. Gap: neither round-trips; take the later offset.
    const backFirst = first + this.offsetMinutes(first) * 60_000;
    const backSecond = second + this.offsetMinutes(second) * 60_000;
    if (backFirst === wallAsUtcMs && backSecond === wallAsUtcMs) return Math.min(first, second);
    if (backSecond === wallAsUtcMs) return second;
    if (backFirst === wallAsUtcMs) return first;
    return Math.max(first, second);
  }

  /** Local midnight that starts the day holding `ms`. */
  startOfDay(ms: number): number {
    const local = new Date(ms + this.offsetMinutes(ms) * 60_000);
    return this.fromLocal(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  }

  /** Local midnight that starts the next day after the one holding `ms`. */
  startOfNextDay(ms: number): number {
    const local = new Date(ms + this.offsetMinutes(ms) * 60_000);
    return this.fromLocal(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1));
  }

  private computeOffset(ms: number): number {
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of this.dtf.formatToParts(new Date(ms))) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        case 'era':
          bc = part.value.startsWith('B');
          break;
      }
    }
    const wall = utcMs(bc ? 1 - year : year, month - 1, day, hour, minute, second, 0);
    return Math.round((wall - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
  }
}

/** Date.UTC without the 0–99 → 1900s year quirk. */
export function utcMs(
  year: number,
  monthIndex: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  const d = new Date(Date.UTC(2000, monthIndex, day, hour, minute, second, ms));
  d.setUTCFullYear(year);
  return d.getTime();
}

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

export function formatWithOffset(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const year = d.getUTCFullYear();
  const abs = Math.abs(offsetMinutes);
  return (
    // JavaScript year 0 is 1 BCE, which xs:dateTime writes as -0001.
    (year <= 0 ? `-${pad(1 - year, 4)}` : year >= 1000 ? String(year) : pad(year, 4)) +
    '-' +
    PAD2[d.getUTCMonth() + 1] +
    '-' +
    PAD2[d.getUTCDate()] +
    'T' +
    PAD2[d.getUTCHours()] +
    ':' +
    PAD2[d.getUTCMinutes()] +
    ':' +
    PAD2[d.getUTCSeconds()] +
    '.' +
    PAD3[d.getUTCMilliseconds()] +
    (offsetMinutes < 0 ? '-' : '+') +
    pad(Math.floor(abs / 60), 2) +
    ':' +
    PAD2[abs % 60]
  );
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}
