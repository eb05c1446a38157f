import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { adminExposure, SIMULATORS, startSimulators } from '../../simulators/index.js';
import { parseList, parseNumber, readConfig, wrap } from '../config.js';
import { tuneHeapForServing } from '../heap.js';

interface ServeFlags {
  seed?: number;
  timeScale?: number;
  config?: string;
  only?: string[];
  host?: string;
  cert?: string;
  generateCert?: boolean;
  key?: string;
  adminToken?: string;
  insecureAdmin?: boolean;
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
      'YAML/JSON file with seed, timeScale, host, only and per-simulator options (ports, faults, rate limits)',
    )
    .option(
      '--only <names>',
      `comma-separated simulators to start (${SIMULATORS.map((s) => s.name).join(', ') || 'none yet'})`,
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
      '--admin-token <token>',
      'token the /_sim admin API demands (Bearer or X-Sim-Admin-Token); required beyond loopback (env BILLING_SIM_ADMIN_TOKEN, config adminToken)',
    )
    .option('--insecure-admin', 'bind beyond loopback with an open admin API (prints a warning)')
    .action(async (flags: ServeFlags) => {
      tuneHeapForServing();
      let config: ReturnType<typeof readConfig>;
      try {
        config = readConfig(flags.config);
      } catch (e) {
        throw new InvalidArgumentError((e as Error).message);
      }
      if (Boolean(flags.cert) !== Boolean(flags.key))
        throw new InvalidArgumentError('--cert and --key go together');
      if (flags.generateCert && flags.cert)
        throw new InvalidArgumentError('--generate-cert and --cert exclude each other');
      const adminToken = resolveAdminToken(flags, config);
      const exposure = adminExposure({
        host: flags.host ?? config.host,
        adminToken,
        insecureAdmin: flags.insecureAdmin === true,
      });
      if (exposure && 'refuse' in exposure) throw new InvalidArgumentError(exposure.refuse);
      if (exposure) process.stderr.write(`${exposure.warn}\n`);
      const timeScale = flags.timeScale ?? config.timeScale;
      const ports: Record<string, number> = {};
      const simulators: Record<string, Record<string, unknown>> = {};
      for (const [name, { port, ...rest }] of Object.entries(config.simulators ?? {})) {
        if (port !== undefined) ports[name] = port;
        simulators[name] = rest;
      }
      const running = await startSimulators({
        seed: flags.seed ?? config.seed,
        clock: timeScale && timeScale !== 1 ? { mode: 'scaled', scale: timeScale } : { mode: 'system' },
        only: flags.only ?? config.only,
        host: flags.host ?? config.host,
        ports,
        simulators,
        kernel: adminToken ? { adminToken } : undefined,
        tls:
          flags.cert && flags.key
            ? { cert: readFileSync(flags.cert, 'utf8'), key: readFileSync(flags.key, 'utf8') }
            : flags.generateCert
              ? 'generate'
              : undefined,
      });
      // Handlers first: a supervisor may signal as soon as it sees the banner.
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const lines = ['billing-sim is running', ''];
      for (const mod of SIMULATORS) {
        const app = running.apps[mod.name];
        const url = running.urls[mod.name];
        if (!app || !url) continue;
        lines.push(
          `${mod.title}`,
          ...mod.describe(app, url).map((l) => `  ${l}`),
          `  admin: ${url}/_sim/health${adminToken ? ' (admin token required)' : ''}`,
          '',
        );
      }
      if (Object.keys(running.apps).length === 0) lines.push('(no simulators selected)');
      lines.push(
        `seed ${flags.seed ?? config.seed ?? 1} · clock ${timeScale && timeScale !== 1 ? `×${timeScale}` : 'real time'} · Ctrl-C to stop`,
      );
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

/** `--admin-token`, else BILLING_SIM_ADMIN_TOKEN, else the config's `adminToken`. */
function resolveAdminToken(flags: ServeFlags, config: object): string | undefined {
  const fromConfig = (config as { adminToken?: unknown }).adminToken;
  if (fromConfig !== undefined && (typeof fromConfig !== 'string' || fromConfig === ''))
    throw new InvalidArgumentError('config adminToken must be a non-empty string');
  const token = flags.adminToken ?? (process.env.BILLING_SIM_ADMIN_TOKEN || undefined) ?? fromConfig;
  if (token === '') throw new InvalidArgumentError('--admin-token must not be empty');
  return token;
}
