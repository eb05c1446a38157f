import type { Rng, SeededData } from '../../kernel/index.js';

/** Calls of one VMR conference come from one block of this many consecutive calls. */
export const CALLS_PER_BLOCK = 8;

/**
 * Calls sit on a fixed time grid: call `g` (any integer, negative before 1970) starts somewhere in
 * [g·interval, (g+1)·interval), drawn from its own seeded Rng. Start times are therefore
 * non-decreasing in `g`, so the calls of any window are a contiguous index range found with
 * two look-ups, and overlapping windows hold identical rows.
 * Conference `c` belongs to block c (calls c·K … c·K+K−1) and starts with its first call.
 */
export class CallGrid {
  readonly intervalMs: number;

  constructor(
    private readonly data: SeededData,
    readonly callsPerDay: number,
  ) {
    this.intervalMs = 86_400_000 / callsPerDay;
  }

  /** The Rng of call `g`; its first draw is the start offset, its second the VMR decision. */
  callRng(g: number): Rng {
    return this.data.rng(`rprm:call:${g}`);
  }

  conferenceRng(c: number): Rng {
    return this.data.rng(`rprm:conf:${c}`);
  }

  /** Consumes the first draw of a fresh call Rng. */
  startFrom(g: number, rng: Rng): number {
    return Math.floor((g + rng.next()) * this.intervalMs);
  }

  callStart(g: number): number {
    return this.startFrom(g, this.callRng(g));
  }

  /** Consumes the second draw: the first call of a block always joins its conference. */
  joinsConference(g: number, rng: Rng): boolean {
    return mod(g, CALLS_PER_BLOCK) === 0 || rng.next() < 0.55;
  }

  /** Index of the first call starting at or after `t`. */
  firstCallAtOrAfter(t: number): number {
    const g = Math.floor(t / this.intervalMs);
    return this.callStart(g) >= t ? g : g + 1;
  }

  /** Index of the first conference whose first call has index ≥ `g`. */
  firstConferenceFrom(g: number): number {
    return Math.ceil(g / CALLS_PER_BLOCK);
  }

  /** When conference `c` ends: after its block's last possible start plus a seeded tail. */
  conferenceEnd(c: number, rng: Rng): { end: number; tailMs: number } {
    const tailMs = rng.int(5, 60) * 60_000;
    return { end: Math.floor((c + 1) * CALLS_PER_BLOCK * this.intervalMs) + tailMs, tailMs };
  }
}

export function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
