import type { SeededData } from '../../kernel/index.js';
import { addDays, formatDate, monthStart } from '../dates.js';
import type { PureCloudOrg } from '../options.js';
import { CONTRACT_PRODUCTS, type ContractProduct, centsToNumber } from './catalog.js';

/**
 * The preview contract/invoice world of one org: contracts, their monthly billing periods,
 * the charges of each period and one invoice per closed period. Everything here is a pure
 * function of (seed, org); what is visible "now" (open periods, issued invoices, payment
 * status) is decided by the caller from the clock.
 */
export interface Customer {
  id: string;
  number: string;
  name: string;
}

interface ContractItem {
  product: ContractProduct;
  productId: string;
  /** Prepaid (committed) units per period; 0 for metered products. */
  prepaid: number;
  /** Included allowance for metered products. */
  fairuse: number;
}

export interface PeriodRecord {
  id: string;
  index: number;
  start: number;
  /** Last day of the period (UTC midnight). */
  lastDay: number;
  /** First instant after the period. */
  endExclusive: number;
}

export interface ContractRecord {
  key: string;
  id: string;
  externalNumber: string;
  commercialModel: string;
  purchaseOrderNumbers: string[];
  customer: Customer;
  start: number;
  endExclusive: number;
  rampEndExclusive: number;
  periods: PeriodRecord[];
  items: ContractItem[];
  planId: string;
}

export interface InvoiceRecord {
  key: string;
  id: string;
  contract: ContractRecord;
  period: PeriodRecord;
  dateInvoiced: number;
  amountCents: number;
}

export interface Charge {
  item: ContractItem;
  actual: number;
  overage: number;
  overageCents: number;
}

export interface OrgBook {
  org: PureCloudOrg;
  contracts: ContractRecord[];
  invoices: InvoiceRecord[];
}

const ORDER_BASE = 99_999_999;

/** Sort key putting newer dates first, ties broken by id. */
function newestFirstKey(ms: number, id: string): string {
  const ymd = Number(formatDate(ms).replaceAll('-', ''));
  return `${String(ORDER_BASE - ymd).padStart(8, '0')}|${id}`;
}

export function buildBook(data: SeededData, org: PureCloudOrg): OrgBook {
  const faker = data.faker(`purecloud/org:${org.id}/contracts`);
  const customer: Customer = {
    id: data.uuid(`purecloud/org:${org.id}/customer`),
    number: `C${faker.string.numeric(7)}`,
    name: org.name,
  };
  const count = org.contracts ?? 5;
  const contracts: ContractRecord[] = [];
  for (let i = 0; i < count; i++) {
    const key = `purecloud/org:${org.id}/contract:${i}`;
    const rng = data.rng(key);
    const start = Date.UTC(2024, rng.int(0, 23), 1);
    // The last contract is a short, expired one so listings show both statuses.
    const months = i === count - 1 && count > 1 ? 12 : rng.pick([24, 36, 60]);
    const id = data.uuid(`${key}/id`);
    const periods: PeriodRecord[] = [];
    for (let p = 0; p < months; p++) {
      const pStart = monthStart(start, p);
      const endExclusive = monthStart(start, p + 1);
      periods.push({
        id: data.uuid(`${key}/period:${p}`),
        index: p,
        start: pStart,
        lastDay: addDays(endExclusive, -1),
        endExclusive,
      });
    }
    const pool = [...CONTRACT_PRODUCTS];
    const items: ContractItem[] = [];
    const wanted = rng.int(3, 5);
    while (items.length < wanted && pool.length > 0) {
      const product = pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
      items.push({
        product,
        productId: data.uuid(`purecloud/product:${product.sku}`),
        prepaid: product.metered ? 0 : rng.int(5, 80),
        fairuse: product.metered ? rng.int(1_000, 50_000) : 0,
      });
    }
    contracts.push({
      key: newestFirstKey(start, id),
      id,
      externalNumber: `CN-${faker.string.numeric(6)}`,
      commercialModel: rng.pick(['Subscription', 'Consumption']),
      purchaseOrderNumbers: [`PO-${faker.string.alphanumeric({ length: 8, casing: 'upper' })}`],
      customer,
      start,
      endExclusive: monthStart(start, months),
      rampEndExclusive: monthStart(start, 2),
      periods,
      items,
      planId: data.uuid(`${key}/plan`),
    });
  }
  contracts.sort((a, b) => (a.key < b.key ? -1 : 1));
  const invoices: InvoiceRecord[] = [];
  for (const contract of contracts) {
    for (const period of contract.periods) {
      const id = data.uuid(`purecloud/contract:${contract.id}/invoice:${period.index}`);
      const dateInvoiced = addDays(period.endExclusive, data.rng(`purecloud/invoice:${id}/date`).int(0, 4));
      const lines = invoiceLines(data, contract, period);
      invoices.push({
        key: newestFirstKey(dateInvoiced, id),
        id,
        contract,
        period,
        dateInvoiced,
        amountCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
      });
    }
  }
  invoices.sort((a, b) => (a.key < b.key ? -1 : 1));
  return { org, contracts, invoices };
}

/** What was used in one period: overage is what exceeds prepaid plus fair use. */
export function periodCharges(data: SeededData, contract: ContractRecord, period: PeriodRecord): Charge[] {
  return contract.items.map((item) => {
    const rng = data.rng(`purecloud/contract:${contract.id}/period:${period.index}/${item.product.sku}`);
    const base = item.prepaid + item.fairuse;
    const actual = Math.max(0, Math.round(base * (0.6 + rng.next() * 0.9)));
    const overage = Math.max(0, actual - base);
    return { item, actual, overage, overageCents: overage * item.product.overageCents };
  });
}

export interface LineRecord {
  key: string;
  id: string;
  item: ContractItem;
  description: string;
  quantity: number;
  amountCents: number;
}

/** Invoice lines: the prepaid commitment of each product, then any overage. */
export function invoiceLines(data: SeededData, contract: ContractRecord, period: PeriodRecord): LineRecord[] {
  const lines: LineRecord[] = [];
  const add = (item: ContractItem, description: string, quantity: number, amountCents: number) => {
    const n = lines.length + 1;
    lines.push({
      key: String(n).padStart(4, '0'),
      id: data.uuid(`purecloud/contract:${contract.id}/period:${period.index}/line:${n}`),
      item,
      description,
      quantity,
      amountCents,
    });
  };
  for (const charge of periodCharges(data, contract, period)) {
    const { item } = charge;
    if (item.prepaid > 0)
      add(item, `${item.product.name} - subscription`, item.prepaid, item.prepaid * item.product.priceCents);
    if (charge.overage > 0) add(item, `${item.product.name} - overage`, charge.overage, charge.overageCents);
  }
  return lines;
}

export function productJson(item: ContractItem) {
  return {
    id: item.productId,
    sku: item.product.sku,
    name: item.product.name,
    unitOfMeasure: item.product.unitOfMeasure,
  };
}

export { centsToNumber };
