import type { SeededData } from '../../kernel/index.js';
import { type PureCloudOrg, SUBSCRIPTION_TYPES, type SubscriptionType } from '../options.js';
import {
  ADD_ONS,
  BASE_LICENCES,
  bySku,
  CONVERTED,
  DEVICE,
  METERED,
  type Product,
  TOKENS,
} from './catalog.js';
import { addDays, formatDate, monthStart } from './dates.js';
import type { GoldenContract, PinnedHolding, PinnedOrg } from './golden.js';
import {
  type Assignment,
  Assignments,
  deriveMonth,
  type MonthObservations,
  monthNumber,
  NamePrefixes,
  type ProductMonth,
  unit,
} from './observations.js';

export type { MonthObservations, ProductMonth } from './observations.js';

/**
 * One org's billing history, a pure function of (seed, org) built once on first use: its people
 * and devices with licence assignments that start and end over time, and its chain of contracts
 * with their monthly billing periods and prices. What billing *observes* — a licensed user's
 * first login of a billing month, a device's first heartbeat of the month, metered quantities —
 * is derived per month on demand (cached, bounded), so every view (billable usage, trustee
 * overview, charges, invoices, wallets) is a projection of the same facts at the clock's now.
 */

const DAY_MS = 86_400_000;

export interface Customer {
  id: string;
  number: string;
  name: string;
}

export interface ContractItem {
  product: Product;
  productId: string;
  /** Prepaid (committed) units per period (tokens added to the wallet for the token product). */
  prepaid: number;
  /** Included allowance per period for metered products. */
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
  /** Listing sort key: newest first. */
  key: string;
  id: string;
  externalNumber: string;
  commercialModel: string;
  purchaseOrderNumbers: string[];
  customer: Customer;
  start: number;
  endExclusive: number;
  rampEndExclusive: number;
  amendment: number;
  periods: PeriodRecord[];
  items: ContractItem[];
  planId: string;
}

/** Months of observations kept per org; older ones are derived again when asked for. */
export const MONTH_CACHE_LIMIT = 36;
/** Ignore observation months this far outside the history (a range reaching year 9999). */
const MAX_MONTHS = 1200;

/** Resources per org (users + devices): a cap on the org's size. */
const RESOURCE_SLOTS = 2 ** 20;

/** Sort key putting newer dates first, ties broken by id. */
export function newestFirstKey(ms: number, id: string): string {
  const ymd = Number(formatDate(ms).replaceAll('-', ''));
  return `${String(99_999_999 - ymd).padStart(8, '0')}|${id}`;
}

export class OrgHistory {
  /** Every product the org has on its contracts, in catalogue order. */
  readonly products: Product[];
  /** Products observed per resource (licences and devices): the billable-usage charges. */
  readonly observedProducts: Product[];
  readonly resources: string[];
  readonly contracts: ContractRecord[];
  readonly customer: Customer;
  /** First instant of the history (the first contract's start). */
  readonly start: number;
  readonly trustCreated: number;
  /** TrusteeBillingOverview.subscriptionType: the org's, else drawn from the seed. */
  readonly subscriptionType: SubscriptionType;
  /** Filled while the history is built, then kept as columns in `assignments`. */
  private building: Assignment[] = [];
  /** Licences and devices held over time, as columns (read by the month derivation). */
  readonly assignments: Assignments;
  /** `{"name":"…","date":"` of every resource: report rows start with these bytes. */
  private readonly prefixes: NamePrefixes;
  private readonly isDevice: boolean[];
  private readonly months = new Map<number, MonthObservations>();
  private readonly seedBase: number;
  /** Golden metered totals per (SKU, month number), when pinned. */
  private readonly meteredTotal: PinnedOrg['meteredTotal'] | undefined;

