import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { writeAtomic } from '../reports/atomic.js';
import type { BillingLine, CustomerTotal } from './lines.js';
import { formatMoney } from './money.js';

export const LINE_COLUMNS = [
  'vendor',
  'customer',
  'product',
  'quantity',
  'unit',
  'unitPrice',
  'amount',
  'currency',
  'periodStart',
  'periodEnd',
  'rateSource',
] as const satisfies readonly (keyof BillingLine)[];

/** Streams the lines to CSV (one header row, one row per line). */
export async function writeLinesCsv(path: string, lines: readonly BillingLine[]): Promise<void> {
  // Amounts with exactly their currency's digits (12.50 USD, 1050 JPY, 1.005 BHD).
  const rows = lines.map((l) => ({ ...l, amount: formatMoney(l.amount, l.currency) }));
  await writeAtomic(path, Readable.from(rows).pipe(stringify({ header: true, columns: [...LINE_COLUMNS] })));
}

export async function writeLinesJson(
  path: string,
  lines: readonly BillingLine[],
  totals: readonly CustomerTotal[],
): Promise<void> {
  await writeAtomic(path, `${JSON.stringify({ lines, totals }, null, 2)}\n`);
}
