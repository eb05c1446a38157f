import type { FlowContext } from './context.js';

/** One vendor billing flow: a named, readable sequence of steps. */
export interface FlowDefinition {
  /** `purecloud`, `webex-wholesale`, … (what `--vendor` selects, with the vendor name). */
  id: string;
  /** Contract and target key (`contracts/<vendor>.openapi.yaml`). */
  vendor: string;
  title: string;
  /** Runs the steps; usage goes to `ctx.usage`. A failed step throws FlowStopped. */
  run(ctx: FlowContext): Promise<void>;
}
