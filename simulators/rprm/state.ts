import {
  assertVendorState,
  type JobRecord,
  type JobView,
  type Kernel,
  SnapshotError,
  shapeProblems,
} from '../kernel/index.js';
import { type CdrWindow, recordCount } from './data/window.js';
import type { ResolvedRprmOptions } from './options.js';

/** The documented actionType values a running generation steps through, in order. */
export const ACTION_STEPS = [
  'RETRIEVING_CDR_NUM_CALL_RECORDS',
  'RETRIEVING_CDR_NUM_CONF_RECORDS',
  'RETRIEVING_CDR_CALL_UUIDS',
  'RETRIEVING_CDR_CALL_RECORDS',
  'RETRIEVING_CDR_CONF_RECORDS',
  'CREATING_CDR_FILE',
] as const;

const JOB_KIND = 'rprm.cdr-export';

export interface CdrExport {
  jobId: string;
  window: CdrWindow;
}

/** The export slot in a state snapshot (the window itself is the job's data). */
export interface CdrExportsState {
  currentJobId: string | null;
  conflictNotice: boolean;
}

const SCAN = {
  type: 'object',
  required: ['first', 'end'],
  additionalProperties: false,
  properties: { first: { type: 'integer' }, end: { type: 'integer' } },
};

/** A CDR export job's data: its window (`CdrWindow`). */
const WINDOW_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'asOf', 'end', 'calls', 'conferences', 'callScan', 'conferenceScan', 'truncated'],
  properties: {
    from: { type: 'number' },
    to: { type: 'number' },
    asOf: { type: 'number' },
    end: { type: 'number' },
    calls: { type: 'integer', minimum: 0 },
    conferences: { type: 'integer', minimum: 0 },
    callScan: SCAN,
    conferenceScan: SCAN,
    truncated: { type: 'boolean' },
  },
};

const STATE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['currentJobId', 'conflictNotice'],
  properties: { currentJobId: { type: ['string', 'null'] }, conflictNotice: { type: 'boolean' } },
};

export interface ExportView {
  export: CdrExport;
  job: JobView<CdrWindow>;
}

/**
 * The appliance's single CDR export slot: one generation at a time, globally (no job id in the
 * paths); a new generation replaces a finished one. The generation itself is a kernel job, so the
 * clock (or polls) drives it and the admin API can advance or fail it.
 */
export class CdrExports {
  private current: CdrExport | undefined;
  /** Set by a rejected generate-cdrs; the next status read reports it once. */
  private conflictNotice = false;
  private downloads = 0;
  /** Bumped by clear(): a download that began before a reset does not count after it. */
  private epoch = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly options: ResolvedRprmOptions,
  ) {}

  /** The current export, as a poll when `poll` (drives poll-based generation). */
  view(poll = false): ExportView | undefined {
    if (!this.current) return undefined;
    const job = poll
      ? this.kernel.jobs.poll<CdrWindow>(this.current.jobId)
      : this.kernel.jobs.get<CdrWindow>(this.current.jobId);
    // The admin API may have reset the kernel's jobs underneath us.
    if (!job) {
      this.current = undefined;
      return undefined;
    }
    return { export: this.current, job };
  }

  running(): ExportView | undefined {
    const v = this.view();
    return v && !v.job.terminal ? v : undefined;
  }

  start(window: CdrWindow): ExportView {
    if (this.current) this.kernel.jobs.remove(this.current.jobId);
    this.conflictNotice = false;
    const total = recordCount(window);
    const speed = this.options.generation;
    const job = this.kernel.jobs.create<CdrWindow>({
      kind: JOB_KIND,
      lifecycle: { steps: ACTION_STEPS, success: 'GENERATION_COMPLETE', failure: 'ERROR_UNKNOWN_CREATE' },
      advance:
        'polls' in speed
          ? { kind: 'polls', count: speed.polls }
          : {
              kind: 'time',
              ms: Math.max(
                (speed.minimumSeconds ?? 0) * 1000,
                Math.ceil((total / speed.recordsPerSecond) * 1000),
              ),
            },
      totalUnits: total,
      data: window,
    });
    this.current = { jobId: job.id, window };
    return { export: this.current, job };
  }

  noteConflict(): void {
    this.conflictNotice = true;
  }

  /** Reads and clears the conflict notice. */
  takeConflictNotice(): boolean {
    const notice = this.conflictNotice;
    this.conflictNotice = false;
    return notice;
  }

  get downloading(): boolean {
    return this.downloads > 0;
  }

  downloadStarted(): () => void {
    this.downloads++;
    const epoch = this.epoch;
    let ended = false;
    return () => {
      if (ended || epoch !== this.epoch) return;
      ended = true;
      this.downloads--;
    };
  }

  snapshot(): CdrExportsState {
    return { currentJobId: this.current?.jobId ?? null, conflictNotice: this.conflictNotice };
  }

  /**
   * Checks a snapshot's export slot (its job must come with it, with a window as data) and
   * returns what applies it. Downloads in progress belong to connections, not to the state:
   * none is in progress after a restore.
   */
  prepareRestore(state: unknown, jobs: readonly JobRecord[]): () => void {
    assertVendorState(this.kernel, STATE_SCHEMA, state);
    const s = state as CdrExportsState;
    const problems: string[] = [];
    jobs.forEach((job, i) => {
      if (job.kind !== JOB_KIND) return;
      problems.push(...shapeProblems(this.kernel, WINDOW_SCHEMA, job.data, `/jobs/jobs/${i}/data`));
    });
    const job = s.currentJobId === null ? undefined : jobs.find((j) => j.id === s.currentJobId);
    if (s.currentJobId !== null && job?.kind !== JOB_KIND)
      problems.push(`/vendorState/currentJobId: no ${JOB_KIND} job ${s.currentJobId} among the jobs`);
    if (problems.length) throw new SnapshotError(400, problems);
    return () => {
      this.clear();
      // The job engine holds this very object as the job's data (restored just before).
      this.current = job ? { jobId: job.id, window: job.data as CdrWindow } : undefined;
      this.conflictNotice = s.conflictNotice;
    };
  }

  /** POST /_sim/reset: no export, no conflict notice, no download in progress. */
  clear(): void {
    this.current = undefined;
    this.conflictNotice = false;
    this.downloads = 0;
    this.epoch++;
  }
}

/** The pseudo entity tag: UNIX seconds of the moment the results were produced, quoted. */
export function entityTag(job: JobView): string | undefined {
  return job.finishedAt === undefined || job.failed ? undefined : `"${Math.floor(job.finishedAt / 1000)}"`;
}
