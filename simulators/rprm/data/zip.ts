import type { Readable, Writable } from 'node:stream';
import { type CountInterval, CountTally, callCountRows, intervalStart } from './callcounts.js';
import { callRows } from './calls.js';
import { conferenceRows } from './conferences.js';
import type { CdrContext } from './context.js';
import { type ColumnSpec, CsvRowStream } from './csv.js';
import type { CdrWindow } from './window.js';

/** Entry names inside the export (the UI saves the archive itself as cdrExport.zip). */
export const CDR_FILES = ['calls.csv', 'conferences.csv', 'callcounts.csv'] as const;
export type CdrFileName = (typeof CDR_FILES)[number];

export interface ZipStreamOptions {
  countInterval: CountInterval;
  /** Sees every block of rows as it is produced (tests and the benchmark count with it). */
  onRows?: (file: CdrFileName, count: number) => void;
  /** deflate level, default 6. */
  level?: number;
}

export interface ZipStream {
  /** Resolves when the archive is complete or was aborted. */
  done: Promise<'finished' | 'aborted'>;
  /** Stops row production and the archive; what was written stays written. */
  abort(): void;
}

/**
 * The export's three CSVs of a window, in entry order, as makers of streams of rows that are
 * made only as they are read. The call counts come last and are read from what the two
 * streams before them saw, when both ran to their end.
 */
export function cdrCsvSources(
  ctx: CdrContext,
  w: CdrWindow,
  countInterval: CountInterval,
  onRows?: (file: CdrFileName, count: number) => void,
): (() => Readable)[] {
  const tally = new CountTally((t) => intervalStart(ctx, w, countInterval, t));
  const file =
    (
      name: CdrFileName,
      columns: readonly ColumnSpec[],
      rows: () => Iterator<string[] & { quoteAll?: boolean }>,
      onEnd?: () => void,
    ) =>
    () =>
      new CsvRowStream(columns, rows(), (n) => onRows?.(name, n), onEnd);
  return [
    file(
      'calls.csv',
      ctx.callColumns,
      () => callRows(ctx, w.callScan, w.from, w.end, (end) => tally.addCall(end)),
      () => {
        tally.callsDone = true;
      },
    ),
    file(
      'conferences.csv',
      ctx.layouts.conferences,
      () => conferenceRows(ctx, w.conferenceScan, w.from, w.end, (end) => tally.addConference(end)),
      () => {
        tally.conferencesDone = true;
      },
    ),
    file('callcounts.csv', ctx.layouts.callCounts, () => callCountRows(ctx, w, countInterval, tally)),
  ];
}

/** The three CSVs as streams, to be read in entry order. */
export function cdrCsvStreams(
  ctx: CdrContext,
  w: CdrWindow,
  countInterval: CountInterval,
  onRows?: (file: CdrFileName, count: number) => void,
): Readable[] {
  return cdrCsvSources(ctx, w, countInterval, onRows).map((make) => make());
}

type ZipWriterClass = typeof import('./zip-writer.js').CdrZipWriter;

/**
 * The ZIP writer (zip-stream) is loaded on the first export rather than at start-up, where it
 * would lengthen every cold start for a route most runs never call; Node keeps the module, so
 * later exports find it at once.
 */
export function loadZipWriter(): Promise<ZipWriterClass> {
  return import('./zip-writer.js').then((m) => m.CdrZipWriter);
}

/**
 * Streams the three-CSV ZIP of a window into `out` with back-pressure: rows are generated only
 * as fast as deflate and the client consume them, so memory stays flat at any row count.
 */
export function streamCdrZip(
  ctx: CdrContext,
  w: CdrWindow,
  out: Writable,
  options: ZipStreamOptions,
): ZipStream {
  let started: ZipStream | undefined;
  let aborted = false;
  const done = loadZipWriter().then(
    (Writer) => {
      if (aborted) return 'aborted' as const;
      started = startZip(Writer, ctx, w, out, options);
      return started.done;
    },
    (error: unknown) => {
      out.destroy(error as Error);
      return 'aborted' as const;
    },
  );
  return {
    done,
    abort() {
      aborted = true;
      started?.abort();
    },
  };
}

/**
 * The entries' modification time: the export's end bound (min(to-date, the request instant)) as
 * the appliance's wall clock — a function of the window, never of when it was generated, so a
 * window regenerated later gives the same ZIP bytes when it gives the same CSV bytes. The ZIP
 * writer reads local-time getters, so the wall time is placed where the process's own zone
 * reads it back (DOS times have no zone; 2-second resolution, 1980–2107).
 */
export function entryDate(ctx: CdrContext, w: CdrWindow): Date {
  const wall = w.end + ctx.zone.offsetMinutes(w.end) * 60_000;
  const probe = new Date(wall);
  return new Date(wall + probe.getTimezoneOffset() * 60_000);
}

function startZip(
  Writer: ZipWriterClass,
  ctx: CdrContext,
  w: CdrWindow,
  out: Writable,
  options: ZipStreamOptions,
): ZipStream {
  // Same level and bytes as zlib's defaults; bigger output chunks mean fewer stream hops.
  const archive = new Writer({ level: options.level ?? 6, chunkSize: 256 * 1024 });
  const makers = cdrCsvSources(ctx, w, options.countInterval, options.onRows);
  const sources: Readable[] = [];
  let aborted = false;
  let settle: (outcome: 'finished' | 'aborted') => void = () => {};
  const done = new Promise<'finished' | 'aborted'>((resolve) => {
    settle = resolve;
  });
  const abort = () => {
    if (aborted) return;
    aborted = true;
    for (const s of sources) s.destroy();
    archive.unpipe(out);
    archive.destroy();
    settle('aborted');
  };
  archive.on('error', () => {
    abort();
    out.destroy();
  });
  out.once('finish', () => settle('finished'));
  const date = entryDate(ctx, w);
  // One file at a time, each added once the one before it is in the archive: nothing is
  // generated ahead of the entry being written, and the call counts find the tally complete.
  const addNext = (error: Error | null) => {
    if (aborted) return;
    if (error) {
      abort();
      out.destroy(error);
      return;
    }
    const i = sources.length;
    const make = makers[i];
    if (make === undefined) {
      archive.finalize();
      return;
    }
    const source = make();
    source.on('error', () => abort());
    sources.push(source);
    archive.add(source, CDR_FILES[i]!, date, addNext);
  };
  archive.pipe(out);
  addNext(null);
  return { done, abort };
}
