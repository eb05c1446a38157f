import { type Command, InvalidArgumentError } from 'commander';
// A tiny module (no harness behind it): durations parse the same in the CLI and the library.
import { parseDuration } from '../../harness/deadline.js';
import { parseList, parseNumber, wrap } from '../config.js';

interface FlowsFlags {
  vendor?: string[];
  target?: Record<string, string>;
  rateCard?: string;
  out?: string;
  junit?: string;
  period?: { start: string; end: string };
  strict?: boolean;
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

export function registerFlows(program: Command): void {
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
      {},
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
    .option('--verbose', 'print warnings as well as errors')
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
      try {
        const { exitCode } = await executeFlows({
          select: flags.vendor,
          targets: flags.target,
          rateCard: flags.rateCard,
          out: flags.out,
          junit: flags.junit,
          period: flags.period,
          strict: flags.strict,
          seed: flags.seed,
          at: flags.at,
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
