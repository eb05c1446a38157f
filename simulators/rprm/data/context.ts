import type { Rng, SeededData } from '../../kernel/index.js';
import type { ColumnSpec } from './csv.js';
import { CALLS_PER_BLOCK, CallGrid, type CallTiming, MAX_CALL_MS } from './grid.js';
import type { CdrLayouts } from './layout.js';
import { buildPools, type Pools, type Room } from './pools.js';
import type { TimeZone } from './zone.js';

/** Everything row generation reads: built once per simulator, shared by every export. */
export interface CdrContext {
  grid: CallGrid;
  /** Drawn from Faker on first read: a simulator that never exports CDRs never builds them. */
  readonly pools: Pools;
  zone: TimeZone;
  clusters: readonly string[];
  unreachableClusters: readonly string[];
  layouts: CdrLayouts;
  /** Value of the `version` column, naming the calls layout. */
  version: string;
  callColumns: readonly ColumnSpec[];
  /** CDR time format of the layout's version (milliseconds from DMA 6 on). */
  formatTime: (ms: number) => string;
  lastConference?: { c: number; facts: ConferenceFacts };
}

export function createCdrContext(
  data: SeededData,
  options: {
    zone: TimeZone;
    callsPerDay: number;
    clusters: readonly string[];
    unreachableClusters: readonly string[];
    /** Read on first use: parsing the CSV contracts is a start-up cost no `serve` needs to pay. */
    layouts: () => CdrLayouts;
    version: string;
  },
): CdrContext {
  let pools: Pools | undefined;
  let layouts: CdrLayouts | undefined;
  let callColumns: readonly ColumnSpec[] | undefined;
  const zone = options.zone;
  // DMA 4.x wrote times without milliseconds (YYYY-MM-DDTHH:MM:SS±HH:MM).
  const formatTime =
    options.version === '1'
      ? (ms: number) => zone.format(ms).replace(/\.\d{3}(?=[+-])/, '')
      : (ms: number) => zone.format(ms);
  return {
    version: options.version,
    get callColumns() {
      if (callColumns) return callColumns;
      const all = this.layouts;
      callColumns = all.calls.get(options.version);
      if (!callColumns) {
        throw new RangeError(
          `cdrVersion must name a calls layout in contracts/csv (${[...all.calls.keys()].join(', ')}), got ${options.version}`,
        );
      }
      return callColumns;
    },
    formatTime,
    grid: new CallGrid(data, options.callsPerDay),
    get pools() {
      pools ??= buildPools(data);
      return pools;
    },
    zone: options.zone,
    clusters: options.clusters,
    unreachableClusters: options.unreachableClusters,
    get layouts() {
      layouts ??= options.layouts();
      return layouts;
    },
  };
}

/** The facts of conference `c` that its calls repeat; the draw order is fixed, so both agree. */
export interface ConferenceFacts {
  c: number;
  room: Room;
  uuid: string;
  cluster: string;
  /** The first participant's join (the block's first slot always joins, and starts first). */
  start: number;
  /** The last participant's leave: the latest end of its calls. */
  end: number;
  /** The calls that joined, in join order (an ITP system is one call). */
  calls: readonly CallTiming[];
  /** Max concurrent calls. */
  partCount: number;
  /** Join of the first chairperson, if any joined. */
  firstChairJoin: number | undefined;
  /** Lync conferences are named by their Lync conference id, not a VMR number. */
  lyncId: string;
  voiceDraw: number;
  apiIdDraw: number;
}

/**
 * Facts of conference `c`. The calls of one conference are consecutive slots, so the last result
 * is kept: the same facts, computed once per conference instead of once per call.
 */
export function conferenceFacts(ctx: CdrContext, c: number): ConferenceFacts {
  if (ctx.lastConference?.c === c) return ctx.lastConference.facts;
  const facts = computeConferenceFacts(ctx, c);
  ctx.lastConference = { c, facts };
  return facts;
}

