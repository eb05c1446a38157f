import type { Rng, SeededData } from '../../kernel/index.js';
import type { TimeZone } from '../zone.js';
import { CALLS_PER_BLOCK, CallGrid } from './grid.js';
import { buildPools, type Pools, type Room } from './pools.js';

/** Everything row generation reads: built once per simulator, shared by every export. */
export interface CdrContext {
  grid: CallGrid;
  /** Drawn from Faker on first read: a simulator that never exports CDRs never builds them. */
  readonly pools: Pools;
  zone: TimeZone;
  clusters: readonly string[];
  unreachableClusters: readonly string[];
  lastConference?: { c: number; facts: ConferenceFacts };
}

export function createCdrContext(
  data: SeededData,
  options: {
    zone: TimeZone;
    callsPerDay: number;
    clusters: readonly string[];
    unreachableClusters: readonly string[];
  },
): CdrContext {
  let pools: Pools | undefined;
  return {
    grid: new CallGrid(data, options.callsPerDay),
    get pools() {
      pools ??= buildPools(data);
      return pools;
    },
    zone: options.zone,
    clusters: options.clusters,
    unreachableClusters: options.unreachableClusters,
  };
}

/** The facts of conference `c` that its calls repeat; the draw order is fixed, so both agree. */
export interface ConferenceFacts {
  room: Room;
  uuid: string;
  cluster: string;
  start: number;
  end: number;
  tailMs: number;
  /** Uniform draws in [0,1) for the conference row's own values (kept as numbers: facts are shared). */
  voiceDraw: number;
  apiIdDraw: number;
}

/**
 * Facts of conference `c`. The calls of one conference are consecutive rows, so the last result
 * is kept: the same facts, computed once per conference instead of once per call.
 */
export function conferenceFacts(ctx: CdrContext, c: number): ConferenceFacts {
  if (ctx.lastConference?.c === c) return ctx.lastConference.facts;
  const facts = computeConferenceFacts(ctx, c);
  ctx.lastConference = { c, facts };
  return facts;
}

function computeConferenceFacts(ctx: CdrContext, c: number): ConferenceFacts {
  const rng = ctx.grid.conferenceRng(c);
  const room = rng.pick(ctx.pools.rooms);
  const { end, tailMs } = ctx.grid.conferenceEnd(c, rng);
  const uuid = fastUuid(rng);
  const cluster = rng.pick(ctx.clusters);
  const voiceDraw = rng.next();
  const apiIdDraw = rng.next();
  const start = ctx.grid.callStart(c * CALLS_PER_BLOCK);
  return { room, uuid, cluster, start, end, tailMs, voiceDraw, apiIdDraw };
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
