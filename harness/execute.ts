import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { ResponseProfile } from '../contracts/index.js';
import type { VendorPlugin } from '../simulators/kernel/plugin.js';
import {
  compareLines,
  ExpectedLinesError,
  type LineDiff,
  lineRow,
  readExpectedLines,
  renderLineDiff,
} from './billing/expect.js';
import { totalsByCustomer } from './billing/lines.js';
import { writeLinesCsv, writeLinesJson } from './billing/output.js';
import { DEFAULT_DEADLINE_MS, fmt } from './deadline.js';
import type { Period } from './flows/context.js';
import type { FlowDefinition } from './flows/flow.js';
import type { HttpClientOptions } from './http/client.js';
import { HttpError } from './http/errors.js';
import { RateCard } from './rate-card/rate-card.js';
import { Recorder } from './record/recorder.js';
import { consoleProgress, renderSummary } from './reports/console.js';
import { writeJsonReport } from './reports/json.js';
import { writeJunit } from './reports/junit.js';
import type { RunReport } from './reports/model.js';
import { type RunTarget, runFlows } from './run.js';
import { type Embedded, startEmbedded } from './targets/embedded.js';
import { externalTarget } from './targets/external.js';
import type { HarnessTime } from './time.js';
import { loadHarnesses, type VendorHarness } from './vendors.js';

export interface ExecuteOptions {
  /** Vendor names or flow ids; default every vendor. */
  select?: string[];
  /** vendor → base URL; vendors without one run against embedded simulators. */
  targets?: Record<string, string>;
  rateCard?: string;
  /** Output folder for report.json, junit.xml, billing-lines.csv/json. */
  out?: string;
  /** JUnit file path (default `<out>/junit.xml`). */
  junit?: string;
  period?: Period;
  strict?: boolean;
  /** Contract view for every target; default `vendor` for --target URLs, `simulator` for embedded ones. */
  profile?: ResponseProfile;
  seed?: number;
  /** Start instant of the embedded simulators' clock. */
  at?: string;
  timeScale?: number;
  /** vendor → CA PEM file, for external HTTPS targets. */
  caFiles?: Record<string, string>;
  /** Vendors whose TLS certificate is not verified (external targets only). */
  insecure?: string[];
  verbose?: boolean;
  env: NodeJS.ProcessEnv;
  stdout: Writable;
  /** Time for external targets (the real clock in the CLI). */
  time: HarnessTime;
  stopwatch: () => number;
  /** Extra simulator options and a kernel tap (tests). */
  simulators?: Record<string, Record<string, unknown>>;
  kernel?: Record<string, unknown>;
  http?: Omit<HttpClientOptions, 'time' | 'stopwatch' | 'transcript' | 'ca' | 'insecure'>;
  pollTimeoutMs?: number;
  /** See RunOptions.deadlineMs / maxWaitMs. */
  deadlineMs?: number;
  maxWaitMs?: number;
  /** Plug-ins to run (default: the registry's). */
  plugins?: readonly VendorPlugin[];
  vendors?: readonly VendorHarness[];
  /** Folder for a HAR recording of every exchange and the raw CSV/ZIP files (`--record`). */
  record?: string;
  /** Stops the run (the CLI aborts it on SIGINT/SIGTERM); the reports so far are written. */
  signal?: AbortSignal;
  /** After a stop, how long the running step may take to notice before the stop-time report is used. Default 1 s. */
  stopGraceMs?: number;
  /**
   * Expected billing lines (a CSV in billing-lines.csv's format, `--expect`): the run passes only
   * when its lines match them exactly; otherwise the differences are printed and it fails.
   */
  expect?: string;
}

