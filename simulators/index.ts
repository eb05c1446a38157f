import {
  Clock,
  type ClockOptions,
  type KernelOptions,
  type RunningServer,
  type SimApp,
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
  return result;
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
  await startExtraListeners(mod.name, app, options.ports?.[mod.name] ?? mod.defaultPort, options, into);
  into.urls[mod.name] = server.url;
  into.credentials[mod.name] = app.sim.credentials;
}

/** A simulator's own second listeners (e.g. a download host): free ports when the API's is free. */
async function startExtraListeners(
  name: string,
  app: SimApp,
  apiPort: number,
  options: StartOptions,
  into: RunningSimulators,
): Promise<void> {
  const freePorts = apiPort === 0;
  for (const extra of app.sim.listeners ?? []) {
    const server = await serve(extra.handler, {
      port: freePorts ? 0 : extra.port,
      host: extra.host ?? options.host,
      tls: extra.tls,
    });
    into.servers[`${name}.${extra.name}`] = server;
    extra.listening?.(server.url);
  }
}
