import { ConfigError, type Kernel } from '../../kernel/index.js';
import type { PureCloudOrg } from '../options.js';
import { CATALOG, type Product } from './catalog.js';

/**
 * Golden data: facts an org's history holds for certain — who holds which licence from when,
 * the instant billing first observed them in each month, the devices, the contracts with their
 * commitments, and the org's prices. The history (`history.ts`) is built from them instead of
 * the seed where they are given; every view (billable usage, trustee overview, contracts,
 * charges, invoices, wallets) is its projection, so they all show the same facts.
 */

/** One licence (or a device's billing) held over [from, to), with its pinned first observations. */
export interface GoldenHolding {
  /** Product SKU (`PC-170-NV-PCCX1` …, docs/purecloud.md). */
  sku: string;
  /** ISO instant the holding starts. */
  from: string;
  /** ISO instant it ends (exclusive); absent: still held. */
  to?: string;
  /**
   * First observation per billing month, ISO instants in whole seconds (one per UTC month at
   * most, inside [from, to)). Given: the holding is observed exactly then and in no other month.
   * Absent: the seeded draw (a user misses about one month in 25).
   */
  observed?: string[];
}

export interface GoldenUser {
  /** The resource name the billable-usage report lists (an e-mail address). */
  name: string;
  licences: GoldenHolding[];
}

export interface GoldenDevice {
  /** The resource name the billable-usage report lists (default: a uuid from the seed). */
  name: string;
  from: string;
  to?: string;
  observed?: string[];
}

export interface GoldenContract {
  /** First day (`YYYY-MM-01`): contracts start on the 1st of a month. */
  start: string;
  /** Length in monthly billing periods. */
  months: number;
  externalNumber?: string;
  commercialModel?: 'Subscription' | 'Consumption';
  /** Committed units per period by SKU (default: the seeded estimate from the roster). */
  prepaid?: Record<string, number>;
  /** Included allowance per period by SKU, metered products (default: the seeded estimate). */
  fairuse?: Record<string, number>;
}

export interface GoldenOrg {
  /** A configured org (`orgs` option). */
  id: string;
  /** Given: the org's whole user roster. Absent: the seeded people (`users` of the org). */
  users?: GoldenUser[];
  /** Given: the org's whole device roster. Absent: the seeded devices. */
  devices?: GoldenDevice[];
  /** Given: the org's contracts, in time order, not overlapping. Absent: the seeded chain. */
  contracts?: GoldenContract[];
  /** Products the org has on its contracts besides those its roster holds (SKUs). */
  products?: string[];
  /** Prices in currency units (cents are the second decimal) by SKU: `price` and `overage`. */
  prices?: Record<string, { price?: number; overage?: number }>;
  /**
   * Metered quantities (storage, API calls, messages, converted products) per billing month, by
   * SKU then `YYYY-MM`: the month's total, accruing evenly while the month is open. Months not
   * given: the seeded draw.
   */
  metered?: Record<string, Record<string, number>>;
}

export interface PureCloudData {
  orgs?: GoldenOrg[];
}

const SKUS = CATALOG.map((p) => p.sku);
const LICENCE_SKUS = CATALOG.filter((p) => p.kind === 'licence').map((p) => p.sku);
const DEVICE_SKUS = CATALOG.filter((p) => p.kind === 'device').map((p) => p.sku);
const INSTANT = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.000)?Z$',
  description: 'ISO instant in whole seconds, UTC (2026-10-03T09:15:00Z)',
};
const QUANTITIES = {
  type: 'object',
  propertyNames: { enum: SKUS },
  additionalProperties: { type: 'integer', minimum: 0, maximum: 100_000_000 },
};
const METERED_SKUS = CATALOG.filter((p) => p.kind === 'metered' || p.kind === 'converted').map((p) => p.sku);
const MONEY = {
  type: 'number',
  minimum: 0,
  maximum: 1_000_000,
  description: 'currency units, rounded to cents',
};