  constructor(
    private readonly data: SeededData,
    readonly org: PureCloudOrg,
    /** Golden data over the seeded history (data/golden.ts): where given, it decides. */
    pinned?: PinnedOrg,
  ) {
    const key = `purecloud/org:${org.id}`;
    const rng = data.rng(`${key}/products`);
    this.seedBase = data.seedFor(`${key}/observations`);
    const addOns = ADD_ONS.filter(() => rng.bool(0.5));
    const metered = METERED.filter((_, i) => i === 0 || rng.bool(0.6));
    const tokenBased = org.tokenBased ?? rng.bool(0.5);
    const devices = pinned?.devices?.length ?? org.devices ?? 4;
    const skus = new Set([
      ...BASE_LICENCES,
      ...addOns,
      ...(devices > 0 ? [DEVICE] : []),
      ...metered,
      ...(tokenBased ? [TOKENS, ...CONVERTED] : []),
      ...(pinned?.skus ?? []),
    ]);
    this.products = [...skus].map((sku) => pinned?.product(bySku(sku)) ?? bySku(sku));
    this.observedProducts = this.products.filter((p) => p.kind === 'licence' || p.kind === 'device');
    this.isDevice = this.observedProducts.map((p) => p.kind === 'device');
    if ((pinned?.users?.length ?? org.users ?? 40) + devices >= RESOURCE_SLOTS)
      throw new RangeError(`org ${org.id}: users + devices must stay below ${RESOURCE_SLOTS}`);
    this.contracts = this.buildContracts(rng.int(0, 11), pinned?.contracts);
    this.start = this.contracts[0]?.start ?? Date.UTC(2024, 0, 1);
    this.trustCreated = addDays(this.start, -rng.int(3, 40));
    this.subscriptionType = org.subscriptionType ?? data.rng(`${key}/subscription`).pick(SUBSCRIPTION_TYPES);
    this.customer = this.contracts[0]?.customer ?? {
      id: data.uuid(`${key}/customer`),
      number: '',
      name: org.name,
    };
    this.resources = [];
    if (pinned?.users) this.pinPeople(pinned.users);
    else this.buildPeople(org.users ?? 40);
    if (pinned?.devices) this.pinDevices(pinned.devices);
    else this.buildDevices(devices);
    this.assignments = new Assignments(this.building, this.observedProducts.length);
    this.building = [];
    if (!this.assignments.inResourceOrder()) throw new Error('assignments must be made in resource order');
    this.meteredTotal = pinned?.meteredTotal;
    this.fillPrepaid();
    if (pinned?.contracts) this.pinQuantities(pinned.contracts);
    this.prefixes = new NamePrefixes(this.resources);
  }

  /** Golden users: exactly these, holding exactly these licences. */
  private pinPeople(users: NonNullable<PinnedOrg['users']>): void {
    for (const u of users) {
      const resource = this.resources.push(u.name) - 1;
      for (const h of u.holdings) this.pinHolding(resource, h);
    }
  }

  private pinDevices(devices: NonNullable<PinnedOrg['devices']>): void {
    for (const d of devices) this.pinHolding(this.resources.push(d.name) - 1, d.holding);
  }

  private pinHolding(resource: number, h: PinnedHolding): void {
    const product = this.observedProducts.findIndex((p) => p.sku === h.sku);
    this.assign(resource, product, h.from, h.to);
    if (h.observed) this.building[this.building.length - 1]!.observed = h.observed;
  }

  /** Golden commitments over the seeded estimates. */
  private pinQuantities(plan: readonly GoldenContract[]): void {
    this.contracts.forEach((contract, i) => {
      const pin = plan[i];
      for (const item of contract.items) {
        const prepaid = pin?.prepaid?.[item.product.sku];
        const fairuse = pin?.fairuse?.[item.product.sku];
        if (prepaid !== undefined) item.prepaid = prepaid;
        if (fairuse !== undefined) item.fairuse = fairuse;
      }
    });
  }

