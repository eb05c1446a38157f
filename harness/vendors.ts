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

/** What the harness knows about one vendor: its flows and how to get credentials for them. */
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
