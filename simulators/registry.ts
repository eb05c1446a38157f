import type { VendorPlugin } from './kernel/plugin.js';
import { purecloudPlugin } from './purecloud/index.js';
import { rprmPlugin } from './rprm/index.js';
import { webexPlugin } from './webex/index.js';

/**
 * Every vendor that exists, in banner and run order. Adding a vendor is one folder under
 * `simulators/` and one entry here: the CLI, `startSimulators`, the config schema, the harness
 * and the docs tests all read this list.
 */
export const PLUGINS: readonly VendorPlugin[] = [purecloudPlugin, webexPlugin, rprmPlugin];

export function pluginNames(plugins: readonly VendorPlugin[] = PLUGINS): string[] {
  return plugins.map((p) => p.name);
}

export function findPlugin(
  name: string,
  plugins: readonly VendorPlugin[] = PLUGINS,
): VendorPlugin | undefined {
  return plugins.find((p) => p.name === name);
}
