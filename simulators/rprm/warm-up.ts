import { Writable } from 'node:stream';
import type { CdrContext } from './data/context.js';
import type { ResolvedRprmOptions } from './options.js';
import { planWindow } from './window.js';
import { loadZipWriter, streamCdrZip, type ZipStream } from './zip.js';

/** Enough rows for V8 to compile every row, CSV and ZIP path the first export will run. */
const WARM_UP_CALLS = 2000;
const WARM_UP_FROM = Date.UTC(2026, 0, 1);

let warming: Promise<void> | undefined;
let warmStream: ZipStream | undefined;
/** A real download began: its own stream compiles the path; the warm-up only loads archiver. */
let downloadBegan = false;

/**
 * Called when a generation starts: by the time the export is ready (seconds of simulated
 * generation), archiver is loaded and the ZIP path compiled, so the first download's first byte
 * does not pay ≈ 80 ms of import and ≈ 30 ms of first-run compilation. Simulators that never
 * export CDRs never load archiver (≈ 10–15 MB of RSS). Once per process; never rejects.
 */
export function warmCdrPathOnce(cdr: CdrContext, options: ResolvedRprmOptions): Promise<void> {
  warming ??= warmCdrPath(cdr, options).catch(() => {});
  return warming;
}

/** Loads archiver and streams a small export into nothing. Touches no export state. */
export async function warmCdrPath(cdr: CdrContext, options: ResolvedRprmOptions): Promise<void> {
  await loadZipWriter();
  if (downloadBegan) return;
  const window = planWindow(cdr.grid, WARM_UP_FROM, WARM_UP_FROM + 7 * 86_400_000, WARM_UP_CALLS);
  const sink = new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
  warmStream = streamCdrZip(cdr, window, sink, {
    date: new Date(WARM_UP_FROM),
    countInterval: options.callCountInterval,
  });
  await warmStream.done;
  warmStream = undefined;
}

/** A real download is starting: it must not share the CPU with a warm-up's throw-away ZIP. */
export function stopWarmUp(): void {
  downloadBegan = true;
  warmStream?.abort();
}
