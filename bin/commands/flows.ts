import { type Command, InvalidArgumentError } from 'commander';
import { parseList, parseNumber, wrap } from '../config.js';

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
      {},
    )
    .option('--insecure <vendors>', 'skip TLS verification for these vendors (comma-separated)', parseList)
    .option(
      '--poll-timeout <seconds>',
      'give up polling a report after this long (default 1800)',
      wrap(parseNumber('--poll-timeout', 1)),
    )
    .option('--verbose', 'print warnings as well as errors')
    .action(async (flags: FlowsFlags) => {
      if (flags.at !== undefined && Number.isNaN(Date.parse(flags.at)))
        throw new InvalidArgumentError(`--at wants an ISO date-time, got "${flags.at}"`);
      // Loaded here, not at the top: `billing-sim serve` should not pay for the harness at start.
      const { executeFlows, UsageError } = await import('../../harness/execute.js');
      const { RateCardError } = await import('../../harness/rate-card/rate-card.js');
      const { elapsedMs, realTime } = await import('../../harness/real-time.js');
      try {
        const { exitCode } = await executeFlows({
          select: flags.vendor,
          targets: flags.target,
          rateCard: flags.rateCard,
          out: flags.out,
          junit: flags.junit,
          period: flags.period,
          strict: flags.strict,
          profile: flags.profile,
          seed: flags.seed,
          at: flags.at,
          timeScale: flags.timeScale,
          caFiles: flags.caFile,
          insecure: flags.insecure,
          verbose: flags.verbose,
          pollTimeoutMs: flags.pollTimeout ? flags.pollTimeout * 1000 : undefined,
          env: process.env,
          stdout: process.stdout,
          time: realTime,
          stopwatch: elapsedMs,
        });
        process.exitCode = exitCode;
      } catch (e) {
        if (e instanceof UsageError || e instanceof RateCardError) {
          process.stderr.write(`billing-sim flows: ${(e as Error).message}\n`);
          process.exitCode = 2;
          return;
        }
        throw e;
      }
    });
}
