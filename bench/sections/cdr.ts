import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { createCdrSource } from '../../simulators/rprm/index.js';
import type { Context } from '../lib/context.js';
import { benchScript, peakRssMb, pinned, ROOT, sleep } from '../lib/proc.js';
import { ratio, spread } from '../lib/stats.js';
import { RPRM_BASIC } from '../vendors/rprm.js';
import { simServer } from './json.js';

/**
 * RPRM's CDR export as an integration downloads it: generate-cdrs for a window holding exactly
 * N calls, clock advanced until the status says ready, then GET download-cdrs over loopback
 * HTTP, read by a separate pinned process. A fresh simulator per download, so its VmHWM is the
 * peak of that download alone. Anchor: the same call rows through plain zlib deflate-raw
 * level 6 (servers/zlib-baseline.ts), row generation included, in the same run.
 */
export interface CdrWindow {
  calls: number;
  reps: number;
  csvBytes: number;
  zipBytes: number;
  /** Request sent → first body byte (median), first download after the simulator started. */
  ttfbMs: number;
  /** The same, for a second download of the export (code paths warm). */
  warmTtfbMs: number;
  seconds: number;
  /** Uncompressed CSV bytes (all three files) per second of download (median). */
  csvMBps: number;
  zipMBps: number;
  csvMBpsSpread: { min: number; median: number; max: number };
  /** Simulator VmHWM after the download (max over reps), and before it (idle, prepared). */
  peakRssMb: number;
  idleRssMb: number;
  /** The anchor: the calls CSV through plain zlib deflate-raw level 6. */
  zlib: Anchor | undefined;
  /** The simulator's ZIP (streamCdrZip) into a sink in-process: what the ZIP costs without HTTP. */
  zipInProcess: Anchor | undefined;
  /** CSV MB/s of the simulator / of the zlib anchor. */
  vsZlib: number | undefined;
}

export interface Anchor {
  csvMBps: number;
  seconds: number;
  ttfbMs: number;
  peakRssMb: number;
  csvBytes: number;
}

interface AnchorRun {
  csvBytes: number;
  outBytes: number;
  seconds: number;
  ttfbMs: number;
  peakRssMb: number;
}

export interface CdrResult {
  callsPerDay: number;
  /** Pause between the simulator's READY and the first request of the CDR flow. */
  settleMs: number;
  windows: CdrWindow[];
  /** Peak RSS of the largest window minus that of the smallest. */
  rssGrowthMb: number | undefined;
}

const CALLS_PER_DAY = 100_000;
const SETTLE_MS = 3000;
const FROM = Date.UTC(2026, 2, 1, 5, 0, 0); // 2026-03-01 00:00 in New York; the DST change falls inside 1M calls

interface Download {
  status: number;
  ttfbMs: number;
  bytes: number;
  seconds: number;
}

function runJson<T>(cores: string | undefined, script: string, arg: unknown, timeoutMs: number): Promise<T> {
  const [cmd, args] = pinned(cores, process.execPath, [benchScript(script), JSON.stringify(arg)]);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${script} exited ${code}: ${err.slice(-800)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as T);
      } catch (e) {
        reject(e);
      }
    });
  });
}

