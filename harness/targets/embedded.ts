import { Clock, type RunningSimulators, startSimulators } from '../../simulators/index.js';
import type { VendorPlugin } from '../../simulators/kernel/plugin.js';
import type { RunTarget } from '../run.js';
import { clockTime, type HarnessTime } from '../time.js';
import type { VendorHarness } from '../vendors.js';

export interface EmbeddedOptions {
  vendors: readonly VendorHarness[];
  seed?: number;
  /**
   * Start instant of the simulators' clock (ISO). The clock is manual and the harness drives
   * it: each wait of a flow advances it, so generation and Retry-After waits cost no real time.
   */
  at?: string | number;
  /** Use a scaled clock instead (simulated seconds per real second). */
  timeScale?: number;
  /** Options per simulator, merged over the vendor's embedded defaults (tests add faults here). */
  simulators?: Record<string, Record<string, unknown>>;
  /** Applied to every simulator (tests pass a contract tap). */
  kernel?: Record<string, unknown>;
  /** Plug-ins to start the simulators from (default: the registry's). */
  plugins?: readonly VendorPlugin[];
}

export interface Embedded {
  running: RunningSimulators;
  targets: Record<string, RunTarget>;
  time: HarnessTime;
  close(): Promise<void>;
}

/** Starts the simulators the selected vendors need, in-process on free ports. */
export async function startEmbedded(options: EmbeddedOptions): Promise<Embedded> {
  const clock =
    options.timeScale !== undefined
      ? new Clock({ mode: 'scaled', scale: options.timeScale, start: options.at })
      : new Clock({ mode: 'manual', start: options.at });
  const only = options.vendors.map((v) => v.vendor);
  const running = await startSimulators({
    seed: options.seed,
    clock,
    only,
    ports: Object.fromEntries(only.map((name) => [name, 0])),
    simulators: Object.fromEntries(
      options.vendors.map((v) => [v.vendor, { ...v.embeddedOptions, ...options.simulators?.[v.vendor] }]),
    ),
    kernel: options.kernel,
    plugins: options.plugins,
  });
  const time = clockTime(clock);
  const targets: Record<string, RunTarget> = {};
  for (const v of options.vendors) {
    const url = running.urls[v.vendor];
    if (!url) continue;
    targets[v.vendor] = {
      vendor: v.vendor,
      baseUrl: url,
      credentials: v.embeddedCredentials(running.credentials[v.vendor]),
      ca: running.servers[v.vendor]?.certificate,
      time,
    };
  }
  return { running, targets, time, close: () => running.close() };
}
