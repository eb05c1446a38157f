import { Rng, type SeededData } from '../../kernel/index.js';

/** Calls of one VMR conference come from one block of this many consecutive call slots. */
export const CALLS_PER_BLOCK = 8;

/** Every call ends less than this after it starts (the longest call is 5400.999 s). */
export const MAX_CALL_MS = 5_401_000;

/** What decides when a call lives: drawn first from its Rng, so a window can filter cheaply. */
export interface CallTiming {
  g: number;
  start: number;
  /** When the DMA's involvement ended; the CDR exists from this instant on. */
  end: number;
  inConference: boolean;
  /** Drawn for conference calls (a room that requires a chairperson makes its first call one). */
  chair: boolean;
  /** Point-to-point calls that never connected (a failure code, a few seconds). */
  failed: boolean;
  /** The call's Rng after the timing draws: the row continues from here. */
  rng: Rng;
}

/**
 * Calls sit on a fixed time grid: call `g` (any integer, negative before 1970) starts somewhere in
 * [g·interval, (g+1)·interval), drawn from its own seeded Rng, and lasts less than MAX_CALL_MS.
 * So the calls that end in any span [a, b) are among the slots starting in [a − MAX_CALL_MS, b):
 * a window is a contiguous slot range filtered by end time, and nothing is kept in memory.
 * Conference `c` belongs to block c (slots c·K … c·K+K−1); its first slot always joins.
 */
export class CallGrid {
  readonly intervalMs: number;
  private readonly callSeed: number;
  private readonly conferenceSeed: number;

  constructor(
    data: SeededData,
    readonly callsPerDay: number,
  ) {
    this.intervalMs = 86_400_000 / callsPerDay;
    this.callSeed = data.seedFor('rprm:call');
    this.conferenceSeed = data.seedFor('rprm:conf');
  }

  /**
   * The Rng of call slot `g`: the slot number mixed into the seed with integer arithmetic (every
   * row makes several, and a key string per slot cost more than the rest of its timing).
   */
  callRng(g: number): Rng {
    return new Rng(mixIndex(this.callSeed, g));
  }

  conferenceRng(c: number): Rng {
    return new Rng(mixIndex(this.conferenceSeed, c));
  }

  timing(g: number): CallTiming {
    const rng = this.callRng(g);
    const start = Math.floor((g + rng.next()) * this.intervalMs);
    const inConference = mod(g, CALLS_PER_BLOCK) === 0 || rng.next() < 0.55;
    let chair = false;
    let failed = false;
    let duration: number;
    if (inConference) {
      chair = rng.next() < 0.12;
      duration = rng.int(60, 5400) * 1000 + rng.int(0, 999);
    } else {
      failed = rng.next() < 0.04;
      duration = failed ? rng.int(0, 20_999) : rng.int(20, 5400) * 1000 + rng.int(0, 999);
    }
    return { g, start, end: start + duration, inConference, chair, failed, rng };
  }

  /** End instant of call `g` alone. */
  callEnd(g: number): number {
    return this.timing(g).end;
  }

  callStart(g: number): number {
    return Math.floor((g + this.callRng(g).next()) * this.intervalMs);
  }

  /** Index of the first call starting at or after `t`. */
  firstCallAtOrAfter(t: number): number {
    const g = Math.floor(t / this.intervalMs);
    return this.callStart(g) >= t ? g : g + 1;
  }

  /**
   * Calls (slot index > −∞) that ended before `t`, counted from an arbitrary origin: only
   * differences mean anything. Slots starting before t − MAX_CALL_MS have all ended; the few
   * after are checked one by one.
   */
  callsEndedBefore(t: number): number {
    const sure = this.firstCallAtOrAfter(t - MAX_CALL_MS);
    const none = this.firstCallAtOrAfter(t);
    let n = sure;
    for (let g = sure; g < none; g++) if (this.callEnd(g) < t) n++;
    return n;
  }
}

/** murmur3's 32-bit finaliser over (seed, high word, low word) of a safe integer. */
export function mixIndex(seed: number, n: number): number {
  const lo = n >>> 0;
  const hi = Math.floor(n / 4294967296) >>> 0;
  let h = seed ^ Math.imul(lo, 0xcc9e2d51);
  h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  h ^= Math.imul(hi, 0x1b873593);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
