import {
  type ContractSet,
  type CsvContracts,
  contracts,
  csvContracts,
  type ResponseProfile,
} from '../contracts/index.js';
import { priceUsage, totalsByCustomer } from './billing/lines.js';
import { FlowContext, type FlowEvent, FlowStopped, type Period, type Target } from './flows/context.js';
import type { FlowDefinition } from './flows/flow.js';
import { HttpClient, type HttpClientOptions } from './http/client.js';
import { Transcript } from './http/transcript.js';
import type { RateCard } from './rate-card/rate-card.js';
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
  /** Contract view its responses are checked with; default `vendor` (only what the vendor guarantees). */
  profile?: ResponseProfile;
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
  /** Contract view for every target, overriding each target's own (`--profile`). */
  profile?: ResponseProfile;
  /** HTTP tuning (timeouts, retries) shared by every flow. */
  http?: Omit<HttpClientOptions, 'time' | 'stopwatch' | 'transcript' | 'ca' | 'insecure'>;
  /** Harness-time budget of one polling loop. Default 30 min. */
  pollTimeoutMs?: number;
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
  const results: FlowResult[] = [];
  for (const flow of options.flows) {
    results.push(await runOne(flow, options, period, transcript));
  }
  const lines = results.flatMap((r) => r.lines);
  return {
    tool: 'billing-sim flows',
    startedAt,
    durationMs: Math.round(options.stopwatch() - begun),
    mode: options.mode,
    passed: results.length > 0 && results.every((r) => r.outcome !== 'failed'),
    flows: results,
    totals: totalsByCustomer(lines),
    rateCard: options.rateCard.source,
    transcript: transcript.entries,
  };
}

async function runOne(
  flow: FlowDefinition,
  options: RunOptions,
  period: Period,
  transcript: Transcript,
): Promise<FlowResult> {
  const target = options.targets[flow.vendor];
  const base = { flow: flow.id, vendor: flow.vendor, title: flow.title, target: target?.baseUrl ?? '-' };
  if (!target) {
    return {
      ...base,
      outcome: 'skipped',
      durationMs: 0,
      lines: [],
      steps: [
        {
          name: 'target',
          outcome: 'skipped',
          durationMs: 0,
          message: `no target for ${flow.vendor}`,
          findings: [],
          requests: 0,
        },
      ],
    };
  }
  options.onEvent?.({ type: 'flow-start', flow: flow.id, title: flow.title, target: target.baseUrl });
  const time = target.time ?? options.time;
  const client = new HttpClient({
    ...options.http,
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
    check: new ContractCheck(
      options.contracts ?? contracts(),
      flow.vendor,
      options.strict,
      options.profile ?? target.profile ?? 'vendor',
    ),
    csv: options.csv ?? csvContracts(),
    time,
    stopwatch: options.stopwatch,
    pollTimeoutMs: options.pollTimeoutMs ?? 30 * 60_000,
    findingLimit: options.findingLimit ?? 50,
    onEvent: options.onEvent,
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
    lines: priceUsage(ctx.usage, options.rateCard),
  };
}

/** The last complete calendar month before `now` (UTC): what a monthly billing run asks for. */
export function previousMonth(now: number): Period {
  const d = new Date(now);
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}
