import type { SimApp } from './vendor-app.js';

/**
 * Long enough after listening that a client's first requests (a health poll, a token) are
 * answered before the warm-up takes the event loop for its few tens of milliseconds.
 */
export const WARM_UP_DELAY_MS = 250;

export interface ScheduledWarmUp {
  /** Settles when every app has warmed up (or failed to: a warm-up is only an optimisation). */
  done: Promise<void>;
  /** Stops a warm-up that has not started yet (servers closing). */
  cancel(): void;
}

/** Runs each app's warm-up in turn, in the background, `delayMs` after the call. */
export function scheduleWarmUp(apps: readonly SimApp[], delayMs = WARM_UP_DELAY_MS): ScheduledWarmUp {
  let cancelled = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const timer = setTimeout(async () => {
    for (const app of apps) {
      if (cancelled) break;
      await app.sim.warmUp().catch(() => {});
    }
    finish();
  }, delayMs);
  // A process with nothing else to do must not stay alive for a warm-up.
  timer.unref();
  return {
    done,
    cancel() {
      cancelled = true;
      clearTimeout(timer);
      finish();
    },
  };
}
