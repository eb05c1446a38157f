import { formatDate, monthStart } from './dates.js';

/**
 * What billing observes of one org in one month, derived from the org's licence and device
 * assignments: per product, the first-observation instants sorted by instant then resource, and
 * where each report row `{"name":…,"date":…}` would start in the month's rendering. The org's
 * facts are kept in columns (typed arrays, one entry per assignment or resource) built once per
 * org, so deriving a month allocates a few arrays per product and no object or string per row;
 * rows are written as bytes straight into the report that asks for them (`writeRows`).
 */

const DAY_S = 86_400;

/** `YYYY-MM-DDTHH:MM:SSZ"}`: the bytes after a resource's name prefix. */
const DATE_TAIL = 22;
/** `YYYY-MM-DDT`. */
const DAY_BYTES = 11;

/** Observations of one month for one product, sorted by instant then resource. */
export interface ProductMonth {
  /** Seconds since the month's start of each observation (whole seconds). */
  seconds: Uint32Array;
  /** The resource (index into `OrgHistory.resources`) of each observation. */
  resources: Uint32Array;
  /**
   * Where row i starts in the month's rows written comma-separated; `offsets[n]` is one past the
   * end plus one (a comma's room), so rows [lo, hi) take `offsets[hi] - offsets[lo] - 1` bytes.
   */
  offsets: Uint32Array;
  /** `YYYY-MM-DDT` of every day of the month (shared by the month's products). */
  days: Buffer;
}

export interface MonthObservations {
  start: number;
  endExclusive: number;
  /** Indexed like `OrgHistory.observedProducts`. */
  products: ProductMonth[];
  /** Bytes held by the month's arrays. */
  size: number;
}

/** A licence or device held by one resource over [from, to). */
export interface Assignment {
  resource: number;
  product: number;
  from: number;
  to: number;
  /** Sub-seed for the per-month observation instants. */
  seed: number;
  /** Golden data: the first observation per month number; no entry, not observed that month. */
  observed?: Map<number, number>;
}

/** The org's assignments as columns, in the order they were made (resource order). */
export class Assignments {
  readonly resource: Uint32Array;
  readonly product: Uint8Array;
  readonly from: Float64Array;
  readonly to: Float64Array;
  readonly seed: Uint32Array;
  /** Assignments per product: the most observations one month of that product can hold. */
  readonly perProduct: Uint32Array;
  /** Pinned first observations per assignment (golden data), when any assignment has them. */
  readonly observed: (Map<number, number> | undefined)[] | undefined;

  constructor(list: readonly Assignment[], products: number) {
    const n = list.length;
    this.resource = new Uint32Array(n);
    this.product = new Uint8Array(n);
    this.from = new Float64Array(n);
    this.to = new Float64Array(n);
    this.seed = new Uint32Array(n);
    this.perProduct = new Uint32Array(products);
    list.forEach((a, i) => {
      this.resource[i] = a.resource;
      this.product[i] = a.product;
      this.from[i] = a.from;
      this.to[i] = a.to;
      this.seed[i] = a.seed;
      this.perProduct[a.product]!++;
    });
    this.observed = list.some((a) => a.observed) ? list.map((a) => a.observed) : undefined;
  }

  get length(): number {
    return this.resource.length;
  }

  /** Whether resources never decrease along the columns (the month sort relies on it). */
  inResourceOrder(): boolean {
    for (let i = 1; i < this.resource.length; i++)
      if (this.resource[i]! < this.resource[i - 1]!) return false;
    return true;
  }
}

/** `{"name":"…","date":"` of every resource, rendered once per org into one buffer. */
export class NamePrefixes {
  readonly bytes: Buffer;
  /** Byte offset of resource r's prefix; `starts[r + 1]` is one past its end. */
  readonly starts: Uint32Array;
  /** The same bytes, read four at a time by `writeRows`. */
  readonly view: DataView;

