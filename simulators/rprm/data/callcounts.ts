import type { CsvRow } from './calls.js';
import type { CdrContext } from './context.js';
import type { CdrWindow } from './window.js';
import { callsEndedIn, conferencesEndedIn } from './window.js';

export type CountInterval = 'hour' | 'day';

const HOUR_MS = 3_600_000;

/**
 * What the calls and conferences streams saw, per interval start: the call-counts list is the
 * ZIP's last entry, so when both streams ran to their end it is read from here instead of
 * being counted again.
 */
export class CountTally {
  readonly calls = new Map<number, number>();
  readonly conferences = new Map<number, number>();
  callsDone = false;
  conferencesDone = false;

  constructor(readonly intervalOf: (t: number) => number) {}

  addCall(end: number): void {
    const k = this.intervalOf(end);
    this.calls.set(k, (this.calls.get(k) ?? 0) + 1);
  }

  addConference(end: number): void {
    const k = this.intervalOf(end);
    this.conferences.set(k, (this.conferences.get(k) ?? 0) + 1);
  }
}

/** The start of the interval holding `t` (hours on the hour, or local days), not before `from`. */
export function intervalStart(ctx: CdrContext, w: CdrWindow, interval: CountInterval, t: number): number {
  const start = interval === 'hour' ? Math.floor(t / HOUR_MS) * HOUR_MS : ctx.zone.startOfDay(t);
  return Math.max(w.from, start);
}

/**
 * The call-counts list: one INTERVAL row per hour (or local day) of the export, counting the
 * calls and conferences that ended in it, then one TOTAL row with the file totals and the
 * clusters included / excluded as unreachable (the DMA's summary line).
 */
export function* callCountRows(
  ctx: CdrContext,
  w: CdrWindow,
  interval: CountInterval,
  tally?: CountTally,
): Generator<CsvRow> {
  const { zone } = ctx;
  const time = ctx.formatTime;
  const clustersIncluded = ctx.clusters.join(';');
  const clustersExcluded = ctx.unreachableClusters.join(';');
  const useTally = tally?.callsDone === true && tally.conferencesDone;
  let a = w.from;
  while (a < w.end) {
    const next = interval === 'hour' ? Math.floor(a / HOUR_MS) * HOUR_MS + HOUR_MS : zone.startOfNextDay(a);
    const b = Math.min(next, w.end);
    const calls = useTally ? (tally.calls.get(a) ?? 0) : callsEndedIn(ctx, a, b);
    const conferences = useTally ? (tally.conferences.get(a) ?? 0) : conferencesEndedIn(ctx, a, b);
    yield project(ctx, {
      recordType: 'INTERVAL',
      intervalStart: time(a),
      intervalEnd: time(b),
      numberOfCalls: String(calls),
      numberOfConferences: String(conferences),
      clustersIncluded: '',
      clustersExcluded: '',
    });
    a = b;
  }
  yield project(ctx, {
    recordType: 'TOTAL',
    intervalStart: time(w.from),
    intervalEnd: time(w.end),
    numberOfCalls: String(w.calls),
    numberOfConferences: String(w.conferences),
    clustersIncluded,
    clustersExcluded,
  });
}

function project(ctx: CdrContext, record: Record<string, string>): CsvRow {
  return ctx.layouts.callCounts.map((c) => {
    const v = record[c.name];
    if (v === undefined) throw new Error(`callcounts.csv column ${c.name} has no value`);
    return v;
  });
}
