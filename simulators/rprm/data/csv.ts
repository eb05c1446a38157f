import { Readable } from 'node:stream';

/**
 * RPRM/DMA CSV writing. A field is double-quoted when it starts or ends with a space or tab,
 * or holds a comma or a double quote; embedded quotes are doubled. Only free-text columns
 * can need it, so the others skip the check: the export must outrun the ZIP deflater, which
 * a general CSV library's per-record machinery did not (≈34 MB/s measured here, below zlib).
 */
export interface ColumnSpec {
  name: string;
  /** Free text that may need quoting; other columns hold values that never do. */
  text?: boolean;
}

export function csvField(value: string): string {
  if (value === '') return value;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (
    first === 32 ||
    first === 9 ||
    last === 32 ||
    last === 9 ||
    value.indexOf(',') >= 0 ||
    value.indexOf('"') >= 0
  ) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

export function csvLine(values: readonly string[], text: readonly boolean[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (i > 0) line += ',';
    line += text[i] ? csvField(v) : v;
  }
  return `${line}\r\n`;
}

export function headerLine(columns: readonly ColumnSpec[]): string {
  return csvLine(
    columns.map((c) => c.name),
    columns.map(() => true),
  );
}

/** Rows produced per push: big enough to amortise the stream machinery, small enough to stop fast. */
const BLOCK_ROWS = 256;

/**
 * A CSV file as a pull stream: rows are made only when the consumer asks (back-pressure), and
 * destroying the stream stops production at once.
 */
export class CsvRowStream extends Readable {
  private headerDone = false;
  private readonly text: boolean[];

  private readonly allText: boolean[];

  constructor(
    private readonly columns: readonly ColumnSpec[],
    private readonly rows: Iterator<string[] & { quoteAll?: boolean }>,
    private readonly onRows?: (count: number) => void,
    private readonly onEnd?: () => void,
  ) {
    super({ highWaterMark: 64 * 1024 });
    this.text = columns.map((c) => c.text === true);
    this.allText = columns.map(() => true);
  }

  override _read(): void {
    if (!this.headerDone) {
      this.headerDone = true;
      if (!this.push(headerLine(this.columns))) return;
    }
    for (;;) {
      if (this.destroyed) return;
      let chunk = '';
      let made = 0;
      let done = false;
      while (made < BLOCK_ROWS) {
        const next = this.rows.next();
        if (next.done) {
          done = true;
          break;
        }
        // ITP rows hold comma lists in every column: each cell gets the quoting check.
        chunk += csvLine(next.value, next.value.quoteAll ? this.allText : this.text);
        made++;
      }
      if (made > 0) this.onRows?.(made);
      if (done) {
        this.onEnd?.();
        if (chunk) this.push(chunk);
        this.push(null);
        return;
      }
      if (!this.push(chunk)) return;
    }
  }
}