function zipEntries(file: string): Promise<{ name: string; size: number }[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const entries: { name: string; size: number }[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({ name: e.fileName, size: e.uncompressedSize });
        zip.readEntry();
      });
      zip.once('end', () => resolve(entries));
      zip.once('error', reject);
      zip.readEntry();
    });
  });
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(base + path, {
    method,
    headers: { authorization: RPRM_BASIC, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function downloadOnce(ctx: Context, calls: number, to: number) {
  const spec = simServer({
    only: ['rprm'],
    rateLimit: 'never',
    tls: false,
    simulators: { rprm: { callsPerDay: CALLS_PER_DAY, maxCdrRecords: 10_000_000 } },
  });
  return ctx.withServer(spec, async (s) => {
    const base = (JSON.parse(s.ready) as { urls: Record<string, string> }).urls.rprm!;
    // Let the fresh process settle first: a 1M download started < 1 s after READY grows the
    // simulator's anonymous memory ~2.5 MB/s for the whole download (JS heap flat), one started
    // 2.5 s after stays flat — see bench/README.md, finding 6. `settleMs` is in the results.
    await sleep(SETTLE_MS);
    const q = `?from-date=${new Date(FROM).toISOString()}&to-date=${new Date(to).toISOString()}`;
    const gen = await call(base, 'POST', `/api/rest/billing/generate-cdrs${q}`);
    if (gen.status !== 202) throw new Error(`generate-cdrs: ${gen.status} ${await gen.text()}`);
    await (await call(base, 'POST', '/_sim/clock/advance', { seconds: 100_000_000 })).text();
    const status = (await (await call(base, 'GET', '/api/rest/billing/status')).json()) as {
      downloadReady?: boolean;
      totalNumberCdrRecords?: number;
    };
    if (!status.downloadReady) throw new Error(`status not ready: ${JSON.stringify(status)}`);
    const idleRssMb = peakRssMb(s.child);
    const file = join(ctx.tmp, `cdr-${calls}.zip`);
    const d = await runJson<Download>(
      ctx.settings.pin.load,
      'cdr-client.js',
      { url: `${base}/api/rest/billing/download-cdrs`, headers: { authorization: RPRM_BASIC }, file },
      300_000,
    );
    if (d.status !== 200) throw new Error(`download-cdrs: HTTP ${d.status}`);
    const rss = peakRssMb(s.child);
    // The same export again, hung up after the first byte: first byte once the code is warm.
    const warm = await runJson<Download>(
      ctx.settings.pin.load,
      'cdr-client.js',
      {
        url: `${base}/api/rest/billing/download-cdrs`,
        headers: { authorization: RPRM_BASIC },
        file,
        firstByteOnly: true,
      },
      60_000,
    );
    const entries = await zipEntries(file);
    rmSync(file, { force: true });
    return { d, rss, idleRssMb, entries, warmTtfbMs: warm.ttfbMs };
  });
}

function csvBytesOf(download: { entries: { size: number }[] }): number {
  return download.entries.reduce((sum, e) => sum + e.size, 0);
}

function summarizeAnchor(runs: AnchorRun[]): Anchor | undefined {
  if (!runs.length) return undefined;
  return {
    csvMBps: spread(runs.map((z) => z.csvBytes / 1e6 / z.seconds)).median,
    seconds: spread(runs.map((z) => z.seconds)).median,
    ttfbMs: spread(runs.map((z) => z.ttfbMs)).median,
    peakRssMb: Math.max(...runs.map((z) => z.peakRssMb)),
    csvBytes: runs[0]!.csvBytes,
  };
}

export async function cdrStream(ctx: Context): Promise<CdrResult> {
  ctx.log('CDR stream (download-cdrs) vs zlib deflate-raw level 6');
  const sizes = ctx.settings.cdrSizes ?? (ctx.settings.quick ? [10_000, 100_000] : [100_000, 1_000_000]);
  // 1M calls take ~15 s per download and ~30 s for its two anchors: two repetitions there.
  const repsFor = (calls: number) => (ctx.settings.quick ? 1 : calls >= 1_000_000 ? 2 : 3);
  const source = createCdrSource({
    seed: 1,
    callsPerDay: CALLS_PER_DAY,
    maxCdrRecords: Number.MAX_SAFE_INTEGER,
  });
  const windows: CdrWindow[] = [];
  for (const calls of sizes) {
    const to = source.windowOfCalls(FROM, calls).end;
    const downloads: Awaited<ReturnType<typeof downloadOnce>>[] = [];
    const anchors: Record<'zlib' | 'zip', AnchorRun[]> = { zlib: [], zip: [] };
    for (let i = 0; i < repsFor(calls); i++) {
      try {
        const r = await downloadOnce(ctx, calls, to);
        downloads.push(r);
        const csv = csvBytesOf(r);
        ctx.log(
          `  ${calls} calls: first byte ${r.d.ttfbMs.toFixed(1)} ms (warm ${r.warmTtfbMs.toFixed(1)} ms), ${(csv / 1e6 / r.d.seconds).toFixed(1)} MB/s CSV, ` +
            `${(r.d.bytes / 1e6 / r.d.seconds).toFixed(1)} MB/s ZIP, peak RSS ${r.rss.toFixed(0)} MB (idle ${r.idleRssMb.toFixed(0)})`,
        );
      } catch (e) {
        ctx.note(`CDR download of ${calls} calls failed: ${(e as Error).message}`);
        break;
      }
      for (const mode of ctx.settings.quick ? (['zlib'] as const) : (['zlib', 'zip'] as const)) {
        try {
          const z = await runJson<AnchorRun>(
            ctx.settings.pin.server,
            'servers/zlib-baseline.js',
            { mode, calls, from: FROM, callsPerDay: CALLS_PER_DAY },
            300_000,
          );
          // The in-process ZIP holds exactly the bytes of the download's entries.
          if (mode === 'zip') z.csvBytes = csvBytesOf(downloads[downloads.length - 1]!);
          anchors[mode].push(z);
          ctx.log(
            `  ${calls} calls ${mode} in-process: ${(z.csvBytes / 1e6 / z.seconds).toFixed(1)} MB/s CSV`,
          );
        } catch (e) {
          ctx.note(`${mode} anchor of ${calls} calls failed: ${(e as Error).message}`);
        }
      }
    }
    if (!downloads.length) continue;
    const csvBytes = csvBytesOf(downloads[0]!);
    const csvRates = spread(downloads.map((r) => csvBytes / 1e6 / r.d.seconds));
    const seconds = spread(downloads.map((r) => r.d.seconds)).median;
    const zlib = summarizeAnchor(anchors.zlib);
    windows.push({
      calls,
      reps: downloads.length,
      csvBytes,
      zipBytes: downloads[0]!.d.bytes,
      ttfbMs: spread(downloads.map((r) => r.d.ttfbMs)).median,
      warmTtfbMs: spread(downloads.map((r) => r.warmTtfbMs)).median,
      seconds,
      csvMBps: csvRates.median,
      zipMBps: downloads[0]!.d.bytes / 1e6 / seconds,
      csvMBpsSpread: csvRates,
      peakRssMb: Math.max(...downloads.map((r) => r.rss)),
      idleRssMb: Math.max(...downloads.map((r) => r.idleRssMb)),
      zlib,
      zipInProcess: summarizeAnchor(anchors.zip),
      vsZlib: ratio(csvRates.median, zlib?.csvMBps),
    });
  }
  const first = windows[0];
  const last = windows[windows.length - 1];
  return {
    callsPerDay: CALLS_PER_DAY,
    settleMs: SETTLE_MS,
    windows,
    rssGrowthMb: first && last && first !== last ? last.peakRssMb - first.peakRssMb : undefined,
  };
}