  private buildContracts(firstMonth: number, plan?: readonly GoldenContract[]): ContractRecord[] {
    const { data, org } = this;
    const key = `purecloud/org:${org.id}`;
    const faker = data.faker(`${key}/contracts`);
    const customer: Customer = {
      id: data.uuid(`${key}/customer`),
      number: `C${faker.string.numeric(7)}`,
      name: org.name,
    };
    const count = plan?.length ?? Math.max(1, org.contracts ?? 5);
    const contracts: ContractRecord[] = [];
    let start = Date.UTC(2024, firstMonth, 1);
    for (let i = 0; i < count; i++) {
      const ckey = `${key}/contract:${i}`;
      const rng = data.rng(ckey);
      const pin = plan?.[i];
      if (pin) start = Date.parse(`${pin.start}T00:00:00Z`);
      const drawn = rng.pick([12, 24, 36]);
      const months = pin?.months ?? drawn;
      const id = data.uuid(`${ckey}/id`);
      const periods: PeriodRecord[] = [];
      for (let p = 0; p < months; p++) {
        const endExclusive = monthStart(start, p + 1);
        periods.push({
          id: data.uuid(`${ckey}/period:${p}`),
          index: p,
          start: monthStart(start, p),
          lastDay: addDays(endExclusive, -1),
          endExclusive,
        });
      }
      contracts.push({
        key: newestFirstKey(start, id),
        id,
        externalNumber: pinnedOr(pin?.externalNumber, `CN-${faker.string.numeric(6)}`),
        commercialModel: pinnedOr(pin?.commercialModel, rng.pick(['Subscription', 'Consumption'])),
        purchaseOrderNumbers: [`PO-${faker.string.alphanumeric({ length: 8, casing: 'upper' })}`],
        customer,
        start,
        endExclusive: monthStart(start, months),
        rampEndExclusive: monthStart(start, 2),
        amendment: monthStart(start, rng.int(Math.min(1, months - 1), months - 1)),
        periods,
        items: this.products.map((product) => ({
          product,
          productId: data.uuid(`purecloud/product:${product.sku}`),
          prepaid: 0,
          fairuse: 0,
        })),
        planId: data.uuid(`${ckey}/plan`),
      });
      start = monthStart(start, months);
    }
    return contracts;
  }

  private buildPeople(count: number): void {
    const { data, org } = this;
    const key = `purecloud/org:${org.id}`;
    const faker = data.faker(`${key}/people`);
    const domain = `${org.name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`;
    const seen = new Set<string>();
    const index = (sku: string) => this.observedProducts.findIndex((p) => p.sku === sku);
    const addOns = this.observedProducts.filter((p) => ADD_ONS.includes(p.sku)).map((p) => p.sku);
    const weights = [3, 4, 2, 1];
    const span = 3 * 365 * DAY_MS;
    for (let i = 0; i < count; i++) {
      const rng = data.rng(`${key}/user:${i}`);
      const first = faker.person
        .firstName()
        .toLowerCase()
        .replace(/[^a-z]/g, '');
      const last = faker.person
        .lastName()
        .toLowerCase()
        .replace(/[^a-z]/g, '');
      let email = `${first}.${last}@${domain}`;
      if (seen.has(email)) email = `${first}.${last}.${i}@${domain}`;
      seen.add(email);
      const resource = this.resources.push(email) - 1;
      const joined = rng.bool(0.6)
        ? this.start + rng.int(0, 20) * DAY_MS + rng.int(8 * 3600, 18 * 3600) * 1000
        : this.start + Math.floor((rng.next() * span) / 1000) * 1000;
      const left = rng.bool(0.15) ? joined + rng.int(90, 900) * DAY_MS : Number.POSITIVE_INFINITY;
      let licence = weightedPick(weights, rng.next());
      let from = joined;
      if (rng.bool(0.25)) {
        // One licence change (upgrade or downgrade) during employment.
        const changeAt = joined + rng.int(30, 700) * DAY_MS;
        if (changeAt < left) {
          this.assign(resource, index(BASE_LICENCES[licence]!), from, changeAt);
          licence = (licence + 1 + rng.int(0, 2)) % BASE_LICENCES.length;
          from = changeAt;
        }
      }
      this.assign(resource, index(BASE_LICENCES[licence]!), from, left);
      if (addOns.length > 0 && rng.bool(0.2)) {
        const addOnFrom = joined + rng.int(0, 200) * DAY_MS;
        if (addOnFrom < left) this.assign(resource, index(rng.pick(addOns)), addOnFrom, left);
      }
    }
  }

