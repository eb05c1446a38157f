/** Bounded ring buffer of recent exchanges, served at GET /_sim/requests. */
export interface JournalEntry {
  seq: number;
  /** Simulator time of arrival, ISO-8601. */
  at: string;
  method: string;
  path: string;
  query: string;
  status: number;
  durationMs: number;
  tenant: string | undefined;
  fault: string | undefined;
  requestBytes: number;
}

type StoredEntry = Omit<JournalEntry, 'at'> & { atMs: number };

export class Journal {
  // Arrival kept as a number; formatted only when someone reads the journal.
  private entries: (StoredEntry | undefined)[];
  private next = 0;
  private seq = 0;

  constructor(readonly capacity = 1000) {
    this.entries = new Array(Math.max(0, capacity));
  }

  get enabled(): boolean {
    return this.capacity > 0;
  }

  /** Takes ownership of `entry` (its seq is set here) to avoid a copy per request. */
  record(entry: StoredEntry): void {
    if (this.capacity === 0) return;
    entry.seq = ++this.seq;
    this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first; `limit` keeps the newest N. */
  list(limit?: number): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const e = this.entries[(this.next + i) % this.capacity];
      if (e) {
        const { atMs, ...rest } = e;
        out.push({ ...rest, at: new Date(atMs).toISOString() });
      }
    }
    return limit !== undefined && limit < out.length ? out.slice(out.length - limit) : out;
  }

  get size(): number {
    return Math.min(this.seq, this.capacity);
  }

  /** Total exchanges recorded since the last clear, including ones the ring has dropped. */
  get total(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = new Array(this.capacity);
    this.next = 0;
    this.seq = 0;
  }
}
