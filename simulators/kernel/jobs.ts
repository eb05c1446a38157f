import type { Clock } from './clock.js';
import type { SeededData } from './seed.js';

/**
 * Asynchronous jobs (report generation, CDR export) as state machines driven by simulator time,
 * by polls, or by command, in the spirit of moto's state-transition manager.
 * State is derived when read, so a manual clock needs no timers.
 */
export type JobAdvance =
  | { kind: 'immediate' }
  | { kind: 'time'; ms: number }
  | { kind: 'polls'; count: number }
  | { kind: 'manual' };

export interface JobLifecycle<S extends string = string> {
  /** Non-terminal states in order; the first is the state a new job starts in. */
  steps: readonly S[];
  success: S;
  failure: S;
}

export interface JobError {
  code: string;
  message: string;
}

export interface CreateJobInput<D> {
  kind: string;
  lifecycle: JobLifecycle;
  advance: JobAdvance;
  tenant?: string;
  id?: string;
  /** Units of work for the progress counter (rows, records). */
  totalUnits?: number;
  /** Chance in [0,1] that the job ends in failure, decided once from the seed and the job id. */
  failureRate?: number;
  /** Force the outcome regardless of the ratio. */
  fail?: boolean | JobError;
  data: D;
}

export interface Job<D = unknown> {
  readonly id: string;
  readonly kind: string;
  readonly tenant: string | undefined;
  readonly lifecycle: JobLifecycle;
  readonly advance: JobAdvance;
  readonly createdAt: number;
  readonly totalUnits: number;
  readonly data: D;
  polls: number;
  /** Fraction reached by commands (advance); the job is at least this far along. */
  forced: number;
  willFail: JobError | undefined;
  finishedAt: number | undefined;
  /** Creation sequence (what `GET /_sim/jobs` cursors count). */
  readonly seq: number;
}

export interface JobView<D = unknown> {
  id: string;
  kind: string;
  tenant: string | undefined;
  state: string;
  terminal: boolean;
  failed: boolean;
  error: JobError | undefined;
  /** 0..1 share of the work done. */
  fraction: number;
  processedUnits: number;
  totalUnits: number;
  createdAt: number;
  finishedAt: number | undefined;
  /** Simulator ms until the job is expected to finish (time mode), else undefined. */
  remainingMs: number | undefined;
  polls: number;
  data: D;
}

/**
 * Most jobs one simulator keeps (docs/kernel.md). Past it the least recently used finished job is
 * evicted (then, if every job is still running, the least recently used one): a flood of report
 * requests cannot grow memory without end. An evicted job reads as unknown (the vendor's 404).
 */
export const MAX_JOBS = 1000;
/** Largest page of `GET /_sim/jobs`. */
export const MAX_JOB_PAGE = 1000;

export interface JobPage {
  jobs: JobView[];
  /** Pass as `cursor` for the next page; undefined on the last one. */
  nextCursor: string | undefined;
}

/** One job as a state snapshot keeps it (JSON: absent values are null). */
export interface JobRecord {
  id: string;
  kind: string;
  tenant: string | null;
  lifecycle: JobLifecycle;
  advance: JobAdvance;
  createdAt: number;
  totalUnits: number;
  data: unknown;
  polls: number;
  forced: number;
  willFail: JobError | null;
  finishedAt: number | null;
  /** Creation sequence (what `GET /_sim/jobs` cursors count). */
  seq: number;
}

/** The job engine in a state snapshot: jobs in creation order, ids least recently used first. */
export interface JobsState {
  counter: number;
  failNext: number;
  evicted: number;
  jobs: JobRecord[];
  recency: string[];
}

const DEFAULT_FAILURE: JobError = { code: 'generation.failed', message: 'Generation failed.' };

export class JobEngine {
  /** Creation order (listing and cursors). */
  private jobs = new Map<string, Job>();
  /** Least recently used first: touched on every read. */
  private recency = new Map<string, Job>();
  /** The last entry of `recency`. */
  private newest: Job | undefined;
  private counter = 0;
  private failNextCount = 0;
  /** Jobs dropped to stay within the cap (for tests and the bench). */
  evicted = 0;

  constructor(
    private readonly clock: Clock,
    private readonly data: SeededData,
    readonly capacity = MAX_JOBS,
  ) {}

