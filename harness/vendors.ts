import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { packageRoot } from '../contracts/files.js';
import { ContractSet } from '../contracts/validator.js';
import type { VendorPlugin } from '../simulators/kernel/plugin.js';
import { PLUGINS } from '../simulators/registry.js';
import type { Target } from './flows/context.js';
import type { FlowDefinition } from './flows/flow.js';

/** An environment variable a vendor's flows read when run against an external target. */
export interface EnvCredential {
  /** Variable name, e.g. `BILLING_SIM_WEBEX_TOKEN`. */
  env: string;
  /** Key in Target.credentials. */
  credential: string;
  required: boolean;
  description: string;
}

/**
 * What the harness knows about one vendor: its flows and how to get credentials for them. Each
 * plug-in (`simulators/<vendor>/index.ts`) loads its own through `harness()`.
 */
export interface VendorHarness {
  /** Simulator / contract name. */
  vendor: string;
  flows: FlowDefinition[];
  /** Simulator options for embedded runs (fast generation, shorter waits). */
  embeddedOptions: Record<string, unknown>;
  /** Maps the simulator's demo credentials to the flow's credential keys. */
  embeddedCredentials(simulatorCredentials: unknown): Target['credentials'];
  /** Variables read for an external target. */
  env: EnvCredential[];
}

/** The harness side of every plug-in in the registry (or of the given ones), in run order. */
export async function loadHarnesses(plugins: readonly VendorPlugin[] = PLUGINS): Promise<VendorHarness[]> {
  return Promise.all(plugins.map((p) => p.harness()));
}

/** The contracts of the given plug-ins plus the admin API's, for checking their traffic. */
export function pluginContracts(plugins: readonly VendorPlugin[] = PLUGINS): ContractSet {
  const root = packageRoot();
  return new ContractSet([
    join(root, 'contracts', 'sim.openapi.yaml'),
    ...plugins.map((p) => join(root, p.contracts.openapi)),
  ]);
}

/** The rate-card section a plug-in's `rates` points at (`<file>#/json/pointer`). */
export function pluginRates(plugin: VendorPlugin): unknown {
  const [file, pointer = ''] = plugin.rates.split('#');
  let value: unknown = parseYaml(readFileSync(join(packageRoot(), file!), 'utf8'));
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (value === undefined) throw new Error(`${plugin.name}: rates ${plugin.rates} points at nothing`);
  return value;
}
