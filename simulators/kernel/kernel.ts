import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Clock, type ClockOptions } from './clock.js';
import type { ExchangeTap } from './exchange.js';
import { type FaultRuleInput, FaultStore } from './faults.js';
import { JobEngine } from './jobs.js';
import { Journal } from './journal.js';
import { OptionsValidator } from './options-validation.js';
import { createRateLimiter, type RateLimitConfig, type RateLimiter } from './rate-limit.js';
import { SeededData } from './seed.js';

/** Options every simulator accepts; vendor option types extend this. */
export interface KernelOptions {
  /** Data seed: same seed, same bytes. Default 1. */
  seed?: number;
  /** A Clock to share between simulators, or options for a new one. Default: system clock. */
  clock?: Clock | ClockOptions;
  /** Ring-buffer size of the request journal (0 turns it off). Default 1000. */
  journalSize?: number;
  /** Overrides the vendor's default rate limit. */
  rateLimit?: RateLimitConfig;
  /** Fault rules installed at start (the config-file door). */
  faults?: FaultRuleInput[];
  /** Largest accepted request body. Default: the vendor's, else 1 MiB. */
  bodyLimitBytes?: number;
  /** Sees every response the simulator sends (tests use it to check the contract). */
  onExchange?: ExchangeTap;
  /** Serve the /_sim admin API. Default true. */
  admin?: boolean;
  /**
   * Key for everything the simulator signs (tokens, download URLs). Default: random per process,
   * so nobody who knows the seed can forge a credential. Fix it to keep signed values valid
   * across restarts (state snapshots) or between processes.
   */
  signingSecret?: string;
  /**
   * Answers a vendor request before the kernel and the vendor do, returning true when it did
   * (`serve --replay` answers from a recording this way). Admin routes never reach it.
   */
  intercept?: (vendor: string, req: IncomingMessage, res: ServerResponse) => boolean;
}

/** Per-instance state shared by the kernel middleware, the admin API and the vendor's routes. */
export class Kernel {
  readonly clock: Clock;
  readonly data: SeededData;
  readonly jobs: JobEngine;
  readonly faults: FaultStore;
  readonly journal: Journal;
  readonly limiter: RateLimiter;
  readonly seed: number;
  /** Signing key: from `signingSecret`, else random — never derived from the seed. */
  readonly secret: Buffer;
  /** Checks admin updates against the options schema (this app's own ajv, loaded on first use). */
  readonly validator = new OptionsValidator();

  constructor(
    readonly vendor: string,
    readonly options: KernelOptions,
    defaults: { rateLimit: RateLimitConfig },
  ) {
    this.seed = options.seed ?? 1;
    this.secret =
      options.signingSecret === undefined ? randomBytes(32) : Buffer.from(options.signingSecret, 'utf8');
    this.clock = options.clock instanceof Clock ? options.clock : new Clock(options.clock);
    this.data = new SeededData(this.seed);
    this.jobs = new JobEngine(this.clock, this.data);
    this.faults = new FaultStore(this.data);
    this.journal = new Journal(options.journalSize ?? 1000);
    this.limiter = createRateLimiter(this.clock, options.rateLimit ?? defaults.rateLimit);
    for (const rule of options.faults ?? []) this.faults.add(rule);
  }

  /** Back to a clean slate: jobs, faults, journal and rate windows (the clock keeps its time). */
  reset(): void {
    this.jobs.reset();
    this.faults.clear();
    this.journal.clear();
    this.limiter.reset();
    for (const rule of this.options.faults ?? []) this.faults.add(rule);
  }
}
