/**
 * billing-sim as a library: start the simulators (all, or some, on ports you choose) or build
 * one vendor's Express app. Everything here is documented API; kernel internals are reachable
 * only through their own modules (`simulators/kernel/...`) and may change.
 */
import { Clock, type ClockOptions } from './kernel/clock.js';
import type { KernelOptions } from './kernel/kernel.js';
import { startOptionsSchema } from './kernel/options-schema.js';
import { OptionsValidator } from './kernel/options-validation.js';
import type { VendorPlugin } from './kernel/plugin.js';
import { type RunningServer, serve } from './kernel/server.js';
import type { TlsMaterial } from './kernel/tls.js';
import type { SimApp } from './kernel/vendor-app.js';
import { PLUGINS } from './registry.js';

export { Clock, type ClockMode, type ClockOptions } from './kernel/clock.js';
export { type ErrorRenderer, SimError } from './kernel/errors.js';
export type { Exchange, ExchangeTap } from './kernel/exchange.js';
export type { FaultEffect, FaultMatch, FaultRuleInput } from './kernel/faults.js';
export type { KernelOptions } from './kernel/kernel.js';
export { configSchema, type JsonSchema } from './kernel/options-schema.js';
export { ConfigError } from './kernel/options-validation.js';
export type { PluginContracts, VendorPlugin } from './kernel/plugin.js';
export type { RateLimitConfig } from './kernel/rate-limit.js';
export { type RunningServer, type ServeOptions, serve } from './kernel/server.js';
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
  return result;
}

async function startOne(
  plugin: VendorPlugin,
  options: StartOptions,
  clock: Clock,
  into: RunningSimulators,
): Promise<void> {
  const own = options.simulators?.[plugin.name];
  const app = plugin.create({
    ...options.kernel,
    ...own,
    seed: options.seed ?? (own?.seed as number | undefined) ?? options.kernel?.seed,
    clock,
  });
  const server = await serve(app, {
    port: options.ports?.[plugin.name] ?? plugin.defaultPort,
    host: options.host,
    tls: plugin.tls ? (options.tls ?? true) : undefined,
  });
  into.apps[plugin.name] = app;
  into.servers[plugin.name] = server;
  into.urls[plugin.name] = server.url;
  into.credentials[plugin.name] = app.sim.credentials;
}
