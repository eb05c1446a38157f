/**
 * The minimal vendor on the kernel, in one of the variants the kernel-overhead figure compares.
 * BENCH_KERNEL: full | no-journal | no-limiter | bare-kernel | rejecting
 */
import type { KernelOptions, RateLimitConfig } from '../../simulators/kernel/index.js';
import { serve } from '../../simulators/kernel/index.js';
import { createMinimalVendor } from './minimal-vendor.js';
import { announce, exitOnSignal, readPayload } from './payload.js';

// A limit no run reaches: the limiter does all its work and never rejects.
const NEVER: RateLimitConfig = { kind: 'fixed-window', limit: Number.MAX_SAFE_INTEGER, windowMs: 3_600_000 };
// One request per (manual-clock) hour: every request after the first is a 429.
const ALWAYS: RateLimitConfig = { kind: 'fixed-window', limit: 1, windowMs: 3_600_000 };

const variants: Record<string, KernelOptions> = {
  full: { rateLimit: NEVER, journalSize: 1000 },
  'no-journal': { rateLimit: NEVER, journalSize: 0 },
  'no-limiter': { rateLimit: { kind: 'off' }, journalSize: 1000 },
  'bare-kernel': { rateLimit: { kind: 'off' }, journalSize: 0 },
  rejecting: { rateLimit: ALWAYS, journalSize: 1000 },
};
const variant = process.env.BENCH_KERNEL ?? 'full';
const options = variants[variant];
if (!options) throw new Error(`unknown BENCH_KERNEL ${variant}`);

const running = await serve(createMinimalVendor(readPayload(), options), { port: 0 });
announce({ url: running.url });
exitOnSignal(() => running.close());
