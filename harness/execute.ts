import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { VendorPlugin } from '../simulators/kernel/plugin.js';
import { totalsByCustomer } from './billing/lines.js';
import { writeLinesCsv, writeLinesJson } from './billing/output.js';
import type { Period } from './flows/context.js';
import type { FlowDefinition } from './flows/flow.js';
import type { HttpClientOptions } from './http/client.js';
import { RateCard } from './rate-card/rate-card.js';
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
  /** Plug-ins to run (default: the registry's). */
  plugins?: readonly VendorPlugin[];
  vendors?: readonly VendorHarness[];
}

export interface ExecuteResult {
  exitCode: number;
  report: RunReport;
  files: string[];
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
    const report = await runFlows({
      flows,
      targets,
      mode: embedded ? 'embedded' : 'external',
      // The period follows the simulators' clock when they run: their data lives on it.
      time: embedded?.time ?? options.time,
      stopwatch: options.stopwatch,
      rateCard,
      period: options.period,
      strict: options.strict,
      http: options.http,
      pollTimeoutMs: options.pollTimeoutMs,
      onEvent: consoleProgress(options.stdout, { verbose: options.verbose }),
    });
    options.stdout.write(renderSummary(report));
    const files = await writeOutputs(report, options);
    options.stdout.write(`reports: ${files.join(', ')}\n`);
    return { exitCode: report.passed ? 0 : 1, report, files };
  } finally {
    await embedded?.close();
  }
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

async function writeOutputs(report: RunReport, options: ExecuteOptions): Promise<string[]> {
  const out = resolve(options.out ?? 'billing-sim-report');
  await mkdir(out, { recursive: true });
  const lines = report.flows.flatMap((f) => f.lines);
  const files = {
    report: join(out, 'report.json'),
    junit: options.junit ? resolve(options.junit) : join(out, 'junit.xml'),
    csv: join(out, 'billing-lines.csv'),
    json: join(out, 'billing-lines.json'),
  };
  await mkdir(dirname(files.junit), { recursive: true });
  await writeJsonReport(files.report, report);
  await writeJunit(files.junit, report);
  await writeLinesCsv(files.csv, lines);
  await writeLinesJson(files.json, lines, totalsByCustomer(lines));
  return Object.values(files);
}
