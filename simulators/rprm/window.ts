import type { CallGrid } from './data/grid.js';

/**
 * One export's rows as index ranges: calls [firstCall, endCall), conferences
 * [firstConference, endConference). Above the row cap the window is cut at the start of the
 * first call that does not fit, so calls, conferences and counts all describe the same span.
 */
export interface CdrWindow {
  /** Requested bounds (epoch ms, both inclusive: Polycom exports CDRs that start on or before to-date). */
  from: number;
  to: number;
  /** Effective end: `to`, or the start of the first dropped call when truncated. */
  end: number;
  firstCall: number;
  endCall: number;
  firstConference: number;
  endConference: number;
  truncated: boolean;
}

export function planWindow(grid: CallGrid, from: number, to: number, maxCalls: number): CdrWindow {
  const firstCall = grid.firstCallAtOrAfter(from);
  let endCall = grid.firstCallAtOrAfter(to + 1);
  let end = to;
  const truncated = endCall - firstCall > maxCalls;
  if (truncated) {
    endCall = firstCall + maxCalls;
    end = grid.callStart(endCall);
  }
  return {
    from,
    to,
    end,
    firstCall,
    endCall,
    firstConference: grid.firstConferenceFrom(firstCall),
    endConference: grid.firstConferenceFrom(endCall),
    truncated,
  };
}

export function callCount(w: CdrWindow): number {
  return w.endCall - w.firstCall;
}

export function conferenceCount(w: CdrWindow): number {
  return w.endConference - w.firstConference;
}

/** CDR records of the export: call rows plus conference rows. */
export function recordCount(w: CdrWindow): number {
  return callCount(w) + conferenceCount(w);
}
