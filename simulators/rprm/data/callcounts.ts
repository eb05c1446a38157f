import type { CdrWindow } from '../window.js';
import type { CdrContext } from './context.js';

export type CountInterval = 'hour' | 'day';

const HOUR_MS = 3_600_000;

/**
 * The call-counts list: one INTERVAL row per hour (or local day) of the export, counting the
 * calls and conferences that start in it, then one TOTAL row with the file totals and the
 * clusters included / excluded as unreachable (the DMA's summary line).
 */
export function* callCountRows(ctx: CdrContext, w: CdrWindow, interval: CountInterval): Generator<string[]> {
  const { grid, zone } = ctx;
  const clustersIncluded = ctx.clusters.join(';');
  const clustersExcluded = ctx.unreachableClusters.join(';');
  let a = w.from;
  while (a < w.end) {
    const next = interval === 'hour' ? Math.floor(a / HOUR_MS) * HOUR_MS + HOUR_MS : zone.startOfNextDay(a);
    const b = Math.min(next, w.end);
    const callsA = grid.firstCallAtOrAfter(a);
    const callsB = b === w.end ? w.endCall : grid.firstCallAtOrAfter(b);
    yield [
      'INTERVAL',
      zone.format(a),
      zone.format(b),
      String(callsB - callsA),
      String(grid.firstConferenceFrom(callsB) - grid.firstConferenceFrom(callsA)),
      '',
      '',
    ];
    a = b;
  }
  yield [
    'TOTAL',
    zone.format(w.from),
    zone.format(w.end),
    String(w.endCall - w.firstCall),
    String(w.endConference - w.firstConference),
    clustersIncluded,
    clustersExcluded,
  ];
}
