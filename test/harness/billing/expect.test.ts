import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareLines,
  ExpectedLinesError,
  type LineRow,
  lineRow,
  readExpectedLines,
  renderLineDiff,
} from '../../../harness/billing/expect.js';
import type { BillingLine } from '../../../harness/billing/lines.js';

const LINE: BillingLine = {
  vendor: 'webex',
  customer: 'Initech',
  product: 'webex_calling',
  quantity: 12,
  unit: 'subscription',
  unitPrice: 14,
  amount: 168,
  currency: 'USD',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  rateSource: 'product',
};
const HEADER =
  'vendor,customer,product,quantity,unit,unitPrice,amount,currency,periodStart,periodEnd,rateSource';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'expect-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('expected billing lines (flows --expect)', () => {
  it('a line as billing-lines.csv writes it: amount with the currency digits', () => {
    expect(lineRow(LINE)).toMatchObject({ quantity: '12', unitPrice: '14', amount: '168.00' });
  });

  it('reads the CSV by its header and matches lines by key; numbers compare by value', async () => {
    const file = join(dir, 'ok.csv');
    await writeFile(
      file,
      `${HEADER}\nwebex,Initech,webex_calling,12,subscription,14.0,168,USD,2026-10-01,2026-10-31,product\n`,
    );
    const diff = compareLines(await readExpectedLines(file), [lineRow(LINE)]);
    expect(diff).toMatchObject({ equal: true, matched: 1, missing: [], unexpected: [], changed: [] });
    expect(renderLineDiff(diff, file)).toBe(`billing lines match ${file}: 1 line(s)\n`);
  });

  it('names every missing, unexpected and changed line, and the field that differs', () => {
    const expected: LineRow[] = [
      { ...lineRow(LINE), amount: '170.00' },
      lineRow({ ...LINE, customer: 'Hooli' }),
    ];
    const actual = [lineRow(LINE), lineRow({ ...LINE, product: 'webex_voice' })];
    const diff = compareLines(expected, actual);
    expect(diff.equal).toBe(false);
    expect(diff.changed.map((c) => c.fields)).toEqual([
      [{ column: 'amount', expected: '170.00', actual: '168.00' }],
    ]);
    expect(diff.missing.map((m) => m.customer)).toEqual(['Hooli']);
    expect(diff.unexpected.map((u) => u.product)).toEqual(['webex_voice']);
    const text = renderLineDiff(diff, 'expected.csv');
    expect(text).toContain('0 of 2 expected line(s) match, 1 missing, 1 unexpected, 1 changed');
    expect(text).toContain('changed     webex | Initech | webex_calling | 2026-10-01 | 2026-10-31');
    expect(text).toContain('amount: expected 170.00, got 168.00');
    expect(text).toContain('missing     webex | Hooli | webex_calling');
    expect(text).toContain('unexpected  webex | Initech | webex_voice');
  });

  it('a file without the columns of billing-lines.csv is refused, naming them', async () => {
    const file = join(dir, 'short.csv');
    await writeFile(file, 'vendor,customer,amount\nwebex,Initech,1\n');
    await expect(readExpectedLines(file)).rejects.toThrow(ExpectedLinesError);
    await expect(readExpectedLines(file)).rejects.toThrow(/lacks the column\(s\) product, quantity/);
    await expect(readExpectedLines(join(dir, 'absent.csv'))).rejects.toThrow(/cannot read --expect file/);
  });

  it('any lines equal themselves in any order, and one changed amount is exactly one change (fast-check)', () => {
    const line = fc.record({
      customer: fc.constantFrom('A', 'B', 'C'),
      product: fc.constantFrom('p', 'q'),
      quantity: fc.integer({ min: 0, max: 1000 }),
      unitPrice: fc.integer({ min: 0, max: 10_000 }).map((c) => c / 100),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.nat(), (drawn, pick) => {
        const rows = drawn.map((d) =>
          lineRow({ ...LINE, ...d, amount: Math.round(d.quantity * d.unitPrice * 100) / 100 }),
        );
        expect(compareLines(rows, [...rows].reverse()).equal).toBe(true);
        const i = pick % rows.length;
        const changed = rows.map((r, j) => (j === i ? { ...r, amount: `${Number(r.amount) + 1}` } : r));
        const diff = compareLines(changed, rows);
        expect(diff.missing.length + diff.unexpected.length).toBe(0);
        expect(diff.changed.flatMap((c) => c.fields.map((f) => f.column))).toEqual(['amount']);
      }),
    );
  });
});
