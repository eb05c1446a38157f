import type { VendorHarness } from '../../harness/vendors.js';
import type { KernelOptions } from './kernel.js';
import type { JsonSchema } from './options-schema.js';
import type { SimApp } from './vendor-app.js';

/** Where a plug-in's wire is described, relative to the package root. */
export interface PluginContracts {
  /** The vendor's OpenAPI document (`contracts/<name>.openapi.yaml`). */
  openapi: string;
  /** The CSV layouts the vendor emits (`contracts/csv/<name>-*.csv.yaml`). */
  csv: string[];
}

/**
 * One vendor, complete: everything the CLI, `startSimulators`, the config loader, the harness and
 * the docs need to know about it. A vendor folder's `index.ts` exports one of these and
 * `simulators/registry.ts` lists it; nothing else names the vendor.
 */
export interface VendorPlugin<C = unknown> {
  /** Lower-case key: config section, `--only`/`--port` name, contract stem, job-kind prefix. */
  name: string;
  /** Human title for the banner. */
  title: string;
  defaultPort: number;
  /** Served over HTTPS (the shipped localhost certificate unless another is given). */
  tls: boolean;
  /**
   * JSON Schema of the vendor's own options (`properties` with `default`s). The kernel's options
   * are added to it (`simulators/kernel/options-schema.ts`); the composed object is closed.
   */
  optionsSchema: JsonSchema;
  /**
   * JSON Schema of the vendor's golden data (`simulators.<name>.data` in the config file,
   * `PUT /_sim/data`): exact facts pinned over the seeded world. Composed into the closed
   * options schema as the `data` option.
   */
  dataSchema?: JsonSchema;
  /** Builds one app; every call gives an app that shares nothing with the others. */
  create(options: KernelOptions & Record<string, unknown>): SimApp<C>;
  /** Banner lines: base URL(s) and demo credentials, for a person to copy. */
  describe(app: SimApp<C>, url: string): string[];
  /** The vendor's harness flows, loaded on first use (`billing-sim serve` never pays for them). */
  harness(): Promise<VendorHarness>;
  contracts: PluginContracts;
  /** The vendor's default rates: `<file>#<JSON pointer>` of a rate-card section. */
  rates: string;
  /** The vendor's guide (`docs/<name>.md`, with its "Where things live" table). */
  doc: string;
}
