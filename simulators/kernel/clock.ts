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

/** The clock in a state snapshot (`clock.snapshot()`). */
export interface ClockState {
  mode: ClockMode;
  /** Epoch ms the clock read when the snapshot was taken. */
  now: number;
  /** Its start instant (where `reset` with `clock: "start"` returns). */
  start: number;
  /** System clock: ms it ran ahead of real time (admin advances); 0 for the other modes. */
  aheadMs: number;
}

interface Waiter {
  at: number;
  /** Insertion order: equal instants wake first-in first-out. */
  seq: number;
  resolve: () => void;
  /** Given up (its caller's signal aborted); skipped and dropped lazily. */
  cancelled: boolean;
}

/** The largest instant a JavaScript Date can hold. */
export const MAX_INSTANT_MS = 8.64e15;
/**
 * The latest instant the simulator clock reaches (9000-01-01): far past any billing period, yet
 * far enough from the last valid Date that every "now plus a retention, an expiry or a range"
 * a route computes stays a valid four-digit-year date. Moves past it are refused (400).
 */
export const MAX_CLOCK_MS = Date.UTC(9000, 0, 1);
/** setTimeout's ceiling; longer timers would overflow to 1 ms and spin. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Clock {
  readonly mode: ClockMode;
  readonly scale: number;
  private readonly realStart: number;
  private virtualStart: number;
  private offsetMs = 0;
  /** Binary min-heap on (at, seq): a wait, a wake and an abort cost O(log n), never O(n). */
  private heap: Waiter[] = [];
  private live = 0;
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Number.POSITIVE_INFINITY;

  constructor(options: ClockOptions = {}) {
    this.mode = options.mode ?? 'system';
    this.scale = this.mode === 'scaled' ? (options.scale ?? 1) : 1;
    if (!(this.scale > 0) || !Number.isFinite(this.scale))
      throw new RangeError(`time scale must be a finite number > 0, got ${options.scale}`);
    this.realStart = Date.now();
    const start = options.start === undefined ? this.realStart : new Date(options.start).getTime();
    if (Number.isNaN(start) || start < 0 || start > MAX_CLOCK_MS) {
      throw new RangeError(
        `invalid clock start: ${String(options.start)} (from 1970-01-01 to ${new Date(MAX_CLOCK_MS).toISOString()})`,
      );
    }
    this.virtualStart = start;
  }

  /** Epoch milliseconds on the simulator's time line (never past MAX_CLOCK_MS). */
  now(): number {
    if (this.mode === 'manual') return this.virtualStart + this.offsetMs;
    const real = Date.now() - this.realStart;
    return Math.min(MAX_CLOCK_MS, this.virtualStart + real * this.scale + this.offsetMs);
  }

  date(): Date {
    return new Date(this.now());
  }

  /** The instant the clock started at (its `start`, or real time at construction). */
  get startMs(): number {
    return this.virtualStart;
  }

  /**
   * A simulator duration as whole seconds of the client's (real) time: what Retry-After, an ETA
   * or a "retry in N seconds" text must say when the clock is scaled. Rounded up; a positive
   * duration is at least 1 s so a client never retries before the wait is over.
   */
  toClientSeconds(simMs: number): number {
    if (!(simMs > 0)) return 0;
    return Math.max(1, Math.ceil(simMs / this.scale / 1000));
  }

  /** Moves virtual time forward (any mode) and wakes waiters whose time has come. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`advance needs a non-negative number of ms, got ${ms}`);
    if (this.now() + ms > MAX_CLOCK_MS)
      throw new RangeError(
        `that would move the clock past the last valid date the simulators serve (${new Date(MAX_CLOCK_MS).toISOString()})`,
      );
    this.offsetMs += ms;
    this.wake();
    return this.now();
  }

  /** Jumps to an instant; time never moves backwards. */
  set(at: number): number {
    if (!Number.isFinite(at)) throw new RangeError(`not an instant: ${at}`);
    const delta = at - this.now();
    if (delta < 0) throw new RangeError('the clock cannot move backwards');
    return this.advance(delta);
  }

  /**
   * Back to the start instant (`POST /_sim/reset` with `clock: "start"`). The one move backwards:
   * pending waits keep the simulator time they still had to wait.
   */
  rewind(): number {
    const delta = this.now() - this.virtualStart;
    this.offsetMs -= delta;
    for (const w of this.heap) w.at -= delta;
    this.arm(true);
    return this.now();
  }

  /**
   * What a state snapshot keeps of the clock: its mode, the instant it reads, its start, and
   * (system clock) how far it runs ahead of real time after admin advances.
   */
  snapshot(): ClockState {
    const now = this.now();
    return {
      mode: this.mode,
      now,
      start: this.virtualStart,
      aheadMs: this.mode === 'system' ? now - Date.now() : 0,
    };
  }

  /**
   * Continues from a snapshot (`PUT /_sim/state`): a manual or scaled clock reads the snapshot's
   * instant again (the time the process was down did not happen on its time line); a system
   * clock stays on real time and keeps the lead admin advances gave it. The start instant moves
   * too, so a later `reset` with `clock: "start"` returns where the snapshotted clock would.
   * Pending waits keep the simulator time they still had to wait. The caller checks the mode.
   */
  restore(state: ClockState): number {
    const before = this.now();
    this.virtualStart = state.start;
    this.offsetMs = 0;
    const target = this.mode === 'system' ? Date.now() + state.aheadMs : state.now;
    this.offsetMs = Math.min(MAX_CLOCK_MS, Math.max(0, target)) - this.now();
    const delta = this.now() - before;
    for (const w of this.heap) w.at += delta;
    this.arm(true);
    return this.now();
  }

  /**
   * Resolves after `ms` of simulator time. On a manual clock that happens only when a test
   * advances it; on system/scaled clocks a real timer is armed for the scaled duration.
   */
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    if (!(ms > 0) || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter: Waiter = { at: this.now() + ms, seq: this.seq++, resolve, cancelled: false };
      this.push(waiter);
      this.live++;
      // A caller that gives up (a client that disconnected) must not stay parked forever; it is
      // marked and dropped when it reaches the top (or at the next compaction), in O(1) here.
      signal?.addEventListener(
        'abort',
        () => {
          if (waiter.cancelled) return;
          waiter.cancelled = true;
          this.live--;
          resolve();
          this.compactIfSparse();
        },
        { once: true },
      );
      if (waiter.at < this.armedFor) this.arm();
    });
  }

  /** Number of pending waits (tests use it to know a delayed response is parked). */
  get pendingWaits(): number {
    return this.live;
  }

  private wake(): void {
    const now = this.now();
    for (;;) {
      const top = this.heap[0];
      if (!top || top.at > now) break;
      this.pop();
      if (top.cancelled) continue;
      top.cancelled = true;
      this.live--;
      top.resolve();
    }
    this.arm(true);
  }

  /**
   * Keeps one real timer for the earliest waiter (system/scaled clocks). A timer may fire a
   * hair before virtual time reaches the target (rounding, scale), so wake() re-arms for
   * whatever is still pending rather than trusting a single shot.
   */
  private arm(force = false): void {
    if (this.mode === 'manual') return;
    while (this.heap[0]?.cancelled) this.pop();
    const next = this.heap[0]?.at ?? Number.POSITIVE_INFINITY;
    if (!force && next === this.armedFor) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.armedFor = next;
    if (next === Number.POSITIVE_INFINITY) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(1, Math.ceil((next - this.now()) / this.scale)));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.armedFor = Number.POSITIVE_INFINITY;
      this.wake();
    }, delay);
    this.timer.unref?.();
  }

  /** Rebuilds the heap without given-up waiters once they outnumber the live ones (amortised O(1)). */
  private compactIfSparse(): void {
    const dead = this.heap.length - this.live;
    if (dead < 64 || dead < this.live) return;
    const kept = this.heap.filter((w) => !w.cancelled);
    this.heap = [];
    for (const w of kept) this.push(w);
    this.arm();
  }

  private static before(a: Waiter, b: Waiter): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(w: Waiter): void {
    const h = this.heap;
    h.push(w);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!Clock.before(w, h[parent] as Waiter)) break;
      h[i] = h[parent] as Waiter;
      i = parent;
    }
    h[i] = w;
  }

  private pop(): Waiter | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && Clock.before(h[r] as Waiter, h[l] as Waiter) ? r : l;
      if (!Clock.before(h[c] as Waiter, last)) break;
      h[i] = h[c] as Waiter;
      i = c;
    }
    h[i] = last;
    return top;
  }
}
