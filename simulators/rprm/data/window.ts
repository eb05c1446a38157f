import { type CdrContext, callScan, conferenceScan, conferencesEndedBefore } from './context.js';
import { pinnedEndedIn } from './golden.js';

/**
 * One export. Membership [R]: the calls and conferences that **ended** in [from, to) — the
 * DMA 10 UI's "ending after / ending before" — and had ended when the export was requested
 * (`asOf`): so the export holds nothing that has not ended, a future window holds nothing, and
 * consecutive windows [a, b), [b, c) hold every ended call exactly once.
 */
export interface CdrWindow {
  /** Requested bounds, epoch ms. */
  from: number;
  to: number;
  /** The instant the export was requested: nothing that ended at or after it is in it. */
  asOf: number;
  /** Exclusive bound on endTime actually applied: min(to, asOf), or the cut when truncated. */
  end: number;
  calls: number;
  conferences: number;
  /** Slot range the calls are filtered from, conference range likewise. */
  callScan: { first: number; end: number };
  conferenceScan: { first: number; end: number };
  truncated: boolean;
}

/** Calls that ended in [a, b): the seeded grid's (unless golden data replaces it) and the pinned ones. */
export function callsEndedIn(ctx: CdrContext, a: number, b: number): number {
  if (b <= a) return 0;
  const { grid, golden } = ctx;
  const seeded = golden.seeded ? grid.callsEndedBefore(b) - grid.callsEndedBefore(a) : 0;
  return seeded + pinnedEndedIn(golden.callEnds, a, b);
}

export function conferencesEndedIn(ctx: CdrContext, a: number, b: number): number {
  if (b <= a) return 0;
  const { grid, golden } = ctx;
  const seeded = golden.seeded ? conferencesEndedBefore(grid, b) - conferencesEndedBefore(grid, a) : 0;
  return seeded + pinnedEndedIn(golden.conferenceEnds, a, b);
}

export function planWindow(
  ctx: CdrContext,
  from: number,
  to: number,
  asOf: number,
  maxCalls: number,
): CdrWindow {
  const grid = ctx.grid;
  let end = Math.max(from, Math.min(to, asOf));
  let calls = callsEndedIn(ctx, from, end);
  const truncated = calls > maxCalls;
  if (truncated) {
    // The latest cut that keeps at most maxCalls calls (calls ended before it, counted from `from`).
    let lo = from;
    let hi = end;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (callsEndedIn(ctx, from, mid) <= maxCalls) lo = mid;
      else hi = mid;
    }
    end = lo;
    calls = callsEndedIn(ctx, from, end);
  }
  return {
    from,
    to,
    asOf,
    end,
    calls,
    conferences: conferencesEndedIn(ctx, from, end),
    callScan: end > from ? callScan(grid, from, end) : { first: 0, end: 0 },
    conferenceScan: end > from ? conferenceScan(grid, from, end) : { first: 0, end: 0 },
    truncated,
  };
}

/** CDR records of the export: call rows plus conference rows. */
export function recordCount(w: CdrWindow): number {
  return w.calls + w.conferences;
}