/** PureCloud's `data:` section (the plug-in's `dataSchema`; also `PUT /_sim/data`). */
export const DATA_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: "golden data: exact facts in the orgs' histories (docs/purecloud.md)",
  properties: {
    orgs: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          users: {
            type: 'array',
            maxItems: 100_000,
            items: {
              type: 'object',
              required: ['name', 'licences'],
              additionalProperties: false,
              properties: {
                name: { type: 'string', minLength: 1, maxLength: 200 },
                licences: {
                  type: 'array',
                  maxItems: 20,
                  items: {
                    type: 'object',
                    required: ['sku', 'from'],
                    additionalProperties: false,
                    properties: {
                      sku: { enum: LICENCE_SKUS },
                      from: INSTANT,
                      to: INSTANT,
                      observed: { type: 'array', maxItems: 1200, items: INSTANT },
                    },
                  },
                },
              },
            },
          },
          devices: {
            type: 'array',
            maxItems: 100_000,
            items: {
              type: 'object',
              required: ['name', 'from'],
              additionalProperties: false,
              properties: {
                name: { type: 'string', minLength: 1, maxLength: 200 },
                from: INSTANT,
                to: INSTANT,
                observed: { type: 'array', maxItems: 1200, items: INSTANT },
              },
            },
          },
          contracts: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              type: 'object',
              required: ['start', 'months'],
              additionalProperties: false,
              properties: {
                start: { type: 'string', pattern: '^\\d{4}-\\d{2}-01$', description: 'YYYY-MM-01' },
                months: { type: 'integer', minimum: 1, maximum: 120 },
                externalNumber: { type: 'string', minLength: 1 },
                commercialModel: { enum: ['Subscription', 'Consumption'] },
                prepaid: QUANTITIES,
                fairuse: QUANTITIES,
              },
            },
          },
          products: { type: 'array', items: { enum: SKUS }, uniqueItems: true },
          metered: {
            type: 'object',
            propertyNames: { enum: METERED_SKUS },
            additionalProperties: {
              type: 'object',
              propertyNames: { pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
              additionalProperties: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
            },
          },
          prices: {
            type: 'object',
            propertyNames: { enum: SKUS },
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              minProperties: 1,
              properties: { price: MONEY, overage: MONEY },
            },
          },
        },
      },
    },
  },
};

/** A holding as the history keeps it: epoch ms, observations by UTC month number. */
export interface PinnedHolding {
  sku: string;
  from: number;
  to: number;
  /** Month number (year × 12 + month) → first observation; undefined: the seeded draw. */
  observed: Map<number, number> | undefined;
}

/** What OrgHistory reads of an org's golden data, checked and in epoch ms. */
export interface PinnedOrg {
  users: { name: string; holdings: PinnedHolding[] }[] | undefined;
  devices: { name: string; holding: PinnedHolding }[] | undefined;
  contracts: GoldenContract[] | undefined;
  /** SKUs beyond the seeded product draw: the roster's, the contracts' and `products`. */
  skus: Set<string>;
  /** The org's own price book: catalogue products with its prices. */
  product(base: Product): Product;
  /** A pinned metered total of a SKU in a month number, if any. */
  meteredTotal(sku: string, month: number): number | undefined;
}