  private buildDevices(count: number): void {
    const product = this.observedProducts.findIndex((p) => p.sku === DEVICE);
    for (let i = 0; i < count; i++) {
      const rng = this.data.rng(`purecloud/org:${this.org.id}/device:${i}`);
      const resource = this.resources.push(this.data.uuid(`purecloud/org:${this.org.id}/device:${i}`)) - 1;
      this.assign(resource, product, this.start + rng.int(0, 60) * DAY_MS, Number.POSITIVE_INFINITY);
    }
  }

  private assign(resource: number, product: number, from: number, to: number): void {
    const seed = Math.imul(this.seedBase ^ (this.building.length + 1), 0x9e3779b1) >>> 0;
    this.building.push({ resource, product, from, to, seed });
  }

  /** Commitments: what each contract's customer expected to use when it signed. */
  private fillPrepaid(): void {
    for (const contract of this.contracts) {
      const rng = this.data.rng(`purecloud/contract:${contract.id}/quantities`);
      const active = new Map<string, number>();
      const { from, to, product } = this.assignments;
      for (let i = 0; i < from.length; i++) {
        if (from[i]! <= contract.start + 31 * DAY_MS && to[i]! > contract.start) {
          const sku = this.observedProducts[product[i]!]!.sku;
          active.set(sku, (active.get(sku) ?? 0) + 1);
        }
      }
      for (const item of contract.items) {
        const { kind, sku } = item.product;
        if (kind === 'licence' || kind === 'device') {
          item.prepaid = Math.round((active.get(sku) ?? 0) * (0.6 + 0.4 * rng.next()));
        } else if (kind === 'metered') {
          item.fairuse = Math.round(this.meteredBase(item.product) * (0.7 + 0.5 * rng.next()));
        } else if (kind === 'token') {
          item.prepaid = Math.round(this.tokenBase() * (0.5 + 0.6 * rng.next()));
        }
      }
    }
  }

  private meteredBase(product: Product): number {
    const users = Math.max(1, this.org.users ?? 40);
    const perUser: Record<string, number> = {
      'PC-170-NV-STORAGE': 2,
      'PC-170-NV-APIOVG': 400,
      'PC-170-NV-SMS': 30,
      'PC-170-NV-COPILOT': 20,
      'PC-170-NV-VBOT': 10,
    };
    return users * (perUser[product.sku] ?? 10);
  }

  private tokenBase(): number {
    let tokens = 0;
    for (const p of this.products)
      if (p.kind === 'converted') tokens += this.meteredBase(p) * (p.tokenConversionRate ?? 0);
    return tokens;
  }

  /** The contract in force at `ms`, if any. */
  contractAt(ms: number): ContractRecord | undefined {
    return this.contracts.find((c) => c.start <= ms && ms < c.endExclusive);
  }

  /** The observations of the month starting at `start` (UTC midnight of a 1st). */
  month(start: number): MonthObservations {
    const hit = this.months.get(start);
    if (hit) {
      // Least recently used goes first: re-insert on every hit.
      this.months.delete(start);
      this.months.set(start, hit);
      return hit;
    }
    const built = this.buildMonth(start);
    if (this.months.size >= MONTH_CACHE_LIMIT) this.months.delete(this.months.keys().next().value!);
    this.months.set(start, built);
    return built;
  }