  constructor(names: readonly string[]) {
    // The prefixes laid end to end are `{"name":"` + the names joined by `","date":"{"name":"` +
    // `","date":"`: one join, one encoding. Names JSON would escape are escaped first.
    // One test of all names at once: the usual org has no name to escape.
    const inner = PLAIN.test(names.join(''))
      ? names
      : names.map((n) => (PLAIN.test(n) ? n : JSON.stringify(n).slice(1, -1)));
    const text = names.length === 0 ? '' : `${OPEN}${inner.join(`${CLOSE}${OPEN}`)}${CLOSE}`;
    this.bytes = Buffer.from(text, 'utf8');
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
    this.starts = new Uint32Array(names.length + 1);
    const ascii = this.bytes.length === text.length;
    const fixed = OPEN.length + CLOSE.length;
    let off = 0;
    inner.forEach((n, i) => {
      this.starts[i] = off;
      off += fixed + (ascii ? n.length : Buffer.byteLength(n, 'utf8'));
    });
    this.starts[names.length] = off;
  }
}

const OPEN = '{"name":"';
const CLOSE = '","date":"';
/**
 * Text JSON.stringify writes as it is (printable ASCII but `"` and `\`, and the BMP outside the
 * C1 controls and surrogates); anything else takes the JSON.stringify path.
 */
const PLAIN = /^[ !#-[\]-~\u00a0-\ud7ff\ue000-\uffff]*$/;

/** Integer hash of two 32-bit values → [0, 1): observation instants without an Rng per month. */
export function unit(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ a, 0x27d4eb2f);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

export function monthNumber(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * The observations of the month starting at `start` (UTC midnight of a 1st): each assignment
 * overlapping the month is first observed once in it, at an instant drawn from its sub-seed —
 * skewed towards the start of the overlap (most users log in early) — except that a user who
 * never logs in during a month (4 %) is not billable for it; a device always is.
 */
export function deriveMonth(
  start: number,
  assignments: Assignments,
  isDevice: readonly boolean[],
  names: NamePrefixes,
): MonthObservations {
  const endExclusive = monthStart(start, 1);
  const month = monthNumber(start);
  const products = assignments.perProduct.length;
  const { resource, product, from, to, seed, observed } = assignments;
  // Per product, sized up front (one observation per assignment at most): no array growth.
  const seconds = Array.from(assignments.perProduct, (n) => new Uint32Array(n));
  const resources = Array.from(assignments.perProduct, (n) => new Uint32Array(n));
  const filled = new Uint32Array(products);
  for (let i = 0; i < resource.length; i++) {
    const f = from[i]!;
    const t = to[i]!;
    const lo = f > start ? f : start;
    const hi = t < endExclusive ? t : endExclusive;
    if (lo >= hi) continue;
    const p = product[i]!;
    const pinned = observed?.[i];
    let at: number;
    if (pinned) {
      // Golden data: observed exactly when pinned (whole seconds), and in no other month.
      const pinnedAt = pinned.get(month);
      if (pinnedAt === undefined || pinnedAt < lo || pinnedAt >= hi) continue;
      at = pinnedAt;
    } else {
      const s = seed[i]!;
      if (!isDevice[p] && unit(s, month) < 0.04) continue;
      const u = unit(s ^ 0x5bd1e995, month);
      // Whole seconds, as every assignment starts on a whole second.
      at = lo + Math.floor((u * u * (hi - lo)) / 1000) * 1000;
      if (at >= hi) at = lo;
    }
    const k = filled[p]!++;
    seconds[p]![k] = (at - start) / 1000;
    resources[p]![k] = resource[i]!;
  }
  const days = dayPrefixes(start, endExclusive);
  const scratch = new Uint32Array(2 * Math.max(0, ...filled));
  const counts = new Uint32Array(RADIX);
  const nameStarts = names.starts;
  let size = days.length;
  const out: ProductMonth[] = [];
  for (let p = 0; p < products; p++) {
    const n = filled[p]!;
    // Trimmed to what the month holds.
    const secs = n === seconds[p]!.length ? seconds[p]! : seconds[p]!.slice(0, n);
    const res = n === resources[p]!.length ? resources[p]! : resources[p]!.slice(0, n);
    // Assignments come in resource order, so a stable sort by instant orders by (instant, resource).
    sortBySeconds(secs, res, scratch, counts);
    const offsets = new Uint32Array(n + 1);
    let o = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = o;
      const r = res[i]!;
      o += nameStarts[r + 1]! - nameStarts[r]! + DATE_TAIL + 1;
    }
    offsets[n] = n === 0 ? 1 : o;
    size += secs.byteLength + res.byteLength + offsets.byteLength;
    out.push({ seconds: secs, resources: res, offsets, days });
  }
  return { start, endExclusive, products: out, size };
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/**
 * Stable LSD radix sort of `secs` (values below 2^22: seconds in a month) carrying `res` along,
 * in two passes of 11 bits through `scratch` (room for 2n values).
 */
function sortBySeconds(secs: Uint32Array, res: Uint32Array, scratch: Uint32Array, counts: Uint32Array): void {
  const n = secs.length;
  if (n < 2) return;
  const tmpS = scratch.subarray(0, n);
  const tmpR = scratch.subarray(n, 2 * n);
  for (let pass = 0; pass < 2; pass++) {
    const shift = pass * RADIX_BITS;
    const [srcS, srcR, dstS, dstR] = pass === 0 ? [secs, res, tmpS, tmpR] : [tmpS, tmpR, secs, res];
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(srcS[i]! >>> shift) & (RADIX - 1)]!++;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = srcS[i]!;
      const at = counts[(v >>> shift) & (RADIX - 1)]!++;
      dstS[at] = v;
      dstR[at] = srcR[i]!;
    }
  }
}

