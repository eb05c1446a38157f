import type { Clock } from './clock.js';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /**
   * Seconds until the window resets (fixed window) or the bucket is full again (token bucket),
   * in the client's seconds: under `--time-scale 60` a 60 s window resets in 1 real second.
   */
  resetSeconds: number;
  /** Client seconds a rejected caller should wait; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  take(key: string): RateDecision;
  reset(): void;
  /** The windows or buckets, for a state snapshot: `[key, a, b]` (start and count, or tokens and instant). */
  snapshot(): RateState;
  /** Takes a snapshot's windows when it came from a limiter of the same configuration (else starts empty). */
  restore(state: RateState): void;
}

/** A rate limiter in a state snapshot: its configuration and its windows or buckets. */
export interface RateState {
  config: RateLimitConfig;
  entries: [string, number, number][];
}

function sameConfig(a: RateLimitConfig, b: RateLimitConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type RateLimitConfig =
  | { kind: 'fixed-window'; limit: number; windowMs: number }
  | { kind: 'token-bucket'; capacity: number; refillPerSecond: number }
  | { kind: 'off' };

/**
 * Decisions are synchronous on Node's single thread, so counts are exact however many
 * requests arrive at once; no locks are needed.
 */
export class FixedWindowLimiter implements RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  take(key: string): RateDecision {
    const now = this.clock.now();
    const start = now - (now % this.windowMs);
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      w = { start, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 10_000) this.prune(start);
    }
    const resetSeconds = Math.max(1, this.clock.toClientSeconds(start + this.windowMs - now));
    if (w.count >= this.limit) {
      return {
        allowed: false,
        limit: this.limit,
        remaining: 0,
        resetSeconds,
        retryAfterSeconds: resetSeconds,
      };
    }
    w.count++;
    return {
      allowed: true,
      limit: this.limit,
      remaining: this.limit - w.count,
      resetSeconds,
      retryAfterSeconds: 0,
    };
  }

  reset(): void {
    this.windows.clear();
  }

  snapshot(): RateState {
    return {
      config: { kind: 'fixed-window', limit: this.limit, windowMs: this.windowMs },
      entries: [...this.windows].map(([k, w]) => [k, w.start, w.count]),
    };
  }

  restore(state: RateState): void {
    this.windows.clear();
    if (!sameConfig(state.config, this.snapshot().config)) return;
    for (const [k, start, count] of state.entries.slice(-10_000)) this.windows.set(k, { start, count });
  }

  private prune(currentStart: number): void {
    for (const [k, w] of this.windows) if (w.start !== currentStart) this.windows.delete(k);
  }
}

export class TokenBucketLimiter implements RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly clock: Clock,
    readonly capacity: number,
    readonly refillPerSecond: number,
  ) {}

  take(key: string): RateDecision {
    const now = this.clock.now();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.refillPerSecond);
    b.at = now;
    this.buckets.set(key, b);
    const fullIn = this.clock.toClientSeconds(((this.capacity - b.tokens) / this.refillPerSecond) * 1000);
    if (b.tokens < 1) {
      const wait = Math.max(1, this.clock.toClientSeconds(((1 - b.tokens) / this.refillPerSecond) * 1000));
      return {
        allowed: false,
        limit: this.capacity,
        remaining: 0,
        resetSeconds: Math.max(1, fullIn),
        retryAfterSeconds: wait,
      };
    }
    b.tokens -= 1;
    return {
      allowed: true,
      limit: this.capacity,
      remaining: Math.floor(b.tokens),
      resetSeconds: this.clock.toClientSeconds(((this.capacity - b.tokens) / this.refillPerSecond) * 1000),
      retryAfterSeconds: 0,
    };
  }

  reset(): void {
    this.buckets.clear();
  }

  snapshot(): RateState {
    return {
      config: { kind: 'token-bucket', capacity: this.capacity, refillPerSecond: this.refillPerSecond },
      entries: [...this.buckets].map(([k, b]) => [k, b.tokens, b.at]),
    };
  }

  restore(state: RateState): void {
    this.buckets.clear();
    if (!sameConfig(state.config, this.snapshot().config)) return;
    for (const [k, tokens, at] of state.entries.slice(-10_000)) this.buckets.set(k, { tokens, at });
  }
}

const ALWAYS: RateLimiter = {
  take: () => ({
    allowed: true,
    limit: Number.MAX_SAFE_INTEGER,
    remaining: Number.MAX_SAFE_INTEGER,
    resetSeconds: 0,
    retryAfterSeconds: 0,
  }),
  reset: () => {},
  snapshot: () => ({ config: { kind: 'off' }, entries: [] }),
  restore: () => {},
};

export function createRateLimiter(clock: Clock, config: RateLimitConfig): RateLimiter {
  switch (config.kind) {
    case 'fixed-window':
      return new FixedWindowLimiter(clock, config.limit, config.windowMs);
    case 'token-bucket':
      return new TokenBucketLimiter(clock, config.capacity, config.refillPerSecond);
    case 'off':
      return ALWAYS;
  }
}
