import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { PLUGINS, startSimulators } from '../../simulators/index.js';
import { adminExposure } from '../../simulators/kernel/admin.js';
import { type ConfigFile, startOptionsFrom } from '../../simulators/kernel/config.js';
import { SnapshotError } from '../../simulators/kernel/snapshot.js';
import { loadServeConfig, parseList, parseNumber, wrap } from '../config.js';
import { helpSections } from '../help.js';
import { LOG_FORMATS, type LogFormat, requestLogger } from '../request-log.js';
import { checkStateFileDir, readStateFile, writeStateFile } from '../state-file.js';

function readPem(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(
      `cannot read ${flag} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

function logFormat(raw: string): LogFormat {
  if (!(LOG_FORMATS as string[]).includes(raw))
    throw new InvalidArgumentError(`--log wants one of ${LOG_FORMATS.join(', ')}, got "${raw}"`);
  return raw as LogFormat;
}

interface ServeFlags {
  seed?: number;
  timeScale?: number;
  config?: string;
  only?: string[];
  host?: string;
  cert?: string;
  generateCert?: boolean;
  key?: string;
  log?: LogFormat;
  replay?: string;
  replayMatchHeaders?: string[];
  port?: Record<string, string>;
  adminToken?: string;
  insecureAdmin?: boolean;
  stateFile?: string;
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
  if (flags.adminToken !== undefined) config.kernel = { adminToken: flags.adminToken };
  for (const [name, raw] of Object.entries(flags.port ?? {})) {
    config.simulators ??= {};
    // A number when it is one; otherwise the text, for the schema to name (`must be integer`).
    config.simulators[name] = { port: /^\d+$/.test(raw) ? Number(raw) : (raw as unknown as number) };
  }
  if (flags.log !== undefined) config.log = flags.log;
  if (flags.stateFile !== undefined) config.stateFile = flags.stateFile;
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
      '--log <format>',
      'one line per request: pretty, json (one JSON object per line) or off (default: log in the config, $BILLING_SIM_LOG, else off)',
      logFormat,
    )
    .addHelpText(
      'after',
      helpSections({
        examples: [
          ['billing-sim serve', 'every simulator on its own port'],
          [
            `billing-sim serve --only ${PLUGINS.map((s) => s.name)
              .slice(0, 2)
              .join(',')} --seed 7`,
            'two of them, another world',
          ],
          [
            'billing-sim serve --config sim.yaml --time-scale 60',
            'ports, faults, limits from a file; 1 s = 1 min',
          ],
          [
            'billing-sim serve --log json | jq .',
            'one JSON line per request on stdout (the banner on stderr)',
          ],
          ['billing-sim serve --cert cert.pem --key key.pem', 'your certificate for the HTTPS simulators'],
        ],
        exitCodes: [
          ['0', 'stopped by SIGINT or SIGTERM (state saved when --state-file is given)'],
          ['1', 'stopped, but the state could not be saved to --state-file'],
          [
            '2',
            'could not start: bad flag or config, port in use, unusable certificate, a state file that does not fit',
          ],
        ],
        env: [
          ['BILLING_SIM_LOG', 'request log format when --log is not given (pretty, json, off)'],
          ['BILLING_SIM_STATE_FILE', 'state file when --state-file is not given'],
          ['NO_COLOR', 'plain pretty log lines even on a terminal'],
        ],
      }),
    )
    .option(
      '--replay <dir>',
      'answer requests that match an exchange recorded by `billing-sim flows --record <dir>` with the recorded answer; the rest reach the simulators',
    )
    .option(
      '--replay-match-headers <names>',
      'request headers that must match too, besides method, path and query (default if-none-match,if-match,range)',
      parseList,
    )
    .option(
      '--admin-token <token>',
      'token the /_sim admin API demands (Bearer or X-Sim-Admin-Token); required beyond loopback (also BILLING_SIM_ADMIN_TOKEN or kernel.adminToken in the config)',
    )
    .option('--insecure-admin', 'bind beyond loopback with an open admin API (prints a warning)')
    .option(
      '--state-file <file>',
      "keep every simulator's state across restarts: load it at start if the file exists, save it on SIGTERM/SIGINT (also BILLING_SIM_STATE_FILE or stateFile in the config)",
    )
    .action(async (flags: ServeFlags) => {
      if (Boolean(flags.cert) !== Boolean(flags.key))
        throw new InvalidArgumentError('--cert and --key go together');
      if (flags.generateCert && flags.cert)
        throw new InvalidArgumentError('--generate-cert and --cert exclude each other');
      const config = await loadServeConfig(flags.config, process.env, flagConfig(flags));
      const adminToken = adminTokenOf(config);
      const exposure = adminExposure({
        host: config.host,
        adminToken,
        insecureAdmin: flags.insecureAdmin === true,
      });
      if (exposure && 'refuse' in exposure) throw new InvalidArgumentError(exposure.refuse);
      if (exposure) process.stderr.write(`${exposure.warn}\n`);
      const timeScale = config.timeScale;
      const log = config.log ?? 'off';
      const onRequest = requestLogger(log, process.stdout);
      // Loaded only when asked for: a plain serve does not pay for the harness modules.
      const replay = flags.replay
        ? await (await import('../../harness/replay/replay.js')).ReplayStore.load(flags.replay, {
            matchHeaders: flags.replayMatchHeaders,
          }).catch((e: Error) => {
            throw new InvalidArgumentError(`--replay ${flags.replay}: ${e.message}`);
          })
        : undefined;
      const stateFile = config.stateFile;
      // Read (and parsed) before anything listens: an unreadable file stops the start at once.
      if (stateFile) checkStateFileDir(stateFile);
      const saved = stateFile ? readStateFile(stateFile) : undefined;
      const start = startOptionsFrom(config);
      const running = await startSimulators({
        ...start,
        tls:
          flags.cert && flags.key
            ? { cert: readPem('--cert', flags.cert), key: readPem('--key', flags.key) }
            : flags.generateCert
              ? 'generate'
              : undefined,
        kernel: {
          ...start.kernel,
          ...(onRequest ? { onRequest } : {}),
          ...(replay ? { intercept: (vendor, req, res) => replay.intercept(vendor, req, res) } : {}),
        },
      });
      if (saved !== undefined) {
        try {
          running.control.restore(saved as Parameters<typeof running.control.restore>[0]);
        } catch (e) {
          await running.close();
          if (e instanceof SnapshotError)
            throw new Error(
              `--state-file ${stateFile} cannot be restored into these simulators (start them with the options it was saved with, or remove the file):\n${e.problems.map((p) => `  ${p}`).join('\n')}`,
            );
          throw e;
        }
      }
      // Handlers first: a supervisor may signal as soon as it sees the banner.
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await running.close();
        if (stateFile) {
          // After close: requests still in flight have finished and changed what they change.
          try {
            writeStateFile(stateFile, running.control.snapshot());
          } catch (e) {
            process.stderr.write(`billing-sim: ${(e as Error).message}\n`);
            process.exit(1);
          }
        }
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const lines = ['billing-sim is running', ''];
      for (const mod of PLUGINS) {
        const app = running.apps[mod.name];
        const url = running.urls[mod.name];
        if (!app || !url) continue;
        lines.push(
          `${mod.title}`,
          ...mod.describe(app, url).map((l) => `  ${l}`),
          `  admin: ${url}/_sim/health${adminToken ? ' (admin token required)' : ''}`,
          `  dashboard: ${url}/_sim/ui`,
          '',
        );
      }
      if (Object.keys(running.apps).length === 0) lines.push('(no simulators selected)');
      if (replay) lines.push(`replaying ${replay.size} recorded exchange(s) from ${flags.replay}`, '');
      if (stateFile)
        lines.push(
          saved === undefined
            ? `state: saved to ${stateFile} on stop (no saved state yet)`
            : `state: restored from ${stateFile}; saved there again on stop`,
          '',
        );
      lines.push(
        `seed ${config.seed ?? 1} · clock ${timeScale && timeScale !== 1 ? `×${timeScale}` : 'real time'} · Ctrl-C to stop`,
      );
      // With JSON request lines, stdout is JSON only (pipe it to jq); the banner goes to stderr.
      (log === 'json' ? process.stderr : process.stdout).write(`${lines.join('\n')}\n`);
    });
}

/** The kernel-wide admin token: --admin-token, else BILLING_SIM_ADMIN_TOKEN, else the config's kernel.adminToken. */
function adminTokenOf(config: ConfigFile): string | undefined {
  return config.kernel?.adminToken;
}
