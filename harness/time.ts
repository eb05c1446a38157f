/**
 * Time as the harness sees it. Flows never read the machine clock: they get a HarnessTime,
 * so tests can run minutes of polling and Retry-After waits in microseconds, and a run
 * against the embedded simulators can share their virtual clock.
 */
export interface HarnessTime {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`; rejects early when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Called while a request waits for its answer. A time the harness drives moves on when the
   * server is itself waiting on it (a delayed response on a manual clock) and says so.
   */
  nudge?(): boolean;
}

/** The slice of the simulators' Clock the harness needs (kept structural: no import of the kernel). */
export interface ClockLike {
  readonly mode: string;
  /** Simulator ms per real ms (1 for a system clock). */
  readonly scale: number;
  now(): number;
  advance(ms: number): number;
  wait(ms: number): Promise<void>;
  /** Waits parked on the clock (a simulator holding a delayed response). */
  readonly pendingWaits: number;
}

/** How far one nudge moves a manual clock that a server is waiting on. */
const NUDGE_MS = 1000;

/**
 * Sleeps on a simulator clock. A manual clock is driven by the harness itself: sleeping
 * advances it, so a 10-minute report generation finishes instantly and deterministically.
 */
export function clockTime(clock: ClockLike): HarnessTime {
  return {
    now: () => clock.now(),
    sleep: (ms, signal) => {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      if (clock.mode === 'manual') {
        if (ms > 0) clock.advance(ms);
        return Promise.resolve();
      }
      return waitUntil(clock, clock.now() + ms, signal);
    },
    nudge: () => {
      if (clock.mode !== 'manual' || clock.pendingWaits === 0) return false;
      clock.advance(NUDGE_MS);
      return true;
    },
  };
}

/**
 * Waits on a scaled or system clock until it reaches `at`. It re-checks after each timer
 * rather than trusting one timer: a timer may fire a hair before the clock reads the target
 * (Clock.wait itself can then miss its waiter, so the harness does not use it).
 */
async function waitUntil(clock: ClockLike, at: number, signal: AbortSignal | undefined): Promise<void> {
  for (let left = at - clock.now(); left > 0; left = at - clock.now()) {
    await raceAbort(timer(Math.max(1, Math.ceil(left / clock.scale))), signal);
  }
}

function timer(realMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, realMs));
}

/** Virtual time for unit tests: sleeps return at once and are recorded. */
export interface VirtualTime extends HarnessTime {
  readonly sleeps: number[];
}

export function virtualTime(start: number | string = '2026-03-15T10:00:00Z'): VirtualTime {
  let now = typeof start === 'number' ? start : new Date(start).getTime();
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms, signal) => {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      sleeps.push(ms);
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}

export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}

function raceAbort(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
