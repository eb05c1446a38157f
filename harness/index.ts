/** The harness as a library: run the billing flows from your own code or test suite. */
export {
  type BillingLine,
  type CustomerTotal,
  priceUsage,
  totalsByCustomer,
  type UsageRecord,
} from './billing/lines.js';
export { DEFAULT_DEADLINE_MS, DEFAULT_MAX_WAIT_MS, parseDuration } from './deadline.js';
export { compareRecording, type DriftItem, type DriftReport } from './drift/drift.js';
export { renderDriftJson, renderDriftMarkdown } from './drift/render.js';
export { type ExecuteOptions, type ExecuteResult, executeFlows, UsageError } from './execute.js';
export type { FlowEvent, Period, Target } from './flows/context.js';
export type { FlowDefinition } from './flows/flow.js';
export { HttpClient, type HttpClientOptions } from './http/client.js';
export { RateCard, RateCardError } from './rate-card/rate-card.js';
export type { Har, HarEntry } from './record/har.js';
export { Recorder } from './record/recorder.js';
export { ReplayStore } from './replay/replay.js';
export type { FlowResult, RunReport, StepResult } from './reports/model.js';
export { previousMonth, type RunOptions, type RunTarget, runFlows } from './run.js';
export { type Embedded, type EmbeddedOptions, startEmbedded } from './targets/embedded.js';
export { externalTarget } from './targets/external.js';
export { clockTime, type HarnessTime, virtualTime } from './time.js';
export { type EnvCredential, loadHarnesses, type VendorHarness } from './vendors.js';
