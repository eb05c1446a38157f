/**
 * The only place in the simulators that reads real time. Every other module asks a Clock,
 * so tests can drive report generation, token expiry and rate windows with a manual clock.
 */
export type ClockMode = 'system' | 'manual' | 'scaled';

export interface ClockOptions {
  mode?: ClockMode;
  /** Start instant (epoch ms or ISO string) for manual and scaled clocks. Defaults to real now. */
  start?: number | string;
  /** Virtual seconds per real second for a scaled clock (`--time-scale`). */
  scale?: number;
}

interface Waiter {
  at: number;
  resolve: () => void;
}

/** The largest instant a JavaScript Date can hold; virtual time never goes past it. */
export const MAX_INSTANT_MS = 8.64e15;
/** setTimeout's ceiling; longer timers would overflow to 1 ms and spin. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Clock {
  readonly mode: ClockMode;
  readonly scale: number;
  private readonly realStart: number;
  private readonly virtualStart: number;
  private offsetMs = 0;
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(options: ClockOptions = {}) {
    this.mode = options.mode ?? 'system';
    this.scale = this.mode === 'scaled' ? (options.scale ?? 1) : 1;
    if (!(this.scale > 0)) throw new RangeError(`time scale must be > 0, got ${options.scale}`);
    this.realStart = Date.now();
    const start = options.start === undefined ? this.realStart : new Date(options.start).getTime();
    if (Number.isNaN(start) || Math.abs(start) > MAX_INSTANT_MS) {
      throw new RangeError(`invalid clock start: ${String(options.start)}`);
    }
    this.virtualStart = start;
  }

  /** Epoch milliseconds on the simulator's time line. */
  now(): number {
    if (this.mode === 'manual') return this.virtualStart + this.offsetMs;
    const real = Date.now() - this.realStart;
    return this.virtualStart + real * this.scale + this.offsetMs;
  }

  date(): Date {
    return new Date(this.now());
  }

  /** Moves virtual time forward (any mode) and wakes waiters whose time has come. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`advance needs a non-negative number of ms, got ${ms}`);
    if (this.now() + ms > MAX_INSTANT_MS)
      throw new RangeError('that would move the clock past the last valid date');
    this.offsetMs += ms;
    this.wake();
    return this.now();
  }

  /** Jumps to an instant; time never moves backwards. */
  set(at: number): number {
    const delta = at - this.now();
    if (delta < 0) throw new RangeError('the clock cannot move backwards');
    return this.advance(delta);
  }

  /**
   * Resolves after `ms` of simulator time. On a manual clock that happens only when a test
   * advances it; on system/scaled clocks a real timer is armed for the scaled duration.
   */
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter: Waiter = { at: this.now() + ms, resolve };
      this.waiters.push(waiter);
      // A caller that gives up (a client that disconnected) must not stay parked forever.
      signal?.addEventListener(
        'abort',
        () => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve();
          this.arm();
        },
        { once: true },
      );
      this.arm();
    });
  }

  /** Number of pending waits (tests use it to know a delayed response is parked). */
  get pendingWaits(): number {
    return this.waiters.length;
  }

  private wake(): void {
    const now = this.now();
    const due = this.waiters.filter((w) => w.at <= now);
    if (due.length > 0) this.waiters = this.waiters.filter((w) => w.at > now);
    for (const w of due) w.resolve();
    this.arm();
  }

  /**
   * Keeps one real timer for the earliest waiter (system/scaled clocks). A timer may fire a
   * hair before virtual time reaches the target (rounding, scale), so wake() re-arms for
   * whatever is still pending rather than trusting a single shot.
   */
  private arm(): void {
    if (this.mode === 'manual') return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.waiters.length === 0) return;
    const next = Math.min(...this.waiters.map((w) => w.at));
    const delay = Math.min(MAX_TIMER_MS, Math.max(1, Math.ceil((next - this.now()) / this.scale)));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.wake();
    }, delay);
    this.timer.unref?.();
  }
}
