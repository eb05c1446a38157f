import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Clock, type ClockOptions } from './clock.js';
import type { ExchangeTap } from './exchange.js';
import { type FaultRuleInput, FaultStore } from './faults.js';
import { JobEngine } from './jobs.js';
import { DEFAULT_JOURNAL_BODY_BYTES, Journal } from './journal.js';
import type { RequestLogEntry } from './journal-recorder.js';
import { ConfigError, OptionsValidator } from './options-validation.js';
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
  /** Bytes kept of each journaled request and response body (0: headers only). Default 8192. */
  journalBodyBytes?: number;
  /** Called once per vendor request when its response closes (the `serve --log` request log). */
  onRequest?: (entry: RequestLogEntry) => void;
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
   * Origin clients reach this simulator at (`https://sim.example.test`, behind a proxy): absolute
   * URLs the simulator writes (pagination links …) start with it. Default: the address of the
   * listener the request came in on — never the request's unchecked Host header.
   */
  publicOrigin?: string;
  /**
   * Token the /_sim admin API demands (`Authorization: Bearer …` or `X-Sim-Admin-Token`), health
   * excepted. `serve` requires one when it binds beyond loopback. Default: none (open admin API).
   */
  adminToken?: string;
  /**
   * Answers a vendor request before the kernel and the vendor do, returning true when it did
   * (`serve --replay` answers from a recording this way). Admin routes never reach it.
   */
  intercept?: (vendor: string, req: IncomingMessage, res: ServerResponse) => boolean;
  /**
   * The vendor's golden data: exact facts pinned over the seeded world, checked against the
   * plug-in's `dataSchema` (a vendor section's option, never one for every simulator).
   */
  data?: object;
}

/** Replaces the vendor's golden data: validates (throwing a ConfigError) and rebuilds its world. */
export type DataHook = (data: Record<string, unknown> | undefined) => void;

/** A simulator of the same start, as the dashboard links it. */
export interface SimulatorPeer {
  name: string;
  title: string;
  url: string;
  port: number;
  tls: boolean;
  /** The banner's lines for it: base URLs and demo credentials. */
  banner: string[];
  /** Its demo credentials (the dashboard turns them into curl lines). */
  credentials: unknown;
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
  /**
   * Every simulator of the same start (startSimulators sets it), so the dashboard can link
   * them; empty for an app built on its own.
   */
  peers: SimulatorPeer[] = [];
  /**
   * The golden data in force (`data` of the options, replaced by `PUT /_sim/data`): what a state
   * snapshot saves and gives back through `setData`. Undefined: the seeded world alone.
   */
  dataOverrides: Record<string, unknown> | undefined;
  private dataHook: DataHook | undefined;
  /** Checks admin updates against the options schema (this app's own ajv, loaded on first use). */
  readonly validator = new OptionsValidator();

  constructor(
    readonly vendor: string,
    readonly options: KernelOptions,
    defaults: { rateLimit: RateLimitConfig },
  ) {
    this.seed = options.seed ?? 1;
    this.dataOverrides = options.data as Record<string, unknown> | undefined;
    this.secret =
      options.signingSecret === undefined ? randomBytes(32) : Buffer.from(options.signingSecret, 'utf8');
    this.clock = options.clock instanceof Clock ? options.clock : new Clock(options.clock);
    this.data = new SeededData(this.seed);
    this.jobs = new JobEngine(this.clock, this.data);
    this.faults = new FaultStore(this.data);
    this.journal = new Journal(
      options.journalSize ?? 1000,
      options.journalBodyBytes ?? DEFAULT_JOURNAL_BODY_BYTES,
    );
    this.limiter = createRateLimiter(this.clock, options.rateLimit ?? defaults.rateLimit);
    for (const rule of options.faults ?? []) this.faults.add(rule);
    if (options.publicOrigin !== undefined) {
      let url: URL;
      try {
        url = new URL(options.publicOrigin);
      } catch {
        throw new RangeError(
          `kernel option publicOrigin must be an absolute http(s) URL, got "${options.publicOrigin}"`,
        );
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new RangeError(
          `kernel option publicOrigin must be an http(s) URL, got "${options.publicOrigin}"`,
        );
    }
  }

  /** The vendor's data hook (`VendorAdapter.setData`), installed once its adapter exists. */
  useDataHook(hook: DataHook | undefined): void {
    this.dataHook = hook;
  }

  /** Whether this simulator takes golden data at all. */
  get takesData(): boolean {
    return this.dataHook !== undefined;
  }

  /**
   * Replaces the golden data (undefined: none, the seeded world alone). The vendor validates it
   * first: on a mistake it throws a ConfigError naming the JSON pointer and nothing changes.
   */
  setData(data: Record<string, unknown> | undefined): void {
    if (!this.dataHook) throw new ConfigError([`/: the ${this.vendor} simulator takes no data`], 'data');
    // The hook records the data on the kernel once the vendor has accepted it.
    this.dataHook(data);
  }

  /**
   * Back to a clean slate: jobs, faults, journal and rate windows. The clock keeps its time
   * unless `clock` is set, which returns it to its start (a shared clock moves for every simulator).
   */
  reset(options: { clock?: boolean } = {}): void {
    if (options.clock) this.clock.rewind();
    this.jobs.reset();
    this.faults.clear();
    this.journal.clear();
    this.limiter.reset();
    for (const rule of this.options.faults ?? []) this.faults.add(rule);
    // Golden data goes back to the configured, like the fault rules.
    const configured = this.options.data as Record<string, unknown> | undefined;
    if (this.dataHook && this.dataOverrides !== configured) this.setData(configured);
  }
}
