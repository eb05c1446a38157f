import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { BillingLine, CustomerTotal } from './lines.js';

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
  await pipeline(
    Readable.from(lines),
    stringify({ header: true, columns: [...LINE_COLUMNS] }),
    createWriteStream(path),
  );
}

export async function writeLinesJson(
  path: string,
  lines: readonly BillingLine[],
  totals: readonly CustomerTotal[],
): Promise<void> {
  await writeFile(path, `${JSON.stringify({ lines, totals }, null, 2)}\n`);
}
