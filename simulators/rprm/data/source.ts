import type { Readable, Writable } from 'node:stream';
import { SeededData } from '../../kernel/index.js';
import { createCdrContext } from './context.js';
import { MAX_CALL_MS } from './grid.js';
import { loadCdrLayouts } from './layout.js';
import { type CdrWindow, planWindow } from './window.js';
import { type CdrFileName, cdrCsvStreams, streamCdrZip, type ZipStream } from './zip.js';
import { TimeZone } from './zone.js';

/** What the benchmark (and other tools) need to produce an export without an HTTP server. */
export interface CdrSourceOptions {
  seed?: number;
  timeZone?: string;
  callsPerDay?: number;
  clusters?: string[];
  maxCdrRecords?: number;
  /** Calls layout by its version value (default '2', DMA 6.x). */
  cdrVersion?: string;
}

export interface CdrSource {
  /** The window holding exactly `calls` calls from `from` (epoch ms). */
  windowOfCalls(from: number, calls: number): CdrWindow;
  window(from: number, to: number): CdrWindow;
  /** The export ZIP of a window, streamed into `out` with back-pressure. */
  zip(window: CdrWindow, out: Writable, onRows?: (file: CdrFileName, count: number) => void): ZipStream;
  /** The ZIP's three CSVs (calls, conferences, call counts) as the same bytes its entries hold. */
  csvFiles(window: CdrWindow): Readable[];
}

const COUNT_INTERVAL = 'hour';

/** Same seed and options as a simulator → byte-identical files. */
export function createCdrSource(options: CdrSourceOptions = {}): CdrSource {
  const ctx = createCdrContext(new SeededData(options.seed ?? 1), {
    zone: new TimeZone(options.timeZone ?? 'America/New_York'),
    callsPerDay: options.callsPerDay ?? 1000,
    clusters: options.clusters ?? ['dma-east.example.com'],
    unreachableClusters: [],
    layouts: loadCdrLayouts,
    version: options.cdrVersion ?? '2',
  });
  const max = options.maxCdrRecords ?? Number.MAX_SAFE_INTEGER;
  return {
    windowOfCalls(from, calls) {
      // Far enough that `calls` calls have ended; the cut then lands right after the last of them.
      const to = from + Math.ceil((calls + 1) * ctx.grid.intervalMs) + 2 * MAX_CALL_MS;
      const w = planWindow(ctx, from, to, to, calls);
      return { ...w, to: w.end, truncated: false };
    },
    // Everything has ended for a tool: the window is cut by its own bounds only.
    window: (from, to) => planWindow(ctx, from, to, to, max),
    zip: (window, out, onRows) => streamCdrZip(ctx, window, out, { countInterval: COUNT_INTERVAL, onRows }),
    csvFiles: (window) => cdrCsvStreams(ctx, window, COUNT_INTERVAL),
  };
}