export interface ExecuteResult {
  exitCode: number;
  /** Why the run stopped early, when it did. */
  interrupted?: string;
  report: RunReport;
  files: string[];
  /** The comparison with `expect`, when given. */
  lineDiff?: LineDiff;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * What `billing-sim flows` does: pick flows and targets, start embedded simulators for the
 * vendors without a URL, run, print, write the reports, stop the simulators.
 */
export async function executeFlows(options: ExecuteOptions): Promise<ExecuteResult> {
  const all = options.vendors ?? (await loadHarnesses(options.plugins));
  const flows = selectFlows(all, options.select);
  const vendors = all.filter((v) => flows.some((f) => f.vendor === v.vendor));
  for (const name of Object.keys(options.targets ?? {}))
    if (!all.some((v) => v.vendor === name))
      throw new UsageError(`--target ${name}: unknown vendor (have: ${all.map((v) => v.vendor).join(', ')})`);
  const rateCard = await RateCard.load(options.rateCard);
  let expected: Awaited<ReturnType<typeof readExpectedLines>> | undefined;
  try {
    expected = options.expect === undefined ? undefined : await readExpectedLines(options.expect);
  } catch (e) {
    if (e instanceof ExpectedLinesError) throw new UsageError(e.message);
    throw e;
  }

  const targets: Record<string, RunTarget> = {};
  for (const v of vendors) {
    const url = options.targets?.[v.vendor];
    if (!url) continue;
    try {
      targets[v.vendor] = externalTarget(v, url, options.env, {
        caFile: options.caFiles?.[v.vendor],
        insecure: options.insecure?.includes(v.vendor),
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const local = vendors.filter((v) => !targets[v.vendor]);
  let embedded: Embedded | undefined;
  try {
    if (local.length) {
      embedded = await startEmbedded({
        vendors: local,
        seed: options.seed,
        at: options.at,
        timeScale: options.timeScale,
        simulators: options.simulators,
        kernel: options.kernel,
        plugins: options.plugins,
      });
      Object.assign(targets, embedded.targets);
      options.stdout.write(
        `embedded simulators: ${local.map((v) => `${v.vendor} ${embedded?.targets[v.vendor]?.baseUrl}`).join(', ')}\n`,
      );
    }
    const out = outputFiles(options);
    await mkdir(dirname(out.report), { recursive: true });
    await mkdir(dirname(out.junit), { recursive: true });
    const live = new LiveReports(out);
    // Valid (empty) reports from the start: a run killed before its first step leaves them too.
    live.update(
      emptyReport(embedded ? 'embedded' : 'external', embedded?.time ?? options.time, rateCard.source),
    );
    // The deadline also holds on the wall clock: a server that hangs cannot keep CI waiting.
    const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const wall = new AbortController();
    const timer = setTimeout(
      () =>
        wall.abort(
          new HttpError(
            `the run deadline (--deadline ${fmt(deadlineMs)}) passed on the wall clock`,
            'deadline',
          ),
        ),
      deadlineMs,
    );
    timer.unref();
    const signal = options.signal ? AbortSignal.any([options.signal, wall.signal]) : wall.signal;
    const recorder = options.record ? await Recorder.create(resolve(options.record)) : undefined;
    let latest: RunReport | undefined;
    const run = runFlows({
      flows,
      targets,
      mode: embedded ? 'embedded' : 'external',
      // The period follows the simulators' clock when they run: their data lives on it.
      time: embedded?.time ?? options.time,
      stopwatch: options.stopwatch,
      rateCard,
      period: options.period,
      strict: options.strict,
      profile: options.profile,
      http: options.http,
      pollTimeoutMs: options.pollTimeoutMs,
      deadlineMs,
      maxWaitMs: options.maxWaitMs,
      signal,
      recorder,
      onEvent: consoleProgress(options.stdout, { verbose: options.verbose }),
      onUpdate: (partial) => {
        latest = partial;
        live.update(partial);
      },
    }).finally(() => clearTimeout(timer));
    // After a stop the run gets a moment to end by itself; a step busy with something long (a
    // big CSV) is not waited for: the report made at the stop is the result.
    const stopped = await settleOrStop(run, signal, () => latest, options.stopGraceMs ?? STOP_GRACE_MS);
    const report = stopped.report;
    options.stdout.write(renderSummary(report));
    await live.flush(report);
    const files = Object.values(out);
    if (recorder) files.push(await recorder.save(!stopped.early));
    if (report.interrupted) options.stdout.write(`stopped: ${report.interrupted}\n`);
    options.stdout.write(`reports: ${files.join(', ')}\n`);
    let lineDiff: LineDiff | undefined;
    if (expected && options.expect !== undefined) {
      lineDiff = compareLines(expected, report.flows.flatMap((f) => f.lines).map(lineRow));
      options.stdout.write(renderLineDiff(lineDiff, options.expect));
    }
    const passed = report.passed && (lineDiff?.equal ?? true);
    return { exitCode: passed ? 0 : 1, report, files, interrupted: report.interrupted, lineDiff };
  } finally {
    // A flow still running after a stop may hold connections: closing does not wait on it long.
    if (embedded) await Promise.race([embedded.close(), delay(signalled(options.signal) ? 500 : 60_000)]);
  }
}

/** How long a stopped run may take to end by itself before its stop-time report is used. */
const STOP_GRACE_MS = 1000;

function signalled(signal: AbortSignal | undefined): boolean {
  return signal?.aborted ?? false;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The run's report, or — `graceMs` after the signal, if the run has not ended — the latest snapshot. */
function settleOrStop(
  run: Promise<RunReport>,
  signal: AbortSignal,
  latest: () => RunReport | undefined,
  graceMs: number,
): Promise<{ report: RunReport; early: boolean }> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      timer = setTimeout(() => {
        const report = latest();
        if (report) resolve({ report, early: true });
      }, graceMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    run.then(
      (report) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve({ report, early: false });
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export function selectFlows(
  vendors: readonly VendorHarness[],
  select: string[] | undefined,
): FlowDefinition[] {
  const flows = vendors.flatMap((v) => v.flows);
  if (!select?.length) return flows;
  const unknown = select.filter(
    (s) => !vendors.some((v) => v.vendor === s) && !flows.some((f) => f.id === s),
  );
  if (unknown.length) {
    const names = [
      ...vendors.map((v) => v.vendor),
      ...flows.map((f) => f.id).filter((id) => !vendors.some((v) => v.vendor === id)),
    ];
    throw new UsageError(`--vendor: unknown ${unknown.join(', ')} (have: ${names.join(', ')})`);
  }
  return flows.filter((f) => select.includes(f.vendor) || select.includes(f.id));
}

interface OutputFiles {
  report: string;
  junit: string;
  csv: string;
  json: string;
}

function outputFiles(options: ExecuteOptions): OutputFiles {
  const out = resolve(options.out ?? 'billing-sim-report');
  return {
    report: join(out, 'report.json'),
    junit: options.junit ? resolve(options.junit) : join(out, 'junit.xml'),
    csv: join(out, 'billing-lines.csv'),
    json: join(out, 'billing-lines.json'),
  };
}

async function writeOutputs(report: RunReport, files: OutputFiles): Promise<void> {
  const lines = report.flows.flatMap((f) => f.lines);
  await writeJsonReport(files.report, report);
  await writeJunit(files.junit, report);
  await writeLinesCsv(files.csv, lines);
  await writeLinesJson(files.json, lines, totalsByCustomer(lines));
}

/**
 * Keeps the report files current while the run goes: each update is written (atomically) after
 * the one before; updates that arrive meanwhile collapse into the latest.
 */
class LiveReports {
  private pending: RunReport | undefined;
  private writing: Promise<void> | undefined;
  private failure: unknown;

  constructor(private readonly files: OutputFiles) {}

  update(report: RunReport): void {
    this.pending = report;
    this.writing ??= this.drain();
  }

  /** Writes `last` after anything in flight; rejects when a write failed. */
  async flush(last: RunReport): Promise<void> {
    this.update(last);
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const report = this.pending;
      this.pending = undefined;
      await writeOutputs(report, this.files).catch((e: unknown) => {
        this.failure = e;
      });
    }
    this.writing = undefined;
  }
}

function emptyReport(mode: RunReport['mode'], time: HarnessTime, rateCard: string): RunReport {
  return {
    tool: 'billing-sim flows',
    startedAt: new Date(time.now()).toISOString(),
    durationMs: 0,
    mode,
    passed: false,
    flows: [],
    totals: [],
    rateCard,
    transcript: [],
    complete: false,
  };
}
