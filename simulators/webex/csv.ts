import {
  BROADWORKS_PACKAGES,
  overlap,
  type PartnerDataset,
  type SimCustomer,
  type Subscription,
  WHOLESALE_PACKAGES,
} from './data.js';
import { formatDay, formatMonth, monthDays } from './dates.js';

/**
 * CSV layouts of the reports (declared in contracts/csv/webex-*.csv.yaml). The real layout is not
 * public [R]: these are reconciliation layouts where every level adds up — a PARTNER row is the sum
 * of its customers' rows for the package, a CUSTOMER row the sum of its users' rows.
 */
export const WHOLESALE_COLUMNS = {
  PARTNER: [
    'billingStartDate',
    'billingEndDate',
    'partnerOrgId',
    'partnerName',
    'subPartnerOrgId',
    'subPartnerName',
    'package',
    'customerCount',
    'quantity',
    'billableDays',
    'dailyQuantities',
  ],
  CUSTOMER: [
    'billingStartDate',
    'billingEndDate',
    'partnerOrgId',
    'partnerName',
    'subPartnerOrgId',
    'subPartnerName',
    'customerOrgId',
    'customerName',
    'customerExternalId',
    'package',
    'quantity',
    'billableDays',
    'dailyQuantities',
  ],
  USER: [
    'billingStartDate',
    'billingEndDate',
    'partnerOrgId',
    'partnerName',
    'subPartnerOrgId',
    'subPartnerName',
    'customerOrgId',
    'customerName',
    'customerExternalId',
    'userId',
    'userEmail',
    'package',
    'firstActiveDate',
    'lastActiveDate',
    'quantity',
    'billableDays',
    'dailyQuantities',
  ],
} as const;

export const BROADWORKS_COLUMNS = [
  'recordType',
  'billingPeriod',
  'partnerOrgId',
  'partnerName',
  'customerOrgId',
  'customerName',
  'enterpriseId',
  'groupId',
  'userId',
  'broadworksUserId',
  'userEmail',
  'package',
  'firstActiveDate',
  'lastActiveDate',
  'quantity',
  'billableDays',
] as const;

export type WholesaleType = keyof typeof WHOLESALE_COLUMNS;

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
export function* wholesaleRows(ds: PartnerDataset, params: WholesaleReportParams): Generator<string[]> {
  const { start, end, type } = params;
  const head = [formatDay(start), formatDay(end), ds.orgId, ds.partner.name];
  yield [...WHOLESALE_COLUMNS[type]];
  const customers = ds.customers.filter((c) => included(c, params));
  const subCols = (c: SimCustomer) => [c.subPartner?.orgId ?? '', c.subPartner?.name ?? ''];
  if (type === 'USER') {
    for (const c of customers) {
      for (const user of c.users) {
        for (const sub of user.wholesale) {
          const o = overlap(sub, start, end);
          if (!o) continue;
          const daily: number[] = [];
          for (let d = start; d <= end; d++) daily.push(d >= o.first && d <= o.last ? 1 : 0);
          yield [
            ...head,
            ...subCols(c),
            c.orgId,
            c.name,
            c.externalId,
            user.id,
            user.email,
            sub.pkg,
            formatDay(o.first),
            formatDay(o.last),
            '1',
            String(o.days),
            daily.join('|'),
          ];
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
        yield [
          ...head,
          ...subCols(c),
          c.orgId,
          c.name,
          c.externalId,
          pkg,
          String(t.quantity),
          String(t.billableDays),
          t.daily.join('|'),
        ];
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
    yield [
      ...head,
      subId,
      subName,
      pkg,
      String(p.customers),
      String(p.quantity),
      String(p.billableDays),
      p.daily.join('|'),
    ];
  }
}

function encodeSub(uuid: string): string {
  return Buffer.from(`ciscospark://us/ORGANIZATION/${uuid}`, 'utf8').toString('base64url');
}

/**
 * Rows (header first) of a BroadWorks report: for each customer its USER rows then its CUSTOMER
 * subtotals per package, and at the end the PARTNER totals per package.
 */
export function* broadworksRows(ds: PartnerDataset, year: number, month: number): Generator<string[]> {
  const { first: start, last: end } = monthDays(year, month);
  const period = formatMonth(year, month);
  yield [...BROADWORKS_COLUMNS];
  const partner = new Map<string, { quantity: number; billableDays: number }>();
  for (const c of ds.customers) {
    if (c.internal) continue;
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
      yield [
        'USER',
        period,
        ds.orgId,
        ds.partner.name,
        c.orgId,
        c.name,
        c.enterpriseId,
        c.groupId,
        user.id,
        user.broadworksUserId,
        user.email,
        pkg,
        formatDay(o.first),
        formatDay(o.last),
        '1',
        String(o.days),
      ];
    }
    for (const pkg of BROADWORKS_PACKAGES) {
      const t = totals.get(pkg);
      if (!t) continue;
      const p = partner.get(pkg) ?? { quantity: 0, billableDays: 0 };
      p.quantity += t.quantity;
      p.billableDays += t.billableDays;
      partner.set(pkg, p);
      yield [
        'CUSTOMER',
        period,
        ds.orgId,
        ds.partner.name,
        c.orgId,
        c.name,
        c.enterpriseId,
        '',
        '',
        '',
        '',
        pkg,
        '',
        '',
        String(t.quantity),
        String(t.billableDays),
      ];
    }
  }
  for (const pkg of BROADWORKS_PACKAGES) {
    const p = partner.get(pkg);
    if (!p) continue;
    yield [
      'PARTNER',
      period,
      ds.orgId,
      ds.partner.name,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      pkg,
      '',
      '',
      String(p.quantity),
      String(p.billableDays),
    ];
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
