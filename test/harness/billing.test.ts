import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { priceUsage, roundMoney, totalsByCustomer, type UsageRecord } from '../../harness/billing/lines.js';
import { writeLinesCsv, writeLinesJson } from '../../harness/billing/output.js';
import { RateCard, RateCardError, validateRateCard } from '../../harness/rate-card/rate-card.js';

const card = RateCard.from({
  currency: 'USD',
  vendors: {
    acme: {
      default: { unitPrice: 1, unit: 'each' },
      products: { seat: { unitPrice: 12.5, unit: 'seat' }, minute: { unitPrice: 0.015, unit: 'minute' } },
      customers: { vip: { products: { seat: { unitPrice: 10 } } } },
    },
    euro: { currency: 'EUR', products: { call: { unitPrice: 0.2 } } },
  },
});

const usage = (customer: string, product: string, quantity: number, vendor = 'acme'): UsageRecord => ({
  vendor,
  customer,
  product,
  quantity,
  periodStart: '2026-02-01',
  periodEnd: '2026-02-28',
});

describe('rate card', () => {
  it('looks up customer price, then product, then vendor default, then none', () => {
    expect(card.rate('acme', 'seat', 'vip')).toEqual({
      unitPrice: 10,
      unit: undefined,
      currency: 'USD',
      source: 'customer',
    });
    expect(card.rate('acme', 'seat', 'other')).toEqual({
      unitPrice: 12.5,
      unit: 'seat',
      currency: 'USD',
      source: 'product',
    });
    expect(card.rate('acme', 'storage')).toEqual({
      unitPrice: 1,
      unit: 'each',
      currency: 'USD',
      source: 'default',
    });
    expect(card.rate('euro', 'call')).toMatchObject({ unitPrice: 0.2, currency: 'EUR', source: 'product' });
    expect(card.rate('nobody', 'x')).toEqual({
      unitPrice: 0,
      unit: undefined,
      currency: 'USD',
      source: 'none',
    });
  });

  it('rejects an invalid card with every problem and its location', () => {
    expect(
      validateRateCard({
        vendors: { acme: { products: { seat: { unitPrice: -1, colour: 'red' } } } },
        currency: 'usd',
      }),
    ).toEqual([
      '/currency: must match pattern "^[A-Z]{3}$"',
      '/vendors/acme/products/seat: unknown key "colour"',
      '/vendors/acme/products/seat/unitPrice: must be >= 0',
    ]);
    expect(() => RateCard.from({}, 'card.yaml')).toThrow(RateCardError);
    expect(() => RateCard.from({}, 'card.yaml')).toThrow(
      "rate card card.yaml is invalid:\n  /: must have required property 'vendors'",
    );
  });

  it('loads YAML and JSON files, and the shipped default card is valid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rate-card-'));
    try {
      await writeFile(
        join(dir, 'c.yaml'),
        'vendors:\n  acme:\n    products:\n      seat: { unitPrice: 3 }\n',
      );
      await writeFile(
        join(dir, 'c.json'),
        JSON.stringify({ vendors: { acme: { default: { unitPrice: 4 } } } }),
      );
      expect((await RateCard.load(join(dir, 'c.yaml'))).rate('acme', 'seat').unitPrice).toBe(3);
      expect((await RateCard.load(join(dir, 'c.json'))).rate('acme', 'x').unitPrice).toBe(4);
      await expect(RateCard.load(join(dir, 'missing.yaml'))).rejects.toThrow(/^cannot read rate card /);
      await writeFile(join(dir, 'bad.yaml'), 'vendors: [');
      await expect(RateCard.load(join(dir, 'bad.yaml'))).rejects.toThrow(/is not valid YAML\/JSON/);
      const shipped = await RateCard.load();
      expect(Object.keys(shipped.file.vendors).sort()).toEqual(['purecloud', 'rprm', 'webex']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('billing lines', () => {
  it('amount = quantity × unit price, rounded half-up to the minor unit', () => {
    const lines = priceUsage(
      [
        usage('acme-co', 'seat', 7),
        usage('vip', 'seat', 3),
        usage('acme-co', 'minute', 1234),
        usage('x', 'call', 3, 'euro'),
      ],
      card,
    );
    expect(
      lines.map((l) => [
        l.customer,
        l.product,
        l.quantity,
        l.unit,
        l.unitPrice,
        l.amount,
        l.currency,
        l.rateSource,
      ]),
    ).toEqual([
      ['acme-co', 'seat', 7, 'seat', 12.5, 87.5, 'USD', 'product'],
      ['vip', 'seat', 3, 'each', 10, 30, 'USD', 'customer'],
      ['acme-co', 'minute', 1234, 'minute', 0.015, 18.51, 'USD', 'product'],
      ['x', 'call', 3, 'each', 0.2, 0.6, 'EUR', 'product'],
    ]);
    expect(roundMoney(1.005, 2)).toBe(1.01);
    expect(roundMoney(2.675, 2)).toBe(2.68);
    expect(roundMoney(-1.005, 2)).toBe(-1.01);
  });

  it('totals per customer and currency', () => {
    const lines = priceUsage([usage('a', 'seat', 1), usage('a', 'minute', 10), usage('b', 'seat', 2)], card);
    expect(totalsByCustomer(lines)).toEqual([
      { vendor: 'acme', customer: 'a', currency: 'USD', lines: 2, amount: 12.65 },
      { vendor: 'acme', customer: 'b', currency: 'USD', lines: 1, amount: 25 },
    ]);
  });

  it('writes CSV and JSON outputs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lines-'));
    try {
      const lines = priceUsage([usage('a, inc', 'seat', 2)], card);
      await writeLinesCsv(join(dir, 'l.csv'), lines);
      await writeLinesJson(join(dir, 'l.json'), lines, totalsByCustomer(lines));
      expect(await readFile(join(dir, 'l.csv'), 'utf8')).toBe(
        'vendor,customer,product,quantity,unit,unitPrice,amount,currency,periodStart,periodEnd,rateSource\n' +
          'acme,"a, inc",seat,2,seat,12.5,25.00,USD,2026-02-01,2026-02-28,product\n',
      );
      const json = JSON.parse(await readFile(join(dir, 'l.json'), 'utf8'));
      expect(json.totals).toEqual([
        { vendor: 'acme', customer: 'a, inc', currency: 'USD', lines: 1, amount: 25 },
      ]);
      expect(json.lines[0].amount).toBe(25);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
