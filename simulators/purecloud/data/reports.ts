/**
 * The billable-usage reports an instance remembers: per (org, startDate, endDate) the kernel job
 * generating it and the data cut-off it was generated at, plus the rendered body of finished
 * ones. Bounded twice, least recently used first: at most `maxReports` entries (a forgotten
 * report's job is removed too, so a later request generates it again) and at most `maxBytes` of
 * rendered bodies (a dropped body is rendered again from the history on the next poll). Memory
 * therefore grows with the orgs' size, not with the number of ranges asked for.
 */
export interface ReportEntry {
  key: string;
  jobId: string;
  orgId: string;
  start: number;
  end: number;
  /** Observations at or after this instant are not in the report. */
  cutoff: number;
  body?: { state: string; rendered: Buffer };
}

/** Bodies up to this size are kept by the store; larger ones are written again on every poll. */
export const KEPT_BODY_BYTES = 16 * 1024;

export class ReportStore {
  private readonly entries = new Map<string, ReportEntry>();
  private bodyBytes = 0;

  constructor(
    private readonly maxReports: number,
    private readonly maxBytes: number,
    /** Called with every entry forgotten (to remove its job). */
    private readonly onEvict: (entry: ReportEntry) => void,
  ) {}

  get(key: string): ReportEntry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(entry: ReportEntry): void {
    const old = this.entries.get(entry.key);
    if (old) this.forget(old, false);
    this.entries.set(entry.key, entry);
    while (this.entries.size > this.maxReports) {
      const oldest = this.entries.values().next().value!;
      this.forget(oldest, true);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.forget(entry, false);
  }

  setBody(entry: ReportEntry, state: string, rendered: Buffer): void {
    if (entry.body) this.bodyBytes -= entry.body.rendered.length;
    entry.body = undefined;
    if (rendered.length > this.maxBytes) return;
    entry.body = { state, rendered };
    this.bodyBytes += rendered.length;
    for (const other of this.entries.values()) {
      if (this.bodyBytes <= this.maxBytes) break;
      if (other !== entry && other.body) {
        this.bodyBytes -= other.body.rendered.length;
        other.body = undefined;
      }
    }
  }

  /** Forgets the entry's rendered body (it is rendered again on its next poll). */
  dropBody(entry: ReportEntry): void {
    if (entry.body) this.bodyBytes -= entry.body.rendered.length;
    entry.body = undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every entry, least recently used first (a state snapshot keeps them without their bodies). */
  list(): ReportEntry[] {
    return [...this.entries.values()];
  }

  get bytes(): number {
    return this.bodyBytes;
  }

  clear(): void {
    this.entries.clear();
    this.bodyBytes = 0;
  }

  /** Forgets every report with its job (the world they were made from is gone). */
  evictAll(): void {
    for (const entry of [...this.entries.values()]) this.forget(entry, true);
  }

  private forget(entry: ReportEntry, evicted: boolean): void {
    if (entry.body) this.bodyBytes -= entry.body.rendered.length;
    this.entries.delete(entry.key);
    if (evicted) this.onEvict(entry);
  }
}

/**
 * One buffer per instance that large report bodies are written into and sent from, reused
 * once the response using it has closed: a 30-day report of a 10,000-user org is ~700 kB, and
 * a fresh buffer per request would leave that much native memory per request waiting for the
 * next GC (RSS that the allocator keeps). Bounded: bodies over `maxBytes`, or asked while the
 * buffer is in use, get a buffer of their own.
 */
export class RenderBuffer {
  private buffer: Buffer | undefined;
  private busy = false;

  constructor(private readonly maxBytes: number) {}

  /** A buffer of exactly `size` bytes and the function to call once it is no longer read. */
  take(size: number): { buffer: Buffer; done: () => void } {
    if (this.busy || size > this.maxBytes) return { buffer: Buffer.allocUnsafe(size), done: NOTHING };
    if (!this.buffer || this.buffer.length < size) {
      // Grows in steps of a sixteenth of the bound: a few sizes, not one per report.
      const step = Math.max(1, Math.floor(this.maxBytes / 16));
      this.buffer = Buffer.allocUnsafeSlow(Math.min(this.maxBytes, Math.ceil(size / step) * step));
    }
    const shared = this.buffer;
    this.busy = true;
    return {
      buffer: shared.subarray(0, size),
      done: () => {
        // After clear() another buffer may be the shared one: only its own user frees it.
        if (this.buffer === shared) this.busy = false;
      },
    };
  }

  get bytes(): number {
    return this.buffer?.length ?? 0;
  }

  clear(): void {
    // A response may still be reading the current buffer: drop it rather than reuse it.
    this.buffer = undefined;
    this.busy = false;
  }
}

const NOTHING = () => {};
