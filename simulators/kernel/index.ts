export { ADMIN_TOKEN_HEADER, adminExposure, isLoopback } from './admin.js';
export {
  BodyCache,
  JSON_UTF8,
  type RenderedBody,
  renderedBody,
  sendJson,
  sendRendered,
} from './body-cache.js';
export { Clock, type ClockMode, type ClockOptions } from './clock.js';
export {
  type ErrorRenderer,
  type KernelErrorKind,
  kernelError,
  kernelKind,
  SimError,
  statusText,
} from './errors.js';
export type { Exchange, ExchangeTap } from './exchange.js';
export {
  type FaultEffect,
  type FaultMatch,
  type FaultRule,
  type FaultRuleInput,
  FaultStore,
} from './faults.js';
export { type Har, toHar } from './har.js';
export {
  type CreateJobInput,
  type JobAdvance,
  JobEngine,
  type JobError,
  type JobLifecycle,
  type JobRecord,
  type JobView,
} from './jobs.js';
export { DEFAULT_JOURNAL_BODY_BYTES, Journal, type JournalEntry, type JournalMessage } from './journal.js';
export type { RequestLogEntry } from './journal-recorder.js';
export { type DataHook, Kernel, type KernelOptions, type SimulatorPeer } from './kernel.js';
export { LOCALHOST_CERTIFICATE } from './localhost-certificate.js';
export { TextMemo } from './memo.js';
export { ConfigError } from './options-validation.js';
export {
  createRateLimiter,
  type RateDecision,
  type RateLimitConfig,
  type RateLimiter,
} from './rate-limit.js';
export { REDACTED } from './redact.js';
export { countRequests, findRequests, type RequestMatch, RequestMatchError } from './request-match.js';
export type { RequestProblem } from './request-validation.js';
export { hash32, Rng, SeededData, UuidWriter } from './seed.js';
export {
  type BareAnswer,
  EDGE_DEFAULTS,
  type EdgeLimits,
  type RunningServer,
  type ServeOptions,
  serve,
} from './server.js';
export {
  assertVendorState,
  type SimSnapshot,
  SnapshotError,
  STATE_FILE_FORMAT,
  STATE_FORMAT,
  STATE_VERSION,
  type StateFile,
  shapeProblems,
} from './snapshot.js';
export { type CertificateOptions, selfSignedCertificate, type TlsChoice, type TlsMaterial } from './tls.js';
export {
  type BareResponse,
  createVendorApp,
  type Identity,
  publicOrigin,
  type SimApp,
  type SimHandle,
  type SimListener,
  stateOf,
  type VendorAdapter,
} from './vendor-app.js';
