/** Something a check noticed about one exchange or file. */
export interface Finding {
  severity: 'error' | 'warning';
  /** Flow step the finding belongs to. */
  step: string;
  /** Where: `status`, `header:<name>`, `content-type`, a JSON path (`$.usages[0].name`), `calls.csv:12`. */
  path: string;
  message: string;
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
 * readable report instead of a huge one.
 */
export class FindingList {
  readonly items: Finding[] = [];
  dropped = 0;

  constructor(private readonly limit = 50) {}

  add(...findings: Finding[]): void {
    for (const f of findings) {
      if (this.items.length < this.limit) this.items.push(f);
      else this.dropped++;
    }
  }

  get errors(): number {
    return this.items.filter((f) => f.severity === 'error').length + this.dropped;
  }
}
