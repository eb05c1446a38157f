/**
 * billing-sim as a library: start the simulators (all, or some, on ports you choose) or build
 * one vendor's Express app. Everything here is documented API; kernel internals are reachable
 * only through their own modules (`simulators/kernel/...`) and may change.
 */
import { Clock, type ClockOptions } from './kernel/clock.js';
import type { JournalEntry } from './kernel/journal.js';
import type { KernelOptions, SimulatorPeer } from './kernel/kernel.js';
import { startOptionsSchema } from './kernel/options-schema.js';
import { ConfigError, OptionsValidator } from './kernel/options-validation.js';
import type { VendorPlugin } from './kernel/plugin.js';
import { countRequests, findRequests, type RequestMatch } from './kernel/request-match.js';
import { type RunningServer, serve } from './kernel/server.js';
import { restoreState, type SimSnapshot, type StateFile, stateFileOf } from './kernel/snapshot.js';
import type { TlsMaterial } from './kernel/tls.js';
import type { SimApp } from './kernel/vendor-app.js';
import { PLUGINS } from './registry.js';

export { Clock, type ClockMode, type ClockOptions } from './kernel/clock.js';
export { type ErrorRenderer, SimError } from './kernel/errors.js';
export type { Exchange, ExchangeTap } from './kernel/exchange.js';
export type { FaultEffect, FaultMatch, FaultRuleInput } from './kernel/faults.js';
export type { JournalEntry, JournalMessage } from './kernel/journal.js';
export type { RequestLogEntry } from './kernel/journal-recorder.js';
export type { KernelOptions, SimulatorPeer } from './kernel/kernel.js';
export { configSchema, type JsonSchema } from './kernel/options-schema.js';
export { ConfigError } from './kernel/options-validation.js';
export type { PluginContracts, VendorPlugin } from './kernel/plugin.js';
export type { RateLimitConfig } from './kernel/rate-limit.js';
export { type RequestMatch, RequestMatchError } from './kernel/request-match.js';
export { type RunningServer, type ServeOptions, serve } from './kernel/server.js';
export { type SimSnapshot, SnapshotError, type StateFile } from './kernel/snapshot.js';
export type { TlsMaterial } from './kernel/tls.js';
export type { Identity, SimApp, SimHandle, VendorAdapter } from './kernel/vendor-app.js';
export { createVendorApp, type VendorAppSpec } from './kernel/vendor-app.js';
export {
  createPureCloudApp,
  type PureCloudCredentials,
  type PureCloudOptions,
  purecloudPlugin,
} from './purecloud/index.js';
export { findPlugin, PLUGINS, pluginNames } from './registry.js';
export { createRprmApp, type RprmCredentials, type RprmOptions, rprmPlugin } from './rprm/index.js';
export { createWebexApp, type WebexCredentials, type WebexOptions, webexPlugin } from './webex/index.js';

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
  /** The plug-ins to choose from. Default: the registry (`simulators/registry.ts`). */
  plugins?: readonly VendorPlugin[];
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
    /**
     * Replaces one simulator's golden data (as PUT /_sim/data): checked against the vendor's data
     * schema first — a `ConfigError` naming each JSON pointer, nothing changed — then every view
     * answers from it. `undefined` (or `{}`) removes every pinned fact.
     */
    setData(simulator: string, data: Record<string, unknown> | undefined): void;
    /** One simulator's golden data in force (as GET /_sim/data). */
    data(simulator: string): Record<string, unknown> | undefined;
    /**
     * Every simulator's state snapshot, keyed by vendor: a state file, as `serve --state-file`
     * writes it (`JSON.stringify` it to keep it). Taking it changes nothing.
     */
    snapshot(): StateFile;
    /**
     * Continues from a state file (every simulator of this start must be in it, and nothing
     * else) or from one simulator's snapshot (`GET /_sim/state`). Everything is checked first:
     * a SnapshotError (status 400 damaged, 409 incompatible) leaves every simulator as it was.
     */
    restore(state: StateFile | SimSnapshot): void;
  };
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Starts the chosen simulators on their ports. Options are checked against the composed schema
 * first (`ConfigError` naming each mistake's JSON pointer); nothing listens on a mistake.
 */
export async function startSimulators(options: StartOptions = {}): Promise<RunningSimulators> {
  const plugins = options.plugins ?? PLUGINS;
  const unknown = (options.only ?? []).filter((n) => !plugins.some((s) => s.name === n));
  if (unknown.length) {
    throw new Error(
      `unknown simulator(s): ${unknown.join(', ')} (have: ${plugins.map((s) => s.name).join(', ')})`,
    );
  }
  const { plugins: _given, ...rest } = options;
  const given = new Set(Object.keys(options.simulators ?? {}));
  new OptionsValidator().assert(startOptionsSchema(plugins, given), rest, 'options');
  const clock = options.clock instanceof Clock ? options.clock : new Clock(options.clock);
  const wanted = options.only?.length ? options.only : plugins.map((s) => s.name);
  const selected = plugins.filter((s) => wanted.includes(s.name));
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
      setData: (simulator, data) => {
        const { kernel } = appOf(result, simulator).sim;
        kernel.setData(data && Object.keys(data).length ? data : undefined);
      },
      data: (simulator) => appOf(result, simulator).sim.kernel.dataOverrides,
      snapshot: () => stateFileOf(result.apps),
      restore: (state) => restoreState(result.apps, state),
    },
    close: async () => {
      await Promise.all(Object.values(result.servers).map((s) => s.close()));
    },
    [Symbol.asyncDispose]: () => result.close(),
  };
  try {
    for (const plugin of selected) await startOne(plugin, options, clock, result);
  } catch (e) {
    await result.close();
    throw e;
  }
  // Each simulator's dashboard links the others of this start.
  const peers: SimulatorPeer[] = selected.map((mod) => {
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
  plugin: VendorPlugin,
  options: StartOptions,
  clock: Clock,
  into: RunningSimulators,
): Promise<void> {
  const own = options.simulators?.[plugin.name];
  let app: SimApp;
  try {
    app = plugin.create({
      ...options.kernel,
      ...own,
      seed: options.seed ?? (own?.seed as number | undefined) ?? options.kernel?.seed,
      clock,
    });
  } catch (e) {
    // A data section the schema let through but the vendor refused (an unknown org, a day that
    // does not exist): named from the top of the options, like every other mistake.
    if (e instanceof ConfigError && e.message.startsWith(`invalid ${plugin.name} data`))
      throw new ConfigError(
        e.problems.map((p) => `/simulators/${plugin.name}/data${p}`),
        'options',
      );
    throw e;
  }
  const port = options.ports?.[plugin.name] ?? plugin.defaultPort;
  const host = options.host ?? '127.0.0.1';
  let server: RunningServer;
  try {
    server = await serve(app, { port, host, tls: plugin.tls ? (options.tls ?? true) : undefined });
  } catch (e) {
    throw startError(plugin, port, host, e as NodeJS.ErrnoException);
  }
  into.apps[plugin.name] = app;
  into.servers[plugin.name] = server;
  await startExtraListeners(
    plugin.name,
    app,
    options.ports?.[plugin.name] ?? plugin.defaultPort,
    options,
    into,
  );
  into.urls[plugin.name] = server.url;
  into.credentials[plugin.name] = app.sim.credentials;
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

/** Why a simulator could not start, naming it and the way out (the CLI prints the message). */
function startError(mod: VendorPlugin, port: number, host: string, e: NodeJS.ErrnoException): Error {
  const who = `${mod.title} (${mod.name})`;
  if (e.code === 'EADDRINUSE')
    return new Error(
      `${who}: port ${port} on ${host} is already in use (EADDRINUSE). Stop the process that holds it, ` +
        `or give ${mod.name} another port: --port ${mod.name}=<port>, or simulators.${mod.name}.port in the --config file (0 picks a free one).`,
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
