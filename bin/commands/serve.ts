import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { PLUGINS, startSimulators } from '../../simulators/index.js';
import { type ConfigFile, startOptionsFrom } from '../../simulators/kernel/config.js';
import { loadServeConfig, parseList, parseNumber, wrap } from '../config.js';

interface ServeFlags {
  seed?: number;
  timeScale?: number;
  config?: string;
  only?: string[];
  host?: string;
  cert?: string;
  generateCert?: boolean;
  key?: string;
  replay?: string;
  replayMatchHeaders?: string[];
  port?: Record<string, string>;
}

/** `--port webex=9402` (repeatable): the value is checked with the rest of the configuration. */
function portPair(raw: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = raw.indexOf('=');
  if (at <= 0 || at === raw.length - 1)
    throw new InvalidArgumentError(`--port wants name=port, got "${raw}"`);
  return { ...previous, [raw.slice(0, at).trim()]: raw.slice(at + 1).trim() };
}

function flagConfig(flags: ServeFlags): ConfigFile {
  const config: ConfigFile = {};
  if (flags.seed !== undefined) config.seed = flags.seed;
  if (flags.timeScale !== undefined) config.timeScale = flags.timeScale;
  if (flags.host !== undefined) config.host = flags.host;
  if (flags.only !== undefined) config.only = flags.only;
  for (const [name, raw] of Object.entries(flags.port ?? {})) {
    config.simulators ??= {};
    // A number when it is one; otherwise the text, for the schema to name (`must be integer`).
    config.simulators[name] = { port: /^\d+$/.test(raw) ? Number(raw) : (raw as unknown as number) };
  }
  return config;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the simulators and print their URLs and demo credentials (Ctrl-C stops them).')
    .option(
      '--seed <n>',
      'data seed: the same seed gives the same bytes (default 1)',
      wrap(parseNumber('--seed', 0)),
    )
    .option(
      '--time-scale <x>',
      'simulator seconds per real second (e.g. 60 makes a 1-minute report take 1 s)',
      wrap(parseNumber('--time-scale', 0.000001)),
    )
    .option(
      '--config <file>',
      'YAML/JSON file with seed, timeScale, host, only, kernel and per-simulator options (ports, faults, rate limits); default $BILLING_SIM_CONFIG. Check one with `billing-sim config --check`',
    )
    .option(
      '--port <name=port>',
      `port of one simulator, repeatable (e.g. --port webex=9402; 0 picks a free one)`,
      portPair,
    )
    .option(
      '--only <names>',
      `comma-separated simulators to start (${PLUGINS.map((s) => s.name).join(', ') || 'none yet'})`,
      parseList,
    )
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option(
      '--cert <file>',
      'PEM certificate for the HTTPS simulators (default: the shipped self-signed localhost certificate)',
    )
    .option('--key <file>', 'PEM private key that goes with --cert')
    .option('--generate-cert', 'a fresh self-signed localhost certificate instead of the shipped one')
    .option(
      '--replay <dir>',
      'answer requests that match an exchange recorded by `billing-sim flows --record <dir>` with the recorded answer; the rest reach the simulators',
    )
    .option(
      '--replay-match-headers <names>',
      'request headers that must match too, besides method, path and query (default if-none-match,if-match,range)',
      parseList,
    )
    .action(async (flags: ServeFlags) => {
      if (Boolean(flags.cert) !== Boolean(flags.key))
        throw new InvalidArgumentError('--cert and --key go together');
      if (flags.generateCert && flags.cert)
        throw new InvalidArgumentError('--generate-cert and --cert exclude each other');
      const config = await loadServeConfig(flags.config, process.env, flagConfig(flags));
      const timeScale = config.timeScale;
      // Loaded only when asked for: a plain serve does not pay for the harness modules.
      const replay = flags.replay
        ? await (await import('../../harness/replay/replay.js')).ReplayStore.load(flags.replay, {
            matchHeaders: flags.replayMatchHeaders,
          }).catch((e: Error) => {
            throw new InvalidArgumentError(`--replay ${flags.replay}: ${e.message}`);
          })
        : undefined;
      const start = startOptionsFrom(config);
      const running = await startSimulators({
        ...start,
        tls:
          flags.cert && flags.key
            ? { cert: readFileSync(flags.cert, 'utf8'), key: readFileSync(flags.key, 'utf8') }
            : flags.generateCert
              ? 'generate'
              : undefined,
        kernel: replay
          ? { ...start.kernel, intercept: (vendor, req, res) => replay.intercept(vendor, req, res) }
          : start.kernel,
      });
      // Handlers first: a supervisor may signal as soon as it sees the banner.
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const lines = ['billing-sim is running', ''];
      for (const mod of PLUGINS) {
        const app = running.apps[mod.name];
        const url = running.urls[mod.name];
        if (!app || !url) continue;
        lines.push(
          `${mod.title}`,
          ...mod.describe(app, url).map((l) => `  ${l}`),
          `  admin: ${url}/_sim/health`,
          '',
        );
      }
      if (Object.keys(running.apps).length === 0) lines.push('(no simulators selected)');
      if (replay) lines.push(`replaying ${replay.size} recorded exchange(s) from ${flags.replay}`, '');
      lines.push(
        `seed ${config.seed ?? 1} · clock ${timeScale && timeScale !== 1 ? `×${timeScale}` : 'real time'} · Ctrl-C to stop`,
      );
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
