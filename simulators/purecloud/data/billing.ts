import type { SeededData } from '../../kernel/index.js';
import { addDays } from './dates.js';
import {
  type ContractItem,
  type ContractRecord,
  newestFirstKey,
  type OrgHistory,
  type PeriodRecord,
} from './history.js';

/**
 * Charges, wallets, invoices and lines of a contract's billing periods, computed from the same
 * observations as the billable-usage report and the same contract prices, up to a cut-off.
 */

export interface Charge {
  item: ContractItem;
  /** Fair-use allowance of this period (for the token product: the balance carried over). */
  fairuse: number;
  actual: number;
  overage: number;
  /** overage × overage rate; 0 for products paid in tokens. */
  overageCents: number;
  /** Tokens the usage converts to (products paid from the token wallet). */
  convertedTokens?: number;
}

/** What was used in one period up to `cutoff`: overage = max(0, actual − prepaid − fairuse). */
export function periodCharges(
  history: OrgHistory,
  contract: ContractRecord,
  period: PeriodRecord,
  cutoff: number,
): Charge[] {
  const consumed = tokensConsumed(history, contract, period, cutoff);
  return contract.items.map((item) => {
    const { product } = item;
    let actual: number;
    if (product.kind === 'licence' || product.kind === 'device') {
      actual = history.count(history.observedIndex(product), period.start, period.endExclusive - 1, cutoff);
    } else if (product.kind === 'token') {
      actual = consumed;
    } else {
      actual = history.metered(product, period.start, period.endExclusive, cutoff);
    }
    const overage = Math.max(0, actual - item.prepaid - item.fairuse);
    if (product.kind === 'converted') {
      const convertedTokens = Math.round(actual * (product.tokenConversionRate ?? 0));
      return { item, fairuse: item.fairuse, actual, overage, overageCents: 0, convertedTokens };
    }
    if (product.kind === 'token') {
      // The balance carried over is this period's allowance: overage is what the wallet could
      // not cover (see walletFor), and still max(0, actual − prepaid − fairuse).
      const wallet = walletFor(history, contract, period, cutoff)!;
      const fairuse = wallet.starting;
      const over = Math.max(0, actual - item.prepaid - fairuse);
      return { item, fairuse, actual, overage: over, overageCents: over * product.overageCents };
    }
    return { item, fairuse: item.fairuse, actual, overage, overageCents: overage * product.overageCents };
  });
}

function tokensConsumed(
  history: OrgHistory,
  contract: ContractRecord,
  period: PeriodRecord,
  cutoff: number,
): number {
  let tokens = 0;
  for (const item of contract.items) {
    if (item.product.kind !== 'converted') continue;
    const used = history.metered(item.product, period.start, period.endExclusive, cutoff);
    tokens += Math.round(used * (item.product.tokenConversionRate ?? 0));
  }
  return tokens;
}

export interface Wallet {
  item: ContractItem;
  starting: number;
  increase: number;
  consumption: number;
  decrease: number;
  ending: number;
  overage: number;
}

/**
 * The token wallet of a token-based contract in one period: each period adds the prepaid
 * tokens, converted usage consumes them, what is left carries over to the next period of the
 * same contract, and what the balance cannot cover is overage [R].
 */
export function walletFor(
  history: OrgHistory,
  contract: ContractRecord,
  period: PeriodRecord,
  cutoff: number,
): Wallet | undefined {
  const item = contract.items.find((i) => i.product.kind === 'token');
  if (!item) return undefined;
  let balance = 0;
  for (const p of contract.periods) {
    const starting = balance;
    const increase = item.prepaid;
    const consumption = tokensConsumed(history, contract, p, cutoff);
    const available = starting + increase;
    const decrease = Math.min(consumption, available);
    const ending = available - decrease;
    if (p === period) {
      return { item, starting, increase, consumption, decrease, ending, overage: consumption - decrease };
    }
    balance = ending;
  }
  return undefined;
}

export interface InvoiceRecord {
  key: string;
  id: string;
  contract: ContractRecord;
  period: PeriodRecord;
  dateInvoiced: number;
}

/** Invoices are paid this many days after they are issued [R]. */
export const DAYS_TO_PAY = 30;

/** One invoice per billing period, issued 0–4 days after the period closes [R]. */
export function invoiceRecords(data: SeededData, history: OrgHistory): InvoiceRecord[] {
  const invoices: InvoiceRecord[] = [];
  for (const contract of history.contracts) {
    for (const period of contract.periods) {
      const id = data.uuid(`purecloud/contract:${contract.id}/invoice:${period.index}`);
      const dateInvoiced = addDays(period.endExclusive, data.rng(`purecloud/invoice:${id}/date`).int(0, 4));
      invoices.push({ key: newestFirstKey(dateInvoiced, id), id, contract, period, dateInvoiced });
    }
  }
  return invoices.sort((a, b) => (a.key < b.key ? -1 : 1));
}

export interface LineRecord {
  key: string;
  id: string;
  item: ContractItem;
  description: string;
  quantity: number;
  amountCents: number;
}

/**
 * Lines of a closed period's invoice: each prepaid commitment, then each overage, from the
 * period's final usage (the invoice is issued after the period closed, so the cut-off is its end).
 */
export function invoiceLines(data: SeededData, history: OrgHistory, invoice: InvoiceRecord): LineRecord[] {
  const { contract, period } = invoice;
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
  for (const charge of periodCharges(history, contract, period, period.endExclusive)) {
    const { item } = charge;
    if (item.prepaid > 0 && item.product.priceCents > 0)
      add(item, `${item.product.name} - subscription`, item.prepaid, item.prepaid * item.product.priceCents);
    if (charge.overageCents > 0)
      add(item, `${item.product.name} - overage`, charge.overage, charge.overageCents);
  }
  return lines;
}

export function invoiceAmountCents(lines: readonly LineRecord[]): number {
  let sum = 0;
  for (const l of lines) sum += l.amountCents;
  return sum;
}
