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
  const server = await serve(app, {
    port: options.ports?.[mod.name] ?? mod.defaultPort,
    host: options.host,
    tls: mod.tls ? (options.tls ?? true) : undefined,
  });
  into.apps[mod.name] = app;
  into.servers[mod.name] = server;
  into.urls[mod.name] = server.url;
  into.credentials[mod.name] = app.sim.credentials;
}