  create<D>(input: CreateJobInput<D>): JobView<D> {
    const id = input.id ?? this.data.uuid(`job:${input.kind}:${++this.counter}`);
    let willFail: JobError | undefined;
    if (input.fail) willFail = input.fail === true ? DEFAULT_FAILURE : input.fail;
    else if (this.failNextCount > 0) {
      this.failNextCount--;
      willFail = DEFAULT_FAILURE;
    } else if (input.failureRate && this.data.rng(`job-failure:${id}`).next() < input.failureRate) {
      willFail = DEFAULT_FAILURE;
    }
    const job: Job<D> = {
      id,
      kind: input.kind,
      tenant: input.tenant,
      lifecycle: input.lifecycle,
      advance: input.advance,
      createdAt: this.clock.now(),
      totalUnits: input.totalUnits ?? 0,
      data: input.data,
      polls: 0,
      forced: input.advance.kind === 'immediate' ? 1 : 0,
      willFail,
      finishedAt: undefined,
      seq: this.counter,
    };
    this.remove(id);
    this.jobs.set(id, job as Job);
    this.recency.set(id, job as Job);
    this.newest = job as Job;
    if (this.jobs.size > this.capacity) this.evictOne(id);
    return this.view(job);
  }

  get size(): number {
    return this.jobs.size;
  }

  /** Who a job belongs to (its kind and tenant), without reading it: no view built, no recency. */
  owner(id: string): { readonly kind: string; readonly tenant: string | undefined } | undefined {
    return this.jobs.get(id);
  }

  /** Reads a job without counting a poll. */
  get<D = unknown>(id: string): JobView<D> | undefined {
    const job = this.touch(id);
    return job ? this.view(job as Job<D>) : undefined;
  }

  /** Reads a job as a client poll: counts toward `polls`-driven transitions. */
  poll<D = unknown>(id: string): JobView<D> | undefined {
    const job = this.touch(id);
    if (!job) return undefined;
    if (job.finishedAt === undefined) job.polls++;
    return this.view(job as Job<D>);
  }

  list(filter: { kind?: string; tenant?: string } = {}): JobView[] {
    const out: JobView[] = [];
    for (const job of this.jobs.values()) {
      if (filter.kind && job.kind !== filter.kind) continue;
      if (filter.tenant !== undefined && job.tenant !== filter.tenant) continue;
      out.push(this.view(job));
    }
    return out;
  }

  /**
   * One page of jobs in creation order, for `GET /_sim/jobs`: at most `limit`, after `cursor`
   * (an opaque value from the previous page), filtered by kind and tenant.
   */
  page(filter: { kind?: string; tenant?: string; limit: number; cursor?: string }): JobPage {
    const after = filter.cursor === undefined ? -1 : Number(filter.cursor);
    const jobs: JobView[] = [];
    let last = -1;
    let more = false;
    for (const job of this.jobs.values()) {
      const seq = job.seq;
      if (seq <= after) continue;
      if (filter.kind && job.kind !== filter.kind) continue;
      if (filter.tenant !== undefined && job.tenant !== filter.tenant) continue;
      if (jobs.length === filter.limit) {
        more = true;
        break;
      }
      jobs.push(this.view(job));
      last = seq;
    }
    return { jobs, nextCursor: more ? String(last) : undefined };
  }

  /**
   * Command transition: `next` moves to the next state, `complete` finishes as planned
   * (success unless a failure was injected), `succeed` and `fail` force the outcome.
   */
  command(id: string, to: 'next' | 'complete' | 'succeed' | 'fail', error?: JobError): JobView | undefined {
    const job = this.touch(id);
    if (!job) return undefined;
    const current = this.view(job);
    if (current.terminal) return current;
    const steps = job.lifecycle.steps.length;
    if (to === 'next') {
      job.forced = Math.min(1, (Math.floor(current.fraction * steps) + 1) / steps);
    } else {
      if (to === 'fail') job.willFail = error ?? job.willFail ?? DEFAULT_FAILURE;
      if (to === 'succeed') job.willFail = undefined;
      job.forced = 1;
    }
    return this.view(job);
  }

  /** Every job created from now on fails, `count` times. */
  failNext(count: number): void {
    this.failNextCount = count;
  }

  remove(id: string): boolean {
    this.recency.delete(id);
    this.newest = undefined;
    return this.jobs.delete(id);
  }

  reset(): void {
    this.jobs.clear();
    this.recency.clear();
    this.newest = undefined;
    this.evicted = 0;
    this.counter = 0;
    this.failNextCount = 0;
  }

  /** Every job and counter, for a state snapshot (reads no job: recency is unchanged). */
  snapshot(): JobsState {
    const jobs: JobRecord[] = [];
    for (const job of this.jobs.values()) {
      // A time-driven job that finished unread has no finishedAt yet; the restored engine
      // settles it at the same scheduled instant on its first read.
      jobs.push({
        id: job.id,
        kind: job.kind,
        tenant: job.tenant ?? null,
        lifecycle: {
          steps: [...job.lifecycle.steps],
          success: job.lifecycle.success,
          failure: job.lifecycle.failure,
        },
        advance: { ...job.advance },
        createdAt: job.createdAt,
        totalUnits: job.totalUnits,
        data: job.data,
        polls: job.polls,
        forced: job.forced,
        willFail: job.willFail ?? null,
        finishedAt: job.finishedAt ?? null,
        seq: job.seq,
      });
    }
    return {
      counter: this.counter,
      failNext: this.failNextCount,
      evicted: this.evicted,
      jobs,
      recency: [...this.recency.keys()],
    };
  }

