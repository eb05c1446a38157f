import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { BillingLine } from './lines.js';
import { formatMoney } from './money.js';
import { LINE_COLUMNS } from './output.js';

/**
 * `flows --expect <file>`: the billing lines a pipeline's numbers are tested against, in the
 * harness's own billing-lines.csv format, compared line by line with what the run produced.
 * A line is known by (vendor, customer, product, periodStart, periodEnd); the other columns are
 * its values. Numbers compare by value (`168` is `168.00`), text exactly.
 */

export type LineRow = Record<(typeof LINE_COLUMNS)[number], string>;

const KEY_COLUMNS = ['vendor', 'customer', 'product', 'periodStart', 'periodEnd'] as const;
const VALUE_COLUMNS = LINE_COLUMNS.filter((c) => !(KEY_COLUMNS as readonly string[]).includes(c));
const NUMERIC = new Set(['quantity', 'unitPrice', 'amount']);

export interface ChangedLine {
  key: string;
  expected: LineRow;
  actual: LineRow;
  /** The columns that differ. */
  fields: { column: string; expected: string; actual: string }[];
}

export interface LineDiff {
  equal: boolean;
  missing: LineRow[];
  unexpected: LineRow[];
  changed: ChangedLine[];
  matched: number;
}

export class ExpectedLinesError extends Error {
  override name = 'ExpectedLinesError';
}

/** A billing line as billing-lines.csv writes it (amounts with their currency's digits). */
export function lineRow(line: BillingLine): LineRow {
  const row = {} as LineRow;
  for (const c of LINE_COLUMNS)
    row[c] = c === 'amount' ? formatMoney(line.amount, line.currency) : String(line[c]);
  return row;
}

/** Reads an expected-lines CSV (the header names the columns; every LINE_COLUMNS column is required). */
export async function readExpectedLines(path: string): Promise<LineRow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ExpectedLinesError(`cannot read --expect file ${path}: ${(e as Error).message}`);
  }
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (e) {
    throw new ExpectedLinesError(`--expect file ${path} is not CSV: ${(e as Error).message}`);
  }
  const header = text
    .split(/\r?\n/, 1)[0]!
    .split(',')
    .map((h) => h.trim().replace(/^"|"$/g, ''));
  const absent = LINE_COLUMNS.filter((c) => !header.includes(c));
  if (absent.length)
    throw new ExpectedLinesError(
      `--expect file ${path} lacks the column(s) ${absent.join(', ')} (the header of billing-lines.csv: ${LINE_COLUMNS.join(',')})`,
    );
  return records.map((r) => Object.fromEntries(LINE_COLUMNS.map((c) => [c, r[c] ?? ''])) as LineRow);
}

function keyOf(row: LineRow): string {
  return KEY_COLUMNS.map((c) => row[c]).join(' | ');
}

function same(column: string, a: string, b: string): boolean {
  if (NUMERIC.has(column)) {
    const x = Number(a);
    const y = Number(b);
    if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x === y;
  }
  return a === b;
}

/**
 * Matches lines by key — identical lines first, then the rest of a key in file order (the n-th
 * left of the expected with the n-th left of the actual) — and lists every difference.
 */
export function compareLines(expected: readonly LineRow[], actual: readonly LineRow[]): LineDiff {
  const pending = new Map<string, LineRow[]>();
  for (const row of actual) {
    const list = pending.get(keyOf(row)) ?? [];
    list.push(row);
    pending.set(keyOf(row), list);
  }
  const differences = (want: LineRow, got: LineRow) =>
    VALUE_COLUMNS.filter((c) => !same(c, want[c], got[c])).map((c) => ({
      column: c,
      expected: want[c],
      actual: got[c],
    }));
  const diff: LineDiff = { equal: true, missing: [], unexpected: [], changed: [], matched: 0 };
  const unpaired: LineRow[] = [];
  for (const want of expected) {
    const list = pending.get(keyOf(want)) ?? [];
    const i = list.findIndex((got) => differences(want, got).length === 0);
    if (i >= 0) {
      list.splice(i, 1);
      diff.matched++;
    } else unpaired.push(want);
  }
  for (const want of unpaired) {
    const got = pending.get(keyOf(want))?.shift();
    if (!got) diff.missing.push(want);
    else diff.changed.push({ key: keyOf(want), expected: want, actual: got, fields: differences(want, got) });
  }
  for (const rest of pending.values()) diff.unexpected.push(...rest);
  diff.equal = !diff.missing.length && !diff.unexpected.length && !diff.changed.length;
  return diff;
}

function values(row: LineRow): string {
  return `${row.quantity} ${row.unit} × ${row.unitPrice} = ${row.amount} ${row.currency} (${row.rateSource})`;
}

/** The diff for a person: one line per missing, unexpected or changed billing line, naming the field. */
export function renderLineDiff(diff: LineDiff, source: string): string {
  const total = diff.matched + diff.changed.length + diff.missing.length;
  if (diff.equal) return `billing lines match ${source}: ${diff.matched} line(s)\n`;
  const out = [
    `billing lines differ from ${source}: ${diff.matched} of ${total} expected line(s) match, ` +
      `${diff.missing.length} missing, ${diff.unexpected.length} unexpected, ${diff.changed.length} changed`,
  ];
  for (const c of diff.changed) {
    out.push(`  changed     ${c.key}`);
    for (const f of c.fields) out.push(`      ${f.column}: expected ${f.expected}, got ${f.actual}`);
  }
  for (const m of diff.missing) out.push(`  missing     ${keyOf(m)}: ${values(m)}`);
  for (const u of diff.unexpected) out.push(`  unexpected  ${keyOf(u)}: ${values(u)}`);
  return `${out.join('\n')}\n`;
}
