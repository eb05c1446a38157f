import type { RateCard } from '../rate-card/rate-card.js';

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

/** Currencies without a 2-digit minor unit (ISO 4217); the rest use cents. */
const MINOR_DIGITS: Record<string, number> = {
  JPY: 0,
  KRW: 0,
  CLP: 0,
  ISK: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
};

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/** Half-up rounding on the decimal representation, so 1.005 → 1.01 (binary floats say 1.00). */
export function roundMoney(value: number, digits: number): number {
  const shifted = Math.round(Number(`${Math.abs(value)}e${digits}`));
  return Math.sign(value) * Number(`${shifted}e-${digits}`);
}

export function priceUsage(records: readonly UsageRecord[], card: RateCard): BillingLine[] {
  return records.map((r) => {
    const rate = card.rate(r.vendor, r.product, r.customer);
    return {
      ...r,
      unit: r.unit ?? rate.unit ?? 'each',
      unitPrice: rate.unitPrice,
      amount: roundMoney(r.quantity * rate.unitPrice, minorDigits(rate.currency)),
      currency: rate.currency,
      rateSource: rate.source,
    };
  });
}

/** Sum per (vendor, customer, currency), in first-seen order. */
export function totalsByCustomer(lines: readonly BillingLine[]): CustomerTotal[] {
  const totals = new Map<string, CustomerTotal>();
  for (const l of lines) {
    const key = `${l.vendor}\u0000${l.customer}\u0000${l.currency}`;
    const t = totals.get(key) ?? {
      vendor: l.vendor,
      customer: l.customer,
      currency: l.currency,
      lines: 0,
      amount: 0,
    };
    t.lines++;
    t.amount = roundMoney(t.amount + l.amount, minorDigits(l.currency));
    totals.set(key, t);
  }
  return [...totals.values()];
}
