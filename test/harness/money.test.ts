import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BillingLine, priceUsage, totalsByCustomer } from '../../harness/billing/lines.js';
import {
  formatMinor,
  formatMoney,
  fromMinor,
  minorDigits,
  multiplyToMinor,
  sumMoney,
  toDecimal,
  toMinor,
} from '../../harness/billing/money.js';
import { RateCard } from '../../harness/rate-card/rate-card.js';

describe('exact money', () => {
  it('uses the ISO 4217 exponents: JPY 0, USD 2, BHD 3', () => {
    expect([
      minorDigits('JPY'),
      minorDigits('USD'),
      minorDigits('EUR'),
      minorDigits('BHD'),
      minorDigits('KWD'),
    ]).toEqual([0, 2, 2, 3, 3]);
    expect(minorDigits('CLF')).toBe(4);
  });

  it('multiplies decimals exactly: 0.1 × 3 = 0.30, 1.005 × 1 = 1.01 half-up, per currency', () => {
    expect(0.1 * 3).not.toBe(0.3);
    expect(multiplyToMinor(3, 0.1, 2)).toBe(30n);
    expect(fromMinor(multiplyToMinor(3, 0.1, 2), 2)).toBe(0.3);
    expect(1.005 * 100).toBeLessThan(100.5); // the float says 1.00
    expect(multiplyToMinor(1, 1.005, 2)).toBe(101n);
    expect(multiplyToMinor(1, 1.005, 3)).toBe(1005n);
    expect(multiplyToMinor(1.5, 1.005, 0)).toBe(2n);
    expect(multiplyToMinor(7, 1.005, 0)).toBe(7n);
    expect(multiplyToMinor(-1, 1.005, 2)).toBe(-101n);
    expect(multiplyToMinor(1e-7, 1e21, 2)).toBe(10n ** 16n);
    expect(toDecimal(1.5e-7)).toEqual({ units: 15n, scale: 8 });
  });

  it('formats with exactly the currency digits', () => {
    expect(formatMoney(12.5, 'USD')).toBe('12.50');
    expect(formatMoney(1050, 'JPY')).toBe('1050');
    expect(formatMoney(1.005, 'BHD')).toBe('1.005');
    expect(formatMinor(-5n, 2)).toBe('-0.05');
  });

  it('prices lines and totals them exactly: 0.1 × 3 for ten lines is 3.00, not 2.9999999999999996', () => {
    const card = RateCard.from({
      currency: 'USD',
      vendors: {
        v: {
          products: {
            p: { unitPrice: 0.1 },
            y: { unitPrice: 1.005, currency: 'JPY' },
            b: { unitPrice: 1.0005, currency: 'BHD' },
          },
        },
      },
    });
    const usage = (product: string, quantity: number) => ({
      vendor: 'v',
      customer: 'c',
      product,
      quantity,
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
    });
    const lines = priceUsage([...Array(10).fill(usage('p', 3)), usage('y', 1500), usage('b', 1)], card);
    expect(lines[0]?.amount).toBe(0.3);
    expect(lines[10]).toMatchObject({ currency: 'JPY', amount: 1508 });
    expect(lines[11]).toMatchObject({ currency: 'BHD', amount: 1.001 });
    expect(
      Array(10)
        .fill(0.3)
        .reduce((a, b) => a + b, 0),
    ).not.toBe(3);
    expect(totalsByCustomer(lines)).toEqual([
      { vendor: 'v', customer: 'c', currency: 'USD', lines: 10, amount: 3 },
      { vendor: 'v', customer: 'c', currency: 'JPY', lines: 1, amount: 1508 },
      { vendor: 'v', customer: 'c', currency: 'BHD', lines: 1, amount: 1.001 },
    ]);
  });

  it('totals equal the sum of the lines exactly, in minor units (property)', () => {
    const cents = fc.integer({ min: -10_000_000, max: 10_000_000 });
    fc.assert(
      fc.property(
        fc.array(cents, { maxLength: 60 }),
        fc.constantFrom('USD', 'JPY', 'BHD'),
        (minors, currency) => {
          const digits = minorDigits(currency);
          const lines = minors.map(
            (m) =>
              ({ vendor: 'v', customer: 'c', currency, amount: fromMinor(BigInt(m), digits) }) as BillingLine,
          );
          const expected = minors.reduce((a, m) => a + BigInt(m), 0n);
          const [total] = totalsByCustomer(lines);
          if (minors.length === 0) return total === undefined;
          return (
            toMinor(total!.amount, digits) === expected &&
            toMinor(
              sumMoney(
                lines.map((l) => l.amount),
                currency,
              ),
              digits,
            ) === expected
          );
        },
      ),
    );
  });

  it('a price × quantity equals the exact rational product rounded half-up (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 4 }),
        (q, p, scale) => {
          // quantity q / 1000, price p / 10^scale: exact product in 10^-(3+scale) units.
          const exact = BigInt(q) * BigInt(p);
          const shift = 10n ** BigInt(3 + scale - 2);
          const expected =
            3 + scale >= 2 ? (exact + shift / 2n) / shift : exact * 10n ** BigInt(2 - 3 - scale);
          return multiplyToMinor(q / 1000, p / 10 ** scale, 2) === expected;
        },
      ),
    );
  });
});
