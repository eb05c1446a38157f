import { type Command, InvalidArgumentError } from 'commander';
// A tiny module (no harness behind it): durations parse the same in the CLI and the library.
import { parseDuration } from '../../harness/deadline.js';
import { parseList, parseNumber, wrap } from '../config.js';
import { helpSections } from '../help.js';

interface FlowsFlags {
  vendor?: string[];
  target?: Record<string, string>;
  rateCard?: string;
  out?: string;
  junit?: string;
  period?: { start: string; end: string };
  strict?: boolean;
  profile?: 'vendor' | 'simulator';
  seed?: number;
  at?: string;
  timeScale?: number;
  caFile?: Record<string, string>;
  insecure?: string[];
  verbose?: boolean;
  pollTimeout?: number;
  deadline?: number;
  maxWait?: number;
  record?: string;
  config?: string;
  expect?: string;
}

function duration(flag: string) {
  return (raw: string): number => {
    const ms = parseDuration(raw);
    if (ms === undefined || ms <= 0)
      throw new InvalidArgumentError(
        `${flag} wants a duration such as 90s, 20m, 1h30m or plain seconds, got "${raw}"`,
      );
    return ms;
  };
}

function pair(flag: string) {
  return (raw: string, previous: Record<string, string> = {}): Record<string, string> => {
    const at = raw.indexOf('=');
    if (at <= 0 || at === raw.length - 1)
      throw new InvalidArgumentError(`${flag} wants vendor=value, got "${raw}"`);
    return { ...previous, [raw.slice(0, at).trim()]: raw.slice(at + 1).trim() };
  };
}

function period(raw: string): { start: string; end: string } {
  const m = /^(\d{4}-\d{2}-\d{2})(?:\.\.|\/)(\d{4}-\d{2}-\d{2})$/.exec(raw);
  if (!m || Number.isNaN(Date.parse(m[1]!)) || Number.isNaN(Date.parse(m[2]!)) || m[1]! > m[2]!)
    throw new InvalidArgumentError(`--period wants START..END dates (YYYY-MM-DD..YYYY-MM-DD), got "${raw}"`);
  return { start: m[1]!, end: m[2]! };
}

/** The flows' environment variables (name, what it holds), loaded only for `flows --help`. */
export type FlowsEnv = [string, string][];