  /**
   * Problems of a jobs snapshot beyond its JSON shape (checked by the caller's schema): ids
   * unique, recency naming each job once, within the cap. Empty when it can be restored.
   */
  check(state: JobsState): string[] {
    const problems: string[] = [];
    if (state.jobs.length > this.capacity)
      problems.push(`/jobs/jobs: at most ${this.capacity} jobs (got ${state.jobs.length})`);
    const ids = new Set<string>();
    state.jobs.forEach((job, i) => {
      if (ids.has(job.id)) problems.push(`/jobs/jobs/${i}/id: job ${job.id} appears twice`);
      ids.add(job.id);
      if (job.lifecycle.steps.length === 0)
        problems.push(`/jobs/jobs/${i}/lifecycle/steps: must not be empty`);
      if (job.seq > state.counter)
        problems.push(`/jobs/jobs/${i}/seq: ${job.seq} is past the counter ${state.counter}`);
    });
    const recent = new Set(state.recency);
    if (
      recent.size !== state.recency.length ||
      recent.size !== ids.size ||
      [...recent].some((id) => !ids.has(id))
    )
      problems.push('/jobs/recency: must list every job id exactly once');
    return problems;
  }

  /** Replaces every job and counter with a snapshot's (checked with `check` first). */
  restore(state: JobsState): void {
    this.jobs.clear();
    this.recency.clear();
    this.newest = undefined;
    const byId = new Map<string, Job>();
    for (const r of state.jobs) {
      const job: Job = {
        id: r.id,
        kind: r.kind,
        tenant: r.tenant ?? undefined,
        lifecycle: r.lifecycle,
        advance: r.advance,
        createdAt: r.createdAt,
        totalUnits: r.totalUnits,
        data: r.data,
        polls: r.polls,
        forced: r.forced,
        willFail: r.willFail ?? undefined,
        finishedAt: r.finishedAt ?? undefined,
        seq: r.seq,
      };
      this.jobs.set(job.id, job);
      byId.set(job.id, job);
    }
    for (const id of state.recency) this.recency.set(id, byId.get(id) as Job);
    this.newest = undefined;
    this.counter = state.counter;
    this.failNextCount = state.failNext;
    this.evicted = state.evicted;
  }

  private touch(id: string): Job | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    // Moving the most recent job to the end again would only churn the map's table (a polled
    // report is read again and again).
    if (this.newest !== job) {
      this.recency.delete(id);
      this.recency.set(id, job);
      this.newest = job;
    }
    return job;
  }

  /** Drops the least recently used finished job, else the least recently used one (never `keep`). */
  private evictOne(keep: string): void {
    let victim: string | undefined;
    for (const [id, job] of this.recency) {
      if (id === keep) continue;
      victim ??= id;
      if (this.view(job).terminal) {
        victim = id;
        break;
      }
    }
    if (victim !== undefined && this.remove(victim)) this.evicted++;
  }

  private naturalFraction(job: Job): number {
    switch (job.advance.kind) {
      case 'immediate':
        return 1;
      case 'time':
        return job.advance.ms <= 0 ? 1 : (this.clock.now() - job.createdAt) / job.advance.ms;
      case 'polls':
        return job.advance.count <= 0 ? 1 : job.polls / job.advance.count;
      case 'manual':
        return 0;
    }
  }

  private view<D>(job: Job<D>): JobView<D> {
    const fraction = Math.min(1, Math.max(job.forced, this.naturalFraction(job)));
    const terminal = fraction >= 1;
    if (terminal && job.finishedAt === undefined) {
      // Time-driven jobs finish at their scheduled instant, whenever they are first read.
      const natural = this.naturalFraction(job) >= 1;
      job.finishedAt =
        natural && job.advance.kind === 'time' ? job.createdAt + job.advance.ms : this.clock.now();
    }
    const { steps, success, failure } = job.lifecycle;
    const state = terminal
      ? job.willFail
        ? failure
        : success
      : (steps[Math.min(steps.length - 1, Math.floor(fraction * steps.length))] as string);
    const remainingMs =
      job.advance.kind === 'time' && !terminal
        ? Math.max(0, job.createdAt + job.advance.ms - this.clock.now())
        : undefined;
    return {
      id: job.id,
      kind: job.kind,
      tenant: job.tenant,
      state,
      terminal,
      failed: terminal && job.willFail !== undefined,
      error: terminal ? job.willFail : undefined,
      fraction,
      processedUnits: Math.floor(fraction * job.totalUnits),
      totalUnits: job.totalUnits,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
      remainingMs,
      polls: job.polls,
      data: job.data,
    };
  }
}
