import { csvContracts } from '../../../contracts/csv.js';
import { formatDay, formatMonth, monthDays } from './dates.js';
import {
  BROADWORKS_PACKAGES,
  overlap,
  type PartnerDataset,
  type SimCustomer,
  type Subscription,
  WHOLESALE_PACKAGES,
} from './world.js';

/**
 * The reports' CSV files. Their layouts live in contracts/csv/webex-*.csv.yaml, the only list of
 * columns: rows are built as records by column name and written in the contract's order. The
 * real layout is not public [R]: these are reconciliation layouts where every level adds up — a
 * PARTNER row is the sum of its customers' rows for the package, a CUSTOMER row the sum of its
 * users' rows.
 */
export const CSV_CONTRACTS = {
  PARTNER: 'webex-wholesale-partner',
  CUSTOMER: 'webex-wholesale-customer',
  USER: 'webex-wholesale-user',
  BROADWORKS: 'webex-broadworks',
} as const;

export function columnsOf(layout: keyof typeof CSV_CONTRACTS): readonly string[] {
  return csvContracts().get(CSV_CONTRACTS[layout]).columns;
}

type CsvRecord = Record<string, string>;

/** The header, then each record's cells in the contract's column order. */
function* inOrder(columns: readonly string[], records: Iterable<CsvRecord>): Generator<string[]> {
  yield [...columns];
  for (const r of records) yield columns.map((c) => r[c] ?? '');
}

export type WholesaleType = 'PARTNER' | 'CUSTOMER' | 'USER';

export interface WholesaleReportParams {
  start: number;
  end: number;
  type: WholesaleType;
  subPartnerOrgUuid: string | undefined;
  internal: boolean;
}

interface Totals {
  quantity: number;
  billableDays: number;
  daily: number[];
  customers: number;
}

function newTotals(days: number): Totals {
  return { quantity: 0, billableDays: 0, daily: new Array<number>(days).fill(0), customers: 0 };
}

function addSub(t: Totals, sub: Subscription, start: number, end: number): boolean {
  const o = overlap(sub, start, end);
  if (!o) return false;
  t.quantity += 1;
  t.billableDays += o.days;
  for (let d = o.first; d <= o.last; d++) t.daily[d - start] = (t.daily[d - start] as number) + 1;
  return true;
}

function included(customer: SimCustomer, params: WholesaleReportParams): boolean {
  if (customer.internal && !params.internal) return false;
  if (params.subPartnerOrgUuid !== undefined && customer.subPartner?.orgUuid !== params.subPartnerOrgUuid)
    return false;
  return true;
}

function customerTotals(customer: SimCustomer, start: number, end: number): Map<string, Totals> {
  const days = end - start + 1;
  const totals = new Map<string, Totals>();
  for (const user of customer.users) {
    for (const sub of user.wholesale) {
      let t = totals.get(sub.pkg);
      if (!t) {
        t = newTotals(days);
        totals.set(sub.pkg, t);
      }
      addSub(t, sub, start, end);
    }
  }
  return totals;
}

/** Rows (header first) of a wholesale report, produced lazily. */
export function wholesaleRows(ds: PartnerDataset, params: WholesaleReportParams): Generator<string[]> {
  return inOrder(columnsOf(params.type), wholesaleRecords(ds, params));
}

function* wholesaleRecords(ds: PartnerDataset, params: WholesaleReportParams): Generator<CsvRecord> {
  const { start, end, type } = params;
  const head = {
    billingStartDate: formatDay(start),
    billingEndDate: formatDay(end),
    partnerOrgId: ds.orgId,
    partnerName: ds.partner.name,
  };
  const customers = ds.customers.filter((c) => included(c, params));
  const customerCols = (c: SimCustomer) => ({
    ...head,
    subPartnerOrgId: c.subPartner?.orgId ?? '',
    subPartnerName: c.subPartner?.name ?? '',
    customerOrgId: c.orgId,
    customerName: c.name,
    customerExternalId: c.externalId,
  });
  if (type === 'USER') {
    for (const c of customers) {
      const cols = customerCols(c);
      for (const user of c.users) {
        for (const sub of user.wholesale) {
          const o = overlap(sub, start, end);
          if (!o) continue;
          const daily: number[] = [];
          for (let d = start; d <= end; d++) daily.push(d >= o.first && d <= o.last ? 1 : 0);
          yield {
            ...cols,
            userId: user.id,
            userEmail: user.email,
            package: sub.pkg,
            firstActiveDate: formatDay(o.first),
            lastActiveDate: formatDay(o.last),
            quantity: '1',
            billableDays: String(o.days),
            dailyQuantities: daily.join('|'),
          };
        }
      }
    }
    return;
  }
  if (type === 'CUSTOMER') {
    for (const c of customers) {
      const totals = customerTotals(c, start, end);
      for (const pkg of WHOLESALE_PACKAGES) {
        const t = totals.get(pkg);
        if (!t || t.quantity === 0) continue;
        yield {
          ...customerCols(c),
          package: pkg,
          quantity: String(t.quantity),
          billableDays: String(t.billableDays),
          dailyQuantities: t.daily.join('|'),
        };
      }
    }
    return;
  }
  const partner = new Map<string, Totals>();
  for (const c of customers) {
    for (const [pkg, t] of customerTotals(c, start, end)) {
      if (t.quantity === 0) continue;
      let p = partner.get(pkg);
      if (!p) {
        p = newTotals(end - start + 1);
        partner.set(pkg, p);
      }
      p.customers += 1;
      p.quantity += t.quantity;
      p.billableDays += t.billableDays;
      t.daily.forEach((v, i) => {
        (p as Totals).daily[i] = ((p as Totals).daily[i] as number) + v;
      });
    }
  }
  const sub = params.subPartnerOrgUuid
    ? customers.find((c) => c.subPartner?.orgUuid === params.subPartnerOrgUuid)?.subPartner
    : undefined;
  const subName =
    params.subPartnerOrgUuid && !sub
      ? (ds.partner.subPartners?.find((s) => s.orgUuid === params.subPartnerOrgUuid)?.name ?? '')
      : (sub?.name ?? '');
  const subId = params.subPartnerOrgUuid ? (sub?.orgId ?? encodeSub(params.subPartnerOrgUuid)) : '';
  for (const pkg of WHOLESALE_PACKAGES) {
    const p = partner.get(pkg);
    if (!p) continue;
    yield {
      ...head,
      subPartnerOrgId: subId,
      subPartnerName: subName,
      package: pkg,
      customerCount: String(p.customers),
      quantity: String(p.quantity),
      billableDays: String(p.billableDays),
      dailyQuantities: p.daily.join('|'),
    };
  }
}