export function monthNumber(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Checks and converts one org's golden data; problems are pushed as JSON pointers under `at`. */
function pinOrg(org: GoldenOrg, at: string, problems: string[]): PinnedOrg {
  const holding = (h: { from: string; to?: string; observed?: string[] }, sku: string, where: string) => {
    const from = Date.parse(h.from);
    const to = h.to === undefined ? Number.POSITIVE_INFINITY : Date.parse(h.to);
    if (Number.isNaN(from)) problems.push(`${where}/from: no such instant (got "${h.from}")`);
    if (Number.isNaN(to)) problems.push(`${where}/to: no such instant (got "${h.to}")`);
    if (to <= from) problems.push(`${where}/to: must be after from (${h.to} ≤ ${h.from})`);
    let observed: Map<number, number> | undefined;
    if (h.observed) {
      observed = new Map();
      h.observed.forEach((text, i) => {
        const t = Date.parse(text);
        const oat = `${where}/observed/${i}`;
        const m = monthNumber(t);
        if (Number.isNaN(t)) problems.push(`${oat}: no such instant (got "${text}")`);
        else if (t < from || t >= to) problems.push(`${oat}: outside the holding [from, to) (got ${text})`);
        else if (observed!.has(m)) problems.push(`${oat}: a second first observation in ${text.slice(0, 7)}`);
        else observed!.set(m, t);
      });
    }
    return { sku, from, to, observed };
  };
  const skus = new Set<string>(org.products ?? []);
  const users = org.users?.map((u, i) => ({
    name: u.name,
    holdings: u.licences.map((l, j) => {
      skus.add(l.sku);
      return holding(l, l.sku, `${at}/users/${i}/licences/${j}`);
    }),
  }));
  const names = new Set<string>();
  org.users?.forEach((u, i) => {
    if (names.has(u.name)) problems.push(`${at}/users/${i}/name: two users are called ${u.name}`);
    names.add(u.name);
  });
  const devices = org.devices?.map((d, i) => ({
    name: d.name,
    holding: holding(d, DEVICE_SKUS[0]!, `${at}/devices/${i}`),
  }));
  if (devices?.length) skus.add(DEVICE_SKUS[0]!);
  let previousEnd = Number.NEGATIVE_INFINITY;
  org.contracts?.forEach((c, i) => {
    const start = Date.parse(`${c.start}T00:00:00Z`);
    if (Number.isNaN(start)) {
      problems.push(`${at}/contracts/${i}/start: no such day (got "${c.start}")`);
      return;
    }
    if (start < previousEnd)
      problems.push(
        `${at}/contracts/${i}/start: overlaps the contract before it (contracts are in time order)`,
      );
    const end = new Date(start);
    end.setUTCMonth(end.getUTCMonth() + c.months);
    previousEnd = end.getTime();
    for (const sku of [...Object.keys(c.prepaid ?? {}), ...Object.keys(c.fairuse ?? {})]) skus.add(sku);
  });
  const prices = org.prices ?? {};
  for (const sku of Object.keys(prices)) skus.add(sku);
  const metered = new Map<string, Map<number, number>>();
  for (const [sku, months] of Object.entries(org.metered ?? {})) {
    skus.add(sku);
    const byMonth = new Map<number, number>();
    for (const [month, quantity] of Object.entries(months)) {
      const [y, m] = month.split('-').map(Number) as [number, number];
      byMonth.set(y * 12 + m - 1, quantity);
    }
    metered.set(sku, byMonth);
  }
  return {
    users,
    devices,
    contracts: org.contracts,
    skus,
    meteredTotal: (sku, month) => metered.get(sku)?.get(month),
    product(base) {
      const p = prices[base.sku];
      if (!p) return base;
      return {
        ...base,
        priceCents: p.price === undefined ? base.priceCents : Math.round(p.price * 100),
        overageCents: p.overage === undefined ? base.overageCents : Math.round(p.overage * 100),
      };
    },
  };
}

/**
 * The data in force for one simulator: validated (the schema, then what it cannot say: unknown
 * orgs, instants that run backwards or fall outside their holding, overlapping contracts), then
 * kept per org for the histories to read. Throws a ConfigError naming JSON pointers.
 */
export function pinData(
  kernel: Kernel,
  data: PureCloudData | undefined,
  orgs: readonly PureCloudOrg[],
): Map<string, PinnedOrg> {
  const problems = kernel.validator.check(DATA_SCHEMA, data ?? {});
  const pinned = new Map<string, PinnedOrg>();
  if (!problems.length) {
    data?.orgs?.forEach((org, i) => {
      const at = `/orgs/${i}`;
      if (!orgs.some((o) => o.id === org.id))
        problems.push(`${at}/id: names no configured org (have: ${orgs.map((o) => o.id).join(', ')})`);
      else if (pinned.has(org.id)) problems.push(`${at}/id: the org is pinned twice`);
      else pinned.set(org.id, pinOrg(org, at, problems));
    });
  }
  if (problems.length) throw new ConfigError(problems, 'purecloud data');
  return pinned;
}
