import { HttpError } from './http/errors.js';
import type { HarnessTime } from './time.js';

export const DEFAULT_DEADLINE_MS = 60 * 60_000;
export const DEFAULT_MAX_WAIT_MS = 120_000;

/**
 * The time budget of one run: an overall deadline and a cap on any single wait (Retry-After,
 * back-off, polling interval, "come back later"). A wait that is refused fails at once, with a
 * message naming the wait that was asked for — sitting out a `Retry-After: 86400` only to be
 * killed by CI helps nobody.
 *
 * Flows run one after the other, each on its target's time (the simulators' virtual clock or
 * the real one), so the time spent is summed flow by flow on the time each flow used.
 */
export class RunBudget {
  private spentBefore = 0;
  private time: HarnessTime | undefined;
  private enteredAt = 0;

  constructor(
    readonly deadlineMs: number = DEFAULT_DEADLINE_MS,
    readonly maxWaitMs: number = DEFAULT_MAX_WAIT_MS,
    /** Aborts everything in flight: a signal (SIGINT/SIGTERM) or the deadline on the wall clock. */
    readonly signal?: AbortSignal,
  ) {}

  /** The next flow runs on `time`. */
  enter(time: HarnessTime): void {
    if (this.time) this.spentBefore += Math.max(0, this.time.now() - this.enteredAt);
    this.time = time;
    this.enteredAt = time.now();
  }

  spentMs(): number {
    return this.spentBefore + (this.time ? Math.max(0, this.time.now() - this.enteredAt) : 0);
  }

  leftMs(): number {
    return this.deadlineMs - this.spentMs();
  }

  /** Throws an HttpError('deadline') when waiting `ms` is not allowed. `what`: "Retry-After: 86400 of HTTP 429". */
  admit(ms: number, what: string, capped = false): void {
    this.throwIfAborted();
    if (!capped && ms > this.maxWaitMs)
      throw new HttpError(
        `${what} asks for a wait of ${fmt(ms)}, more than the longest single wait allowed (--max-wait ${fmt(this.maxWaitMs)}); not waiting`,
        'deadline',
      );
    const left = this.leftMs();
    if (ms > left)
      throw new HttpError(
        `${what} asks for a wait of ${fmt(ms)}, which would pass the run deadline (--deadline ${fmt(this.deadlineMs)}, ${fmt(Math.max(0, left))} left); not waiting`,
        'deadline',
      );
  }

  throwIfAborted(): void {
    if (this.signal?.aborted) throw abortError(this.signal);
  }

  /** `time` with every sleep cut to the longest wait, admitted against the deadline, and ended by the run's signal. */
  guard(time: HarnessTime): HarnessTime {
    return {
      now: () => time.now(),
      sleep: (ms, signal) => {
        // A flow's own waits (polling intervals) are cut to the longest single wait — polling
        // sooner is harmless — and must fit before the deadline.
        const wait = Math.min(ms, this.maxWaitMs);
        try {
          this.admit(wait, 'the flow', true);
        } catch (e) {
          return Promise.reject(e);
        }
        return time.sleep(wait, signal ?? this.signal);
      },
      nudge: time.nudge ? () => time.nudge?.() ?? false : undefined,
    };
  }
}

/** What an aborted run's requests and sleeps fail with: the abort reason as an HttpError. */
export function abortError(signal: AbortSignal): HttpError {
  const reason = signal.reason;
  if (reason instanceof HttpError) return reason;
  return new HttpError(
    reason instanceof Error ? reason.message : `interrupted${reason ? ` (${String(reason)})` : ''}`,
    'interrupted',
  );
}

export function fmt(ms: number): string {
  if (ms >= 3_600_000 && ms % 60_000 === 0) return `${+(ms / 3_600_000).toFixed(2)} h`;
  if (ms >= 60_000 && ms % 1000 === 0) return `${+(ms / 60_000).toFixed(2)} min`;
  return `${+(ms / 1000).toFixed(3)} s`;
}

/**
 * `90s`, `5m`, `1h30m`, `250ms`, or plain seconds (`300`) → milliseconds; undefined when unreadable.
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
    matched = re.lastIndex;
  }
  return matched === t.length && t.length > 0 ? Math.round(total) : undefined;
}
