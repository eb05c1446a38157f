import { Clock } from '../simulators/kernel/clock.js';
import type { HarnessTime } from './time.js';
import { abortReason } from './time.js';

/** Real time comes from the project's one clock module, like everything else. */
const systemClock = new Clock({ mode: 'system' });

/**
 * The only module of the harness that reads the machine's clock. Runs against external
 * targets (another simulator, Prism, the real vendor) use it; everything else receives a
 * HarnessTime so it can be virtual.
 */
export const realTime: HarnessTime = {
  now: () => systemClock.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }
      function onAbort() {
        clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      }
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** Wall-clock milliseconds for measuring step durations (never used for data or decisions). */
export function elapsedMs(): number {
  return performance.now();
}