  private buildMonth(start: number): MonthObservations {
    return deriveMonth(start, this.assignments, this.isDevice, this.namePrefixes());
  }

  /** `{"name":"…","date":"` of every resource, rendered with the history (once per org). */
  namePrefixes(): NamePrefixes {
    return this.prefixes;
  }

  /**
   * The months overlapping [from, to] that can hold observations: none before the history
   * started, none at or after `cutoff` (nothing is observed before it happens).
   */
  monthsIn(from: number, to: number, cutoff: number): number[] {
    const lo = Math.max(from, this.start);
    const hi = Math.min(to, cutoff - 1);
    const out: number[] = [];
    if (lo > hi) return out;
    for (let m = monthStart(lo); m <= hi && out.length < MAX_MONTHS; m = monthStart(m, 1)) out.push(m);
    return out;
  }

  /**
   * Observations of product `p` (index into observedProducts) with instant in [from, to] and
   * before `cutoff`: per month, the slice [lo, hi) of that month's sorted arrays.
   */
  slices(
    p: number,
    from: number,
    to: number,
    cutoff: number,
  ): { month: ProductMonth; lo: number; hi: number }[] {
    const out: { month: ProductMonth; lo: number; hi: number }[] = [];
    const last = Math.min(to, cutoff - 1);
    for (const m of this.monthsIn(from, to, cutoff)) {
      const month = this.month(m).products[p]!;
      // Instants are whole seconds from the month's start: compare in seconds.
      const lo = lowerBound(month.seconds, (from - m) / 1000);
      const hi = lowerBound(month.seconds, (last + 1 - m) / 1000);
      if (hi > lo) out.push({ month, lo, hi });
    }
    return out;
  }

  /** How many observations of product `p` fall in [from, to] before `cutoff`. */
  count(p: number, from: number, to: number, cutoff: number): number {
    let n = 0;
    for (const s of this.slices(p, from, to, cutoff)) n += s.hi - s.lo;
    return n;
  }

  /** Whether anything at all was observed in [from, to] between two cut-offs. */
  observedBetween(from: number, to: number, oldCutoff: number, newCutoff: number): boolean {
    if (newCutoff <= oldCutoff) return false;
    const lo = Math.max(from, oldCutoff);
    for (let p = 0; p < this.observedProducts.length; p++) {
      if (this.count(p, lo, to, newCutoff) > 0) return true;
    }
    return false;
  }

  /**
   * Metered quantity of `product` in the billing period [start, endExclusive) as measured up to
   * `cutoff`: the period's total accrues evenly, so an open period grows day by day.
   */
  metered(product: Product, start: number, endExclusive: number, cutoff: number): number {
    if (endExclusive <= this.start || cutoff <= start) return 0;
    const u = unit(this.seedBase ^ hashSku(product.sku), monthNumber(start));
    const total =
      this.meteredTotal?.(product.sku, monthNumber(start)) ??
      Math.round(this.meteredBase(product) * (0.6 + 0.9 * u));
    const from = Math.max(start, this.start);
    const fraction = Math.min(1, (Math.min(cutoff, endExclusive) - from) / (endExclusive - start));
    return Math.max(0, Math.floor(total * fraction));
  }

  /** Index of a product in observedProducts, or -1 when it is not observed per resource. */
  observedIndex(product: Product): number {
    return this.observedProducts.indexOf(product);
  }
}

/** The golden value when there is one; the seeded draw is made either way (later draws stay put). */
function pinnedOr<T>(pinned: T | undefined, drawn: T): T {
  return pinned === undefined ? drawn : pinned;
}

function hashSku(sku: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < sku.length; i++) h = Math.imul(h ^ sku.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** First index whose value is >= x. */
function lowerBound(values: Uint32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function weightedPick(weights: readonly number[], point: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let rest = point * total;
  for (let i = 0; i < weights.length; i++) {
    rest -= weights[i]!;
    if (rest < 0) return i;
  }
  return weights.length - 1;
}
