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
