/** Something a check noticed about one exchange or file. */
export interface Finding {
  severity: 'error' | 'warning';
  /** Flow step the finding belongs to. */
  step: string;
  /** Where: `status`, `header:<name>`, `content-type`, a JSON path (`$.usages[0].name`), `calls.csv:12`. */
  path: string;
  message: string;
  /** How often the same finding was seen in the step, when more than once. */
  times?: number;
}

/** `/usages/0/name` → `$.usages[0].name`; other locations pass through. */
export function toJsonPath(pointer: string): string {
  if (pointer === '/' || pointer === '') return '$';
  if (!pointer.startsWith('/')) return pointer;
  let out = '$';
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/**
 * Keeps the first `limit` findings and counts the rest, so a million bad CSV rows make a
 * readable report instead of a huge one. A finding seen again (the same warning on every
 * poll) is counted on the first one instead of listed twice.
 */
export class FindingList {
  readonly items: Finding[] = [];
  droppedErrors = 0;
  droppedWarnings = 0;
  private readonly seen = new Map<string, Finding>();

  constructor(private readonly limit = 50) {}

  add(...findings: Finding[]): void {
    for (const f of findings) {
      const key = `${f.severity}\u0000${f.path}\u0000${f.message}`;
      const known = this.seen.get(key);
      if (known) {
        known.times = (known.times ?? 1) + 1;
        continue;
      }
      if (this.items.length < this.limit) {
        const copy = { ...f };
        this.items.push(copy);
        this.seen.set(key, copy);
      } else if (f.severity === 'error') this.droppedErrors++;
      else this.droppedWarnings++;
    }
  }

  get dropped(): number {
    return this.droppedErrors + this.droppedWarnings;
  }

  get hasErrors(): boolean {
    return this.droppedErrors > 0 || this.items.some((f) => f.severity === 'error');
  }
}
