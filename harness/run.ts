import { type ContractSet, type CsvContracts, contracts, csvContracts } from '../contracts/index.js';
import { priceUsage, totalsByCustomer } from './billing/lines.js';
import { abortError, DEFAULT_DEADLINE_MS, DEFAULT_MAX_WAIT_MS, fmt, RunBudget } from './deadline.js';
import { FlowContext, type FlowEvent, FlowStopped, type Period, type Target } from './flows/context.js';
import type { FlowDefinition } from './flows/flow.js';
import { HttpClient, type HttpClientOptions } from './http/client.js';
import { Transcript } from './http/transcript.js';
import type { RateCard } from './rate-card/rate-card.js';
import type { Recorder } from './record/recorder.js';
import type { FlowResult, RunReport } from './reports/model.js';
import type { HarnessTime } from './time.js';
import { ContractCheck } from './validation/contract-check.js';

/** A target plus how to reach it over TLS. */
export interface RunTarget extends Target {
  /** PEM CA certificate(s) to trust (a self-signed simulator's certificate). */
  ca?: string | string[];
  insecure?: boolean;
  /** The target's own time (the embedded simulators' clock); default RunOptions.time. */
  time?: HarnessTime;
}

export interface RunOptions {
  flows: readonly FlowDefinition[];
  /** By vendor name; a flow without a target is reported as skipped. */
  targets: Record<string, RunTarget>;
  mode: 'embedded' | 'external';
  time: HarnessTime;
  /** Measures durations; `() => 0` in tests that compare reports. */
  stopwatch: () => number;
  rateCard: RateCard;
  /** Default: the previous calendar month on `time`. */
  period?: Period;
  contracts?: ContractSet;
  csv?: CsvContracts;
  /** Unknown fields and headers fail the flow instead of warning. */
  strict?: boolean;
  /** HTTP tuning (timeouts, retries) shared by every flow. */
  http?: Omit<HttpClientOptions, 'time' | 'stopwatch' | 'transcript' | 'ca' | 'insecure'>;
  /** Harness-time budget of one polling loop. Default 30 min. */
  pollTimeoutMs?: number;
  /**
   * The whole run's budget (default 1 h), counted on the time each flow runs on: a wait that
   * would pass it fails its step at once, and the flows after it are skipped.
   */
  deadlineMs?: number;
  /** Longest single wait (Retry-After, back-off, polling interval). Default 120 s. */
  maxWaitMs?: number;
  /** Stops the run: in-flight requests and waits end, the current step is marked interrupted. */
  signal?: AbortSignal;
  /** Records every exchange (HAR and body files) — `billing-sim flows --record <dir>`. */
  recorder?: Recorder;
  /** A snapshot of the report so far (complete: false) after every step and every flow. */
  onUpdate?: (report: RunReport) => void;
  findingLimit?: number;
  onEvent?: (event: FlowEvent) => void;
}

/**
 * Runs the flows one after the other and prices what they found. Never throws for what a
 * server did: every failure ends up in the report.
 */
export async function runFlows(options: RunOptions): Promise<RunReport> {
  const transcript = new Transcript();
  const startedAt = new Date(options.time.now()).toISOString();
  const begun = options.stopwatch();
  const period = options.period ?? previousMonth(options.time.now());
  const budget = new RunBudget(
    options.deadlineMs ?? DEFAULT_DEADLINE_MS,
    options.maxWaitMs ?? options.http?.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    options.signal,
  );
  const results: FlowResult[] = [];
  const snapshot = (running: FlowResult | undefined, complete: boolean): RunReport => {
    const flows = running ? [...results, running] : [...results];
    const lines = flows.flatMap((r) => r.lines);
    const stopped = options.signal?.aborted ? abortError(options.signal).message : undefined;
    return {
      tool: 'billing-sim flows',
      startedAt,
      durationMs: Math.round(options.stopwatch() - begun),
      mode: options.mode,
      passed: complete && !stopped && flows.length > 0 && flows.every((r) => r.outcome !== 'failed'),
      flows,
      totals: totalsByCustomer(lines),
      rateCard: options.rateCard.source,
      transcript: transcript.entries,
      complete,
      ...(stopped ? { interrupted: stopped } : {}),
    };
  };
  // While a flow runs: its report as it would read if the run stopped right now.
  let stoppedNow: (() => FlowResult) | undefined;
  let index = 0;
  // On a stop, a report at once — the running step marked interrupted, the flows after it
  // skipped — even when the step takes a while to notice (parsing a big CSV).
  const onStop = () => {
    if (!options.onUpdate || !options.signal) return;
    const why = `not run: the run was stopped (${abortError(options.signal).message})`;
    const rest = options.flows.slice(index + (stoppedNow ? 1 : 0)).map((f) => notRun(f, options, why));
    options.onUpdate({
      ...snapshot(stoppedNow?.(), false),
      flows: [...results, ...(stoppedNow ? [stoppedNow()] : []), ...rest],
    });
  };
  options.signal?.addEventListener('abort', onStop, { once: true });
  for (const [i, flow] of options.flows.entries()) {
    index = i;
    if (options.signal?.aborted) {
      results.push(
        notRun(flow, options, `not run: the run was stopped (${abortError(options.signal).message})`),
      );
      continue;
    }
    const update = options.onUpdate
      ? (partial: FlowResult) => options.onUpdate?.(snapshot(partial, false))
      : undefined;
    results.push(
      await runOne(flow, options, period, transcript, budget, update, (stopped) => {
        stoppedNow = stopped;
      }),
    );
    stoppedNow = undefined;
    options.onUpdate?.(snapshot(undefined, false));
  }
  options.signal?.removeEventListener('abort', onStop);
  return snapshot(undefined, true);
}