function computeConferenceFacts(ctx: CdrContext, c: number): ConferenceFacts {
  const calls = joinedCalls(ctx.grid, c);
  const rng = ctx.grid.conferenceRng(c);
  const room = rng.pick(ctx.pools.rooms);
  const uuid = fastUuid(rng);
  const cluster = rng.pick(ctx.clusters);
  const voiceDraw = rng.next();
  const apiIdDraw = rng.next();
  const lyncId = lyncConferenceId(rng);
  // A template that requires a chairperson: the conference only starts once one is in.
  if (room.requiresChair) calls[0]!.chair = true;
  let firstChairJoin: number | undefined;
  for (const call of calls) if (call.chair && firstChairJoin === undefined) firstChairJoin = call.start;
  return {
    c,
    room,
    uuid,
    cluster,
    start: calls[0]!.start,
    end: lastLeave(calls),
    calls,
    partCount: maxConcurrent(calls),
    firstChairJoin,
    lyncId,
    voiceDraw,
    apiIdDraw,
  };
}

function joinedCalls(grid: CallGrid, c: number): CallTiming[] {
  const calls: CallTiming[] = [];
  for (let g = c * CALLS_PER_BLOCK; g < (c + 1) * CALLS_PER_BLOCK; g++) {
    const t = grid.timing(g);
    if (t.inConference) calls.push(t);
  }
  return calls;
}

function lastLeave(calls: readonly CallTiming[]): number {
  let end = calls[0]!.end;
  for (const call of calls) if (call.end > end) end = call.end;
  return end;
}

/** Max number of calls connected at one instant (a call ending as another joins does not overlap). */
export function maxConcurrent(calls: readonly { start: number; end: number }[]): number {
  let best = 0;
  for (const a of calls) {
    let n = 0;
    for (const b of calls) if (b.start <= a.start && b.end > a.start) n++;
    if (n > best) best = n;
  }
  return best;
}

/** When conference `c` ends, from its calls' timings alone (no pools). */
export function conferenceEnd(grid: CallGrid, c: number): number {
  return lastLeave(joinedCalls(grid, c));
}

/** Conferences that ended before `t`, from an arbitrary origin (only differences mean anything). */
export function conferencesEndedBefore(grid: CallGrid, t: number): number {
  const sure = Math.floor(grid.firstCallAtOrAfter(t - MAX_CALL_MS) / CALLS_PER_BLOCK);
  const none = Math.ceil(grid.firstCallAtOrAfter(t) / CALLS_PER_BLOCK);
  let n = sure;
  for (let c = sure; c < none; c++) if (conferenceEnd(grid, c) < t) n++;
  return n;
}

/** Conference-number scan range of the conferences that can end in [a, b). */
export function conferenceScan(grid: CallGrid, a: number, b: number): { first: number; end: number } {
  return {
    first: Math.floor(grid.firstCallAtOrAfter(a - MAX_CALL_MS) / CALLS_PER_BLOCK),
    end: Math.ceil(grid.firstCallAtOrAfter(b) / CALLS_PER_BLOCK),
  };
}

/** Slot scan range of the calls that can end in [a, b). */
export function callScan(grid: CallGrid, a: number, b: number): { first: number; end: number } {
  return { first: grid.firstCallAtOrAfter(a - MAX_CALL_MS), end: grid.firstCallAtOrAfter(b) };
}

const LYNC_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Lync/Skype conference ids are eight characters of a 32-letter alphabet. */
function lyncConferenceId(rng: Rng): string {
  let id = '';
  for (let i = 0; i < 8; i++) id += LYNC_ALPHABET[Math.floor(rng.next() * LYNC_ALPHABET.length)];
  return id;
}

/** A v4-shaped UUID from four 32-bit draws (cheaper than sixteen byte draws). */
export function fastUuid(rng: Rng): string {
  const a = hex8(rng);
  const b = hex8(rng);
  const c = hex8(rng);
  const d = hex8(rng);
  const variant = ((Number.parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Eight hex digits from one draw; a byte table, since Number#toString(16) dominated row cost. */
export function hex8(rng: Rng): string {
  const n = (rng.next() * 0x100000000) >>> 0;
  return (
    HEX_BYTES[n >>> 24]! + HEX_BYTES[(n >>> 16) & 0xff]! + HEX_BYTES[(n >>> 8) & 0xff]! + HEX_BYTES[n & 0xff]!
  );
}