/** `YYYY-MM-DDT` of every day of the month, 11 bytes each. */
function dayPrefixes(start: number, endExclusive: number): Buffer {
  const count = Math.round((endExclusive - start) / (DAY_S * 1000));
  let text = '';
  for (let d = 0; d < count; d++) text += `${formatDate(start + d * DAY_S * 1000)}T`;
  // Its own memory: a month kept in a cache does not pin a slab of Buffer's shared pool.
  const days = Buffer.allocUnsafeSlow(text.length);
  days.write(text, 'latin1');
  return days;
}

/** Bytes `writeRows` writes for rows [lo, hi) of `month`. */
export function rowsLength(month: ProductMonth, lo: number, hi: number): number {
  return hi > lo ? month.offsets[hi]! - month.offsets[lo]! - 1 : 0;
}

/**
 * Writes rows [lo, hi) of `month` — `{"name":…,"date":"YYYY-MM-DDTHH:MM:SSZ"}`, comma-separated —
 * into `out` (viewed by `view`) at `at`; returns the offset after them. Four bytes at a time
 * through DataViews: Buffer#copy costs more than it moves for a few dozen bytes.
 */
export function writeRows(
  names: NamePrefixes,
  month: ProductMonth,
  lo: number,
  hi: number,
  out: Buffer,
  view: DataView,
  at: number,
): number {
  const { seconds, resources, days } = month;
  const src = names.view;
  const starts = names.starts;
  const dayView = new DataView(days.buffer, days.byteOffset, days.length);
  let o = at;
  for (let i = lo; i < hi; i++) {
    if (i > lo) out[o++] = 0x2c; // ,
    const r = resources[i]!;
    const from = starts[r]!;
    // A prefix is at least 19 bytes: whole words, then the last word again (overlapping).
    const last = starts[r + 1]! - from - 4;
    for (let k = 0; k < last; k += 4) view.setUint32(o + k, src.getUint32(from + k));
    view.setUint32(o + last, src.getUint32(from + last));
    o += last + 4;
    let s = seconds[i]!;
    const day = (s / DAY_S) | 0;
    s -= day * DAY_S;
    const d = day * DAY_BYTES;
    view.setUint32(o, dayView.getUint32(d));
    view.setUint32(o + 4, dayView.getUint32(d + 4));
    view.setUint32(o + 7, dayView.getUint32(d + 7));
    o += DAY_BYTES;
    const h = (s / 3600) | 0;
    s -= h * 3600;
    const m = (s / 60) | 0;
    s -= m * 60;
    const h1 = (h / 10) | 0;
    const m1 = (m / 10) | 0;
    const s1 = (s / 10) | 0;
    out[o] = 48 + h1;
    out[o + 1] = 48 + h - h1 * 10;
    out[o + 2] = 0x3a; // :
    out[o + 3] = 48 + m1;
    out[o + 4] = 48 + m - m1 * 10;
    out[o + 5] = 0x3a;
    out[o + 6] = 48 + s1;
    out[o + 7] = 48 + s - s1 * 10;
    out[o + 8] = 0x5a; // Z
    out[o + 9] = 0x22; // "
    out[o + 10] = 0x7d; // }
    o += 11;
  }
  return o;
}
