import { Rng } from '../../simulators/kernel/seed.js';

export interface BackoffPolicy {
  /** First delay before jitter. */
  baseMs: number;
  /** Largest delay after growth. */
  maxMs: number;
  /** Share of the delay drawn at random (0 = none, 1 = "full jitter"). */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 30_000, jitter: 0.5 };

/**
 * Exponential backoff with seeded jitter, used when a retryable answer carries no Retry-After.
 * The jitter spreads clients apart without making runs irreproducible.
 */
export class Backoff {
  private readonly rng: Rng;

  constructor(
    private readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
    seed = 1,
  ) {
    this.rng = new Rng(seed);
  }

  /** Delay before retry number `attempt` (1 = first retry). */
  delay(attempt: number): number {
    const { baseMs, maxMs, jitter } = this.policy;
    const grown = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    const spread = grown * Math.min(1, Math.max(0, jitter));
    return Math.round(grown - spread + this.rng.next() * spread);
  }
}
