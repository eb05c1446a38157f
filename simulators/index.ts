import {
  Clock,
  type ClockOptions,
  countRequests,
  findRequests,
  type JournalEntry,
  type KernelOptions,
  type RequestMatch,
  type RunningServer,
  type SimApp,
  type SimulatorPeer,
  serve,
  type TlsMaterial,
} from './kernel/index.js';
import { SIMULATORS, type SimulatorModule } from './registry.js';

export * from './kernel/index.js';
export { createPureCloudApp, type PureCloudCredentials, type PureCloudOptions } from './purecloud/index.js';
export { SIMULATORS, type SimulatorModule, simulatorNames } from './registry.js';
export { createRprmApp, type RprmCredentials, type RprmOptions } from './rprm/index.js';
export { createWebexApp, type WebexCredentials, type WebexOptions } from './webex/index.js';

export interface StartOptions {
  seed?: number;
  /** A shared clock, or options for one; every simulator reads the same time. */
  clock?: Clock | ClockOptions;
  /** Which simulators to start (default: all). */
  only?: string[];
  host?: string;
  /** Port per simulator; 0 picks a free one. Default: each simulator's own port. */
  ports?: Record<string, number>;
  /** Extra options per simulator (its own option type). */
  simulators?: Record<string, Record<string, unknown>>;
  /**
   * Certificate for the HTTPS simulators: your PEMs, `'generate'` for a fresh self-signed one,
   * or (default) the shipped localhost certificate.
   */
  tls?: TlsMaterial | 'generate';
  /** Applied to every simulator (tests pass a contract tap here). */
  kernel?: KernelOptions;
}

export interface RunningSimulators {
  urls: Record<string, string>;
  credentials: Record<string, unknown>;
  apps: Record<string, SimApp>;
  servers: Record<string, RunningServer>;
  /** Controls shared by all simulators of this start. */
  control: {
    clock: Clock;
    advance(ms: number): void;
    reset(): void;
    /** How many journaled requests of one simulator match (as POST /_sim/requests/count). */
    count(simulator: string, match?: RequestMatch): number;
    /** The matching journal entries, credentials redacted (as POST /_sim/requests/find). */
    find(simulator: string, match?: RequestMatch, limit?: number): JournalEntry[];
  };
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export async function startSimulators(options: StartOptions = {}): Promise<RunningSimulators> {
  const clock = options.clock instanceof Clock ? options.clock : new Clock(options.clock);
  const wanted = options.only?.length ? options.only : SIMULATORS.map((s) => s.name);
  const unknown = wanted.filter((n) => !SIMULATORS.some((s) => s.name === n));
  if (unknown.length) {
    throw new Error(
      `unknown simulator(s): ${unknown.join(', ')} (have: ${SIMULATORS.map((s) => s.name).join(', ')})`,
    );
  }
  const modules = SIMULATORS.filter((s) => wanted.includes(s.name));
  const result: RunningSimulators = {
    urls: {},
    credentials: {},
    apps: {},
    servers: {},
    control: {
      clock,
      advance: (ms) => clock.advance(ms),
      reset: () => {
        for (const app of Object.values(result.apps)) app.sim.reset();
      },
      count: (simulator, match) => {
        const { kernel } = appOf(result, simulator).sim;
        return countRequests(kernel.journal, kernel.data, match);
      },
      find: (simulator, match, limit) => {
        const { kernel } = appOf(result, simulator).sim;
        return findRequests(kernel.journal, kernel.data, match, limit);
      },
    },
    close: async () => {
      await Promise.all(Object.values(result.servers).map((s) => s.close()));
    },
    [Symbol.asyncDispose]: () => result.close(),
  };
  try {
    for (const mod of modules) await startOne(mod, options, clock, result);
  } catch (e) {
    await result.close();
    throw e;
  }
  // Each simulator's dashboard links the others of this start.
  const peers: SimulatorPeer[] = modules.map((mod) => {
    const app = result.apps[mod.name]!;
    const url = result.urls[mod.name]!;
    const port = result.servers[mod.name]!.port;
    return {
      name: mod.name,
      title: mod.title,
      url,
      port,
      tls: mod.tls,
      banner: mod.describe(app, url),
      credentials: app.sim.credentials,
    };
  });
  for (const app of Object.values(result.apps)) app.sim.kernel.peers = peers;
  return result;
}

function appOf(running: RunningSimulators, simulator: string): SimApp {
  const app = running.apps[simulator];
  if (!app)
    throw new Error(
      `no simulator ${simulator} in this start (have: ${Object.keys(running.apps).join(', ')})`,
    );
  return app;
}

async function startOne(
  mod: SimulatorModule,
  options: StartOptions,
  clock: Clock,
  into: RunningSimulators,
): Promise<void> {
  const app = mod.create({
    ...options.kernel,
    ...options.simulators?.[mod.name],
    seed:
      options.seed ?? (options.simulators?.[mod.name]?.seed as number | undefined) ?? options.kernel?.seed,
    clock,
  });
  const port = options.ports?.[mod.name] ?? mod.defaultPort;
  const host = options.host ?? '127.0.0.1';
  let server: RunningServer;
  try {
    server = await serve(app, { port, host, tls: mod.tls ? (options.tls ?? true) : undefined });
  } catch (e) {
    throw startError(mod, port, host, e as NodeJS.ErrnoException);
  }
  into.apps[mod.name] = app;
  into.servers[mod.name] = server;
  into.urls[mod.name] = server.url;
  into.credentials[mod.name] = app.sim.credentials;
}

/** Why a simulator could not start, naming it and the way out (the CLI prints the message). */
function startError(mod: SimulatorModule, port: number, host: string, e: NodeJS.ErrnoException): Error {
  const who = `${mod.title} (${mod.name})`;
  if (e.code === 'EADDRINUSE')
    return new Error(
      `${who}: port ${port} on ${host} is already in use (EADDRINUSE). Stop the process that holds it, ` +
        `or give ${mod.name} another port: simulators.${mod.name}.port in the --config file (0 picks a free one).`,
    );
  if (e.code === 'EACCES')
    return new Error(
      `${who}: may not listen on port ${port} on ${host} (EACCES): ports below 1024 need privileges; choose another port.`,
    );
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
    return new Error(`${who}: cannot listen on ${host} (${e.code}): give --host an address of this machine.`);
  if (mod.tls && /PEM|certificate|private key|key values mismatch|asn1|ssl|tls|routines/i.test(e.message))
    return new Error(
      `${who}: the HTTPS certificate is not usable (${e.message}). Give a PEM certificate and its own ` +
        'private key with --cert/--key, or leave both out for the shipped localhost certificate (--generate-cert for a fresh one).',
    );
  return e;
}