function notRun(flow: FlowDefinition, options: RunOptions, message: string): FlowResult {
  return {
    flow: flow.id,
    vendor: flow.vendor,
    title: flow.title,
    target: options.targets[flow.vendor]?.baseUrl ?? '-',
    outcome: 'skipped',
    durationMs: 0,
    lines: [],
    steps: [{ name: 'target', outcome: 'skipped', durationMs: 0, message, findings: [], requests: 0 }],
  };
}

async function runOne(
  flow: FlowDefinition,
  options: RunOptions,
  period: Period,
  transcript: Transcript,
  budget: RunBudget,
  onUpdate: ((partial: FlowResult) => void) | undefined,
  track: (stopped: () => FlowResult) => void,
): Promise<FlowResult> {
  const target = options.targets[flow.vendor];
  const base = { flow: flow.id, vendor: flow.vendor, title: flow.title, target: target?.baseUrl ?? '-' };
  const time = target?.time ?? options.time;
  budget.enter(time);
  const notRunWhy = !target
    ? `no target for ${flow.vendor}`
    : budget.leftMs() <= 0
      ? `not run: the run deadline (${fmt(budget.deadlineMs)}) has passed`
      : undefined;
  if (notRunWhy || !target) return notRun(flow, options, notRunWhy ?? 'not run');
  options.onEvent?.({ type: 'flow-start', flow: flow.id, title: flow.title, target: target.baseUrl });
  const client = new HttpClient({
    ...options.http,
    maxWaitMs: budget.maxWaitMs,
    budget,
    recorder: options.recorder,
    flow: flow.id,
    vendor: flow.vendor,
    time,
    stopwatch: options.stopwatch,
    transcript,
    ca: target.ca,
    insecure: target.insecure,
    onRetry: (r) =>
      options.onEvent?.({
        type: 'progress',
        flow: flow.id,
        step: r.step,
        message: `${r.reason}, retrying in ${(r.waitMs / 1000).toFixed(1)} s (attempt ${r.attempt + 1})`,
      }),
  });
  const ctx = new FlowContext({
    flow: flow.id,
    target,
    period,
    client,
    check: new ContractCheck(options.contracts ?? contracts(), flow.vendor, options.strict),
    csv: options.csv ?? csvContracts(),
    // Every wait a flow makes (polling, "come back later") is admitted against the run's budget.
    time: budget.guard(time),
    stopwatch: options.stopwatch,
    pollTimeoutMs: options.pollTimeoutMs ?? 30 * 60_000,
    findingLimit: options.findingLimit ?? 50,
    signal: options.signal,
    onEvent: (event) => {
      options.onEvent?.(event);
      if (event.type === 'step-start')
        running = { name: event.step, firstEntry: transcript.entries.length, started: options.stopwatch() };
      if (event.type === 'step-end') {
        running = undefined;
        if (onUpdate) onUpdate(partial());
      }
    },
  });
  let running: { name: string; firstEntry: number; started: number } | undefined;
  track(() => {
    const result = partial();
    if (!running) return result;
    const entries = transcript.entries.slice(running.firstEntry);
    result.steps.push({
      name: running.name,
      outcome: 'failed',
      durationMs: Math.round(options.stopwatch() - running.started),
      message: options.signal ? abortError(options.signal).message : 'interrupted',
      findings: [],
      requests: entries.length,
      transcript: entries.map((e) => e.seq),
      interrupted: true,
    });
    return { ...result, outcome: 'failed', interrupted: true };
  });
  const partial = (): FlowResult => ({
    ...base,
    outcome: ctx.steps.some((s) => s.outcome === 'failed') ? 'failed' : 'passed',
    durationMs: Math.round(options.stopwatch() - started),
    steps: [...ctx.steps],
    lines: [],
  });
  const started = options.stopwatch();
  try {
    await flow.run(ctx);
  } catch (e) {
    // FlowStopped means the failing step is already recorded; anything else is a harness bug,
    // reported as a step so the run still ends with a report.
    if (!(e instanceof FlowStopped)) {
      ctx.steps.push({
        name: 'flow',
        outcome: 'failed',
        durationMs: 0,
        message: `unexpected error: ${(e as Error)?.stack ?? String(e)}`,
        findings: [],
        requests: 0,
      });
    }
  } finally {
    client.close();
  }
  const failed = ctx.steps.some((s) => s.outcome === 'failed');
  return {
    ...base,
    outcome: failed ? 'failed' : 'passed',
    durationMs: Math.round(options.stopwatch() - started),
    steps: ctx.steps,
    // Usage gathered before a stop is still usage: the lines say what was seen.
    lines: priceUsage(ctx.usage, options.rateCard),
    ...(options.signal?.aborted && ctx.steps.some((s) => s.interrupted) ? { interrupted: true } : {}),
  };
}

/** The last complete calendar month before `now` (UTC): what a monthly billing run asks for. */
export function previousMonth(now: number): Period {
  const d = new Date(now);
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}