export function registerFlows(program: Command, env?: FlowsEnv): void {
  program
    .command('flows')
    .description(
      "Run every vendor's billing flow, check each exchange against contracts/, and write billing lines and reports. " +
        'Without --target the simulators run embedded (in-process, virtual time).',
    )
    .option('--vendor <names>', 'comma-separated vendors or flow ids to run (default: all)', parseList)
    .option(
      '--target <vendor=url>',
      'run that vendor against this base URL (repeatable); credentials come from BILLING_SIM_* env vars (see docs/harness.md)',
      pair('--target'),
    )
    .option(
      '--rate-card <file>',
      'rate card (YAML or JSON) pricing the billing lines (default: the shipped example)',
    )
    .option('--out <dir>', 'folder for report.json, junit.xml, billing-lines.csv/.json', 'billing-sim-report')
    .option('--junit <file>', 'JUnit XML path (default: <out>/junit.xml)')
    .option('--period <start..end>', 'billing period (default: the previous calendar month)', period)
    .option('--strict', 'unknown fields and headers fail the flow instead of warning')
    .option(
      '--profile <view>',
      'contract view: vendor (only what the vendor guarantees; default for --target) or simulator (the contract as written; default for embedded simulators)',
      (raw: string) => {
        if (raw !== 'vendor' && raw !== 'simulator')
          throw new InvalidArgumentError(`--profile wants vendor or simulator, got "${raw}"`);
        return raw;
      },
    )
    .option('--seed <n>', 'embedded simulators: data seed (default 1)', wrap(parseNumber('--seed', 0)))
    .option('--at <iso>', 'embedded simulators: start instant of their clock (default now)')
    .option(
      '--time-scale <x>',
      'embedded simulators: scaled clock instead of the virtual one the harness drives',
      wrap(parseNumber('--time-scale', 0.000001)),
    )
    .option(
      '--ca-file <vendor=pem>',
      'trust this CA / self-signed certificate for a vendor target (repeatable)',
      pair('--ca-file'),
    )
    .option('--insecure <vendors>', 'skip TLS verification for these vendors (comma-separated)', parseList)
    .option(
      '--poll-timeout <seconds>',
      'give up polling a report after this long (default 1800)',
      wrap(parseNumber('--poll-timeout', 1)),
    )
    .option(
      '--deadline <duration>',
      'budget of the whole run (e.g. 20m; default 1h): a wait that would pass it fails its step at once, later flows are skipped',
      duration('--deadline'),
    )
    .option(
      '--max-wait <duration>',
      'longest single wait for a Retry-After or back-off (default 120s); a server asking for more fails the step at once',
      duration('--max-wait'),
    )
    .option(
      '--record <dir>',
      'write a HAR 1.2 file of every exchange (credentials redacted) and the raw CSV/ZIP files into this folder',
    )
    .option(
      '--config <file>',
      "embedded simulators: the serve config file (YAML or JSON) — seed, each simulator's options and golden data, and its flows section (rate card, period, clock start)",
    )
    .option(
      '--expect <file>',
      'expected billing lines (the format of billing-lines.csv): exit 0 only when the run produces exactly these, else print the differences and exit 1',
    )
    .option('--verbose', 'print warnings as well as errors')
    .addHelpText(
      'after',
      helpSections({
        examples: [
          ['billing-sim flows', 'every flow against embedded simulators (virtual time, seconds)'],
          ['billing-sim flows --vendor <name> --out out', 'one vendor or flow id; reports in out/'],
          [
            'billing-sim flows --period 2026-09-01..2026-09-30 --rate-card prices.yaml',
            'a period, your prices',
          ],
          [
            'billing-sim flows --target <vendor>=https://… --ca-file <vendor>=ca.pem',
            'a real or remote target',
          ],
          [
            'billing-sim flows --config examples/golden/sim.yaml --expect examples/golden/expected-lines.csv',
            "golden data in, your pipeline's expected lines checked",
          ],
        ],
        exitCodes: [
          ['0', 'every selected flow passed (and the lines match --expect)'],
          [
            '1',
            'a flow failed (a step, a contract violation, a billing-line check), or the lines differ from --expect',
          ],
          [
            '2',
            'usage error: unknown vendor, missing environment variable, unreadable CA file, rate card, config or --expect file',
          ],
        ],
        env: env ?? [
          ['BILLING_SIM_*', 'credentials of --target vendors (listed by billing-sim flows --help)'],
        ],
      }),
    )
    .action(async (flags: FlowsFlags) => {
      if (flags.at !== undefined && Number.isNaN(Date.parse(flags.at)))
        throw new InvalidArgumentError(`--at wants an ISO date-time, got "${flags.at}"`);
      // Loaded here, not at the top: `billing-sim serve` should not pay for the harness at start.
      const { executeFlows, UsageError } = await import('../../harness/execute.js');
      const { RateCardError } = await import('../../harness/rate-card/rate-card.js');
      const { elapsedMs, realTime } = await import('../../harness/real-time.js');
      const { HttpError } = await import('../../harness/http/errors.js');
      // SIGINT/SIGTERM stop the run: the current step is marked interrupted and the reports so
      // far are written (they are kept current after every step anyway). Exit 128 + signal.
      const stop = new AbortController();
      let stoppedBy: NodeJS.Signals | undefined;
      const codeFor = (s: NodeJS.Signals) => (s === 'SIGINT' ? 130 : 143);
      const onSignal = (name: NodeJS.Signals) => {
        if (stoppedBy) process.exit(codeFor(stoppedBy));
        stoppedBy = name;
        stop.abort(new HttpError(`interrupted by ${name}`, 'interrupted'));
        // Last resort: whatever still holds the process (a server closing slowly) does not hold
        // it long. The reports are written well before this on any machine not starved of CPU.
        setTimeout(() => process.exit(codeFor(name)), 5000).unref();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      // The config names the world (seed, options, golden data); flags still win.
      const fromConfig = await configForFlows(flags.config);
      try {
        const { exitCode } = await executeFlows({
          select: flags.vendor ?? fromConfig.only,
          targets: flags.target,
          rateCard: flags.rateCard ?? fromConfig.rateCard,
          out: flags.out,
          junit: flags.junit,
          period: flags.period ?? fromConfig.period,
          strict: flags.strict,
          profile: flags.profile,
          seed: flags.seed ?? fromConfig.seed,
          at: flags.at ?? fromConfig.at,
          simulators: fromConfig.simulators,
          kernel: fromConfig.kernel,
          expect: flags.expect,
          timeScale: flags.timeScale,
          caFiles: flags.caFile,
          insecure: flags.insecure,
          verbose: flags.verbose,
          pollTimeoutMs: flags.pollTimeout ? flags.pollTimeout * 1000 : undefined,
          deadlineMs: flags.deadline,
          maxWaitMs: flags.maxWait,
          record: flags.record,
          env: process.env,
          stdout: process.stdout,
          time: realTime,
          stopwatch: elapsedMs,
          signal: stop.signal,
        });
        process.exitCode = stoppedBy ? codeFor(stoppedBy) : exitCode;
        // A step that had not noticed the stop may still be busy: the reports are written, go.
        if (stoppedBy) process.exit(codeFor(stoppedBy));
      } catch (e) {
        if (e instanceof UsageError || e instanceof RateCardError) {
          process.stderr.write(`billing-sim flows: ${(e as Error).message}\n`);
          process.exitCode = 2;
          return;
        }
        throw e;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

/**
 * What `--config` gives an embedded run: the seed, each simulator's options (golden data
 * included; ports are the run's own), the kernel options, and the file's `flows` section with
 * the rate card resolved against the file's folder. Checked like `serve` checks it: a mistake
 * names its JSON pointer (exit 2).
 */
async function configForFlows(path: string | undefined): Promise<{
  only?: string[];
  seed?: number;
  at?: string;
  rateCard?: string;
  period?: { start: string; end: string };
  simulators?: Record<string, Record<string, unknown>>;
  kernel?: Record<string, unknown>;
}> {
  if (!path) return {};
  const { readConfig } = await import('../config.js');
  const { checkConfig } = await import('../../simulators/kernel/config.js');
  const { PLUGINS } = await import('../../simulators/registry.js');
  const { dirname, resolve } = await import('node:path');
  const config = checkConfig(readConfig(path), PLUGINS, `config ${path}`);
  const simulators = Object.fromEntries(
    Object.entries(config.simulators ?? {}).map(([name, { port: _port, ...rest }]) => [name, rest]),
  );
  const { clock, ...kernel } = config.kernel ?? {};
  const start = clock && !('now' in clock) ? (clock as { start?: string | number }).start : undefined;
  return {
    only: config.only,
    seed: config.seed,
    at: config.flows?.at ?? (start === undefined ? undefined : new Date(start).toISOString()),
    rateCard: config.flows?.rateCard ? resolve(dirname(path), config.flows.rateCard) : undefined,
    period: config.flows?.period ? period(config.flows.period) : undefined,
    simulators,
    kernel,
  };
}
