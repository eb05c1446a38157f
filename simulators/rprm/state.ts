import type { JobView, Kernel } from '../kernel/index.js';
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