function encodeSub(uuid: string): string {
  return Buffer.from(`ciscospark://us/ORGANIZATION/${uuid}`, 'utf8').toString('base64url');
}

/**
 * Rows (header first) of a BroadWorks report: for each customer its USER rows then its CUSTOMER
 * subtotals per package, and at the end the PARTNER totals per package.
 */
export function broadworksRows(ds: PartnerDataset, year: number, month: number): Generator<string[]> {
  return inOrder(columnsOf('BROADWORKS'), broadworksRecords(ds, year, month));
}

function* broadworksRecords(ds: PartnerDataset, year: number, month: number): Generator<CsvRecord> {
  const { first: start, last: end } = monthDays(year, month);
  const head = {
    billingPeriod: formatMonth(year, month),
    partnerOrgId: ds.orgId,
    partnerName: ds.partner.name,
  };
  const partner = new Map<string, { quantity: number; billableDays: number }>();
  for (const c of ds.customers) {
    if (c.internal) continue;
    const customer = { ...head, customerOrgId: c.orgId, customerName: c.name, enterpriseId: c.enterpriseId };
    const totals = new Map<string, { quantity: number; billableDays: number }>();
    for (const user of c.users) {
      if (!user.broadworks) continue;
      const o = overlap(user.broadworks, start, end);
      if (!o) continue;
      const pkg = user.broadworks.pkg;
      const t = totals.get(pkg) ?? { quantity: 0, billableDays: 0 };
      t.quantity += 1;
      t.billableDays += o.days;
      totals.set(pkg, t);
      yield {
        recordType: 'USER',
        ...customer,
        groupId: c.groupId,
        userId: user.id,
        broadworksUserId: user.broadworksUserId,
        userEmail: user.email,
        package: pkg,
        firstActiveDate: formatDay(o.first),
        lastActiveDate: formatDay(o.last),
        quantity: '1',
        billableDays: String(o.days),
      };
    }
    for (const pkg of BROADWORKS_PACKAGES) {
      const t = totals.get(pkg);
      if (!t) continue;
      const p = partner.get(pkg) ?? { quantity: 0, billableDays: 0 };
      p.quantity += t.quantity;
      p.billableDays += t.billableDays;
      partner.set(pkg, p);
      yield {
        recordType: 'CUSTOMER',
        ...customer,
        package: pkg,
        quantity: String(t.quantity),
        billableDays: String(t.billableDays),
      };
    }
  }
  for (const pkg of BROADWORKS_PACKAGES) {
    const p = partner.get(pkg);
    if (!p) continue;
    yield {
      recordType: 'PARTNER',
      ...head,
      package: pkg,
      quantity: String(p.quantity),
      billableDays: String(p.billableDays),
    };
  }
}

/** One CSV record: RFC 4180 quoting (cells with a comma, quote or line break), LF line end. */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    if (i > 0) line += ',';
    line += /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return `${line}\n`;
}

/**
 * The CSV bytes of some rows, in chunks of about `chunkBytes`, produced lazily: a file is
 * never held whole, and the same rows always give the same bytes.
 */
export function* csvChunks(rows: Iterable<string[]>, chunkBytes = 64 * 1024): Generator<Buffer> {
  let pending = '';
  for (const row of rows) {
    pending += csvLine(row);
    if (pending.length >= chunkBytes) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending) yield Buffer.from(pending, 'utf8');
}
