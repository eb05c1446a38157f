import type { RateCard } from '../rate-card/rate-card.js';
import { fromMinor, minorDigits, multiplyToMinor, toMinor } from './money.js';

/** What a vendor flow extracts from the vendor's data: who used how much of what, when. */
export interface UsageRecord {
  vendor: string;
  /** Customer (org, tenant, cluster) the usage is billed to. */
  customer: string;
  /** Product, SKU or licence type as the vendor names it. */
  product: string;
  quantity: number;
  /** The vendor's unit when it states one (seat, minute, call). */
  unit?: string;
  /** ISO dates (YYYY-MM-DD) of the billing period. */
  periodStart: string;
  periodEnd: string;
}

/** A priced, vendor-neutral billing line. */
export interface BillingLine extends UsageRecord {
  unit: string;
  unitPrice: number;
  /** quantity × unitPrice, rounded half-up to the currency's minor unit. */
  amount: number;
  currency: string;
  rateSource: 'customer' | 'product' | 'default' | 'none';
}

export interface CustomerTotal {
  vendor: string;
  customer: string;
  currency: string;
  lines: number;
  amount: number;
}

export { minorDigits } from './money.js';

/** Half-up rounding of an exact decimal: 1.005 → 1.01 (binary floats say 1.00). */
export function roundMoney(value: number, digits: number): number {
  return fromMinor(toMinor(value, digits), digits);
}

export function priceUsage(records: readonly UsageRecord[], card: RateCard): BillingLine[] {
  return records.map((r) => {
    const rate = card.rate(r.vendor, r.product, r.customer);
    return {
      ...r,
      unit: r.unit ?? rate.unit ?? 'each',
      unitPrice: rate.unitPrice,
      // In integer minor units from the decimal inputs: 0.1 × 3 is 0.30, never 0.30000000000000004.
      amount: fromMinor(
        multiplyToMinor(r.quantity, rate.unitPrice, minorDigits(rate.currency)),
        minorDigits(rate.currency),
      ),
      currency: rate.currency,
      rateSource: rate.source,
    };
  });
}

/** Sum per (vendor, customer, currency), in first-seen order: exactly Σ of the lines' amounts. */
export function totalsByCustomer(lines: readonly BillingLine[]): CustomerTotal[] {
  const totals = new Map<string, { total: CustomerTotal; minor: bigint }>();
  for (const l of lines) {
    const key = `${l.vendor}\u0000${l.customer}\u0000${l.currency}`;
    const t = totals.get(key) ?? {
      total: { vendor: l.vendor, customer: l.customer, currency: l.currency, lines: 0, amount: 0 },
      minor: 0n,
    };
    t.total.lines++;
    t.minor += toMinor(l.amount, minorDigits(l.currency));
    t.total.amount = fromMinor(t.minor, minorDigits(l.currency));
    totals.set(key, t);
  }
  return [...totals.values()].map((t) => t.total);
}
