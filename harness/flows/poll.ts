import { StepFailure } from './context.js';
import type { StepScope } from './step.js';

export type PollAnswer<T> = { done: true; value: T } | { done: false; state: string; waitMs?: number };

/**
 * Calls `check` until it says done, sleeping `everyMs` (or what the server suggested) between
 * calls on the harness clock, and fails with the last state seen when `timeoutMs` runs out.
 */
export async function poll<T>(
  step: StepScope,
  options: { what: string; everyMs: number; timeoutMs: number },
  check: (attempt: number) => Promise<PollAnswer<T>>,
): Promise<T> {
  const started = step.time.now();
  let last = 'never answered';
  for (let attempt = 1; ; attempt++) {
    const answer = await check(attempt);
    if (answer.done) {
      step.setNote(`${options.what} ready after ${attempt} poll(s), ${fmt(step.time.now() - started)}`);
      return answer.value;
    }
    last = answer.state;
    const waitMs = Math.max(0, answer.waitMs ?? options.everyMs);
    if (step.time.now() - started + waitMs > options.timeoutMs) {
      throw new StepFailure(
        `${options.what} not ready after ${fmt(step.time.now() - started)} (${attempt} polls); last state: ${last}`,
      );
    }
    // Powers of two: visible progress on a long generation without a line per poll.
    if ((attempt & (attempt - 1)) === 0) step.progress(`${options.what}: ${last} (poll ${attempt})`);
    await step.time.sleep(waitMs);
  }
}

function fmt(ms: number): string {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}
