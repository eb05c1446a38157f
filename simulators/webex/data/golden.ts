import { ConfigError, type Kernel, type SeededData } from '../../kernel/index.js';
import {
  DATA_SCHEMA,
  resolveSizes,
  type WebexData,
  type WebexDataSizes,
  type WebexPartner,
} from '../options.js';
import { parseDay } from './dates.js';
import { encodeId } from './ids.js';
import {
  BROADWORKS_PACKAGES,
  buildDataset,
  PACKAGES_SINCE_2026_04_01,
  type PartnerDataset,
  type SimCustomer,
  type SimUser,
  type Subscription,
  WHOLESALE_PACKAGES,
} from './world.js';

/**
 * Golden data: customers a partner has for certain, with the packages they hold per day. Each
 * pinned customer becomes part of the partner's one dataset, so every report (PARTNER, CUSTOMER,
 * USER, BroadWorks) is a projection of the same subscriptions. A package's quantities per day
 * become seats: seat k is held on the days the quantity is at least k, so a CUSTOMER row's
 * `dailyQuantities` are exactly the pinned quantities.
 */

/** A package held by `quantity` seats on each day of [from, to] (`to` absent: still held). */
export interface GoldenPackageSpan {
  package: string;
  quantity: number;
  from: string;
  to?: string;
}

/** One named user and what they hold. */
export interface GoldenUser {
  email: string;
  uuid?: string;
  packages?: { package: string; from: string; to?: string }[];
  broadworks?: { package: string; from: string; to?: string };
}

export interface GoldenCustomer {
  name: string;
  orgUuid?: string;
  externalId?: string;
  /** A sub-partner of the partner the customer is billed through. */
  subPartnerOrgUuid?: string;
  /** The partner's own lab organization: only in reports created with `internal: true`. */
  internal?: boolean;
  enterpriseId?: string;
  groupId?: string;
  /** Wholesale packages with their quantities per day. */
  packages?: GoldenPackageSpan[];
  /** Webex for BroadWorks packages with their quantities per day. */
  broadworks?: GoldenPackageSpan[];
  users?: GoldenUser[];
}

export interface GoldenPartner {
  orgUuid: string;
  /** Keep the seeded customers beside the pinned ones. Default false: these are all of them. */
  seeded?: boolean;
  customers: GoldenCustomer[];
}

const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (UTC)' };
const UUID = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
};

const span = (packages: readonly string[]) => ({
  type: 'object',
  required: ['package', 'quantity', 'from'],
  additionalProperties: false,
  properties: {
    package: { enum: [...packages] },
    quantity: { type: 'integer', minimum: 0, maximum: 10_000 },
    from: DAY,
    to: DAY,
  },
});

const held = (packages: readonly string[]) => ({
  type: 'object',
  required: ['package', 'from'],
  additionalProperties: false,
  properties: { package: { enum: [...packages] }, from: DAY, to: DAY },
});

/** The `partners` member of Webex's `data:` schema. */
export const GOLDEN_PARTNERS_SCHEMA = {
  type: 'array',
  maxItems: 100,
  description: 'pinned customers per partner (a partner of the `partners` option); see docs/webex.md',
  items: {
    type: 'object',
    required: ['orgUuid', 'customers'],
    additionalProperties: false,
    properties: {
      orgUuid: { type: 'string', minLength: 1 },
      seeded: { type: 'boolean', default: false, description: 'keep the seeded customers beside these' },
      customers: {
        type: 'array',
        maxItems: 1000,
        items: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            orgUuid: UUID,
            externalId: { type: 'string', minLength: 1 },
            subPartnerOrgUuid: { type: 'string', minLength: 1 },
            internal: { type: 'boolean', default: false },
            enterpriseId: { type: 'string', minLength: 1 },
            groupId: { type: 'string', minLength: 1 },
            packages: { type: 'array', maxItems: 1000, items: span(WHOLESALE_PACKAGES) },
            broadworks: { type: 'array', maxItems: 1000, items: span(BROADWORKS_PACKAGES) },
            users: {
              type: 'array',
              maxItems: 10_000,
              items: {
                type: 'object',
                required: ['email'],
                additionalProperties: false,
                properties: {
                  email: { type: 'string', minLength: 3 },
                  uuid: UUID,
                  packages: { type: 'array', maxItems: 100, items: held(WHOLESALE_PACKAGES) },
                  broadworks: held(BROADWORKS_PACKAGES),
                },
              },
            },
          },
        },
      },
    },
  },
};

/** Seats a customer's pinned spans may add up to: the dataset stays bounded. */
export const MAX_GOLDEN_SEATS = 100_000;
const NEW_PACKAGES_DAY = Date.UTC(2026, 3, 1) / 86_400_000;

/**
 * Mistakes the schema cannot see, as `<JSON pointer>: <problem>` lines (pointers under `/partners`):
 * unknown partners and sub-partners, days that do not exist or run backwards, packages before
 * Cisco offered them, duplicate customers.
 */
export function goldenProblems(partners: readonly GoldenPartner[], known: readonly WebexPartner[]): string[] {
  const problems: string[] = [];
  const seenPartners = new Set<string>();
  partners.forEach((gp, p) => {
    const at = `/partners/${p}`;
    const partner = known.find((k) => k.orgUuid === gp.orgUuid);
    if (!partner) {
      problems.push(
        `${at}/orgUuid: names no configured partner (have: ${known.map((k) => k.orgUuid).join(', ')})`,
      );
      return;
    }
    if (seenPartners.has(gp.orgUuid)) problems.push(`${at}/orgUuid: the partner is pinned twice`);
    seenPartners.add(gp.orgUuid);
    const names = new Set<string>();
    gp.customers.forEach((c, i) => {
      const cat = `${at}/customers/${i}`;
      if (names.has(c.name)) problems.push(`${cat}/name: two pinned customers are called "${c.name}"`);
      names.add(c.name);
      if (
        c.subPartnerOrgUuid !== undefined &&
        !(partner.subPartners ?? []).some((s) => s.orgUuid === c.subPartnerOrgUuid)
      )
        problems.push(`${cat}/subPartnerOrgUuid: is not a sub-partner of ${partner.name}`);
      const checkDays = (where: string, pkg: string, from: string, to: string | undefined) => {
        const f = parseDay(from);
        const t = to === undefined ? undefined : parseDay(to);
        if (f === undefined) problems.push(`${where}/from: no such day (got "${from}")`);
        if (to !== undefined && t === undefined) problems.push(`${where}/to: no such day (got "${to}")`);
        if (f !== undefined && t !== undefined && t < f)
          problems.push(`${where}/to: is before from (${to} < ${from})`);
        if (f !== undefined && f < NEW_PACKAGES_DAY && PACKAGES_SINCE_2026_04_01.includes(pkg as never))
          problems.push(`${where}/from: ${pkg} exists only from 2026-04-01 (got ${from})`);
      };
      let seats = 0;
      for (const key of ['packages', 'broadworks'] as const) {
        c[key]?.forEach((s, j) => {
          seats += s.quantity;
          checkDays(`${cat}/${key}/${j}`, s.package, s.from, s.to);
        });
      }
      if (seats > MAX_GOLDEN_SEATS)
        problems.push(`${cat}: pins ${seats} seats (at most ${MAX_GOLDEN_SEATS} per customer)`);
      const emails = new Set<string>();
      c.users?.forEach((u, j) => {
        const uat = `${cat}/users/${j}`;
        if (emails.has(u.email)) problems.push(`${uat}/email: two users have ${u.email}`);
        emails.add(u.email);
        u.packages?.forEach((s, k) => {
          checkDays(`${uat}/packages/${k}`, s.package, s.from, s.to);
        });
        if (u.broadworks)
          checkDays(`${uat}/broadworks`, u.broadworks.package, u.broadworks.from, u.broadworks.to);
      });
    });
  });
  return problems;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'customer'
  );
}

/**
 * The seats behind a package's spans: seat k (1-based) holds the package on the days the summed
 * quantity is at least k, as maximal runs of days. Open-ended spans give an open last run.
 */
export function seatRuns(spans: readonly { quantity: number; from: number; to: number | undefined }[]) {
  const points = new Set<number>();
  for (const s of spans) {
    points.add(s.from);
    if (s.to !== undefined) points.add(s.to + 1);
  }
  const cuts = [...points].sort((a, b) => a - b);
  // Segments [cuts[i], cuts[i+1]-1]; the last one is open.
  const segments = cuts.map((from, i) => {
    const next = cuts[i + 1];
    const to = next === undefined ? undefined : next - 1;
    let quantity = 0;
    for (const s of spans) {
      if (s.from <= from && (s.to === undefined || (to !== undefined && s.to >= to))) quantity += s.quantity;
    }
    return { from, to, quantity };
  });
  const most = segments.reduce((m, s) => Math.max(m, s.quantity), 0);
  const seats: Subscription[][] = [];
  for (let k = 1; k <= most; k++) {
    const runs: Subscription[] = [];
    for (const seg of segments) {
      if (seg.quantity < k) continue;
      const last = runs[runs.length - 1];
      if (last && last.to !== undefined && last.to + 1 === seg.from) last.to = seg.to;
      else runs.push({ pkg: '', from: seg.from, to: seg.to });
    }
    seats.push(runs);
  }
  return seats;
}

const day = (text: string) => parseDay(text) as number;
const dayOrOpen = (text: string | undefined) => (text === undefined ? undefined : day(text));

/** A pinned customer as the dataset holds it; what is not pinned is drawn from (seed, name). */
export function goldenCustomer(data: SeededData, partner: WebexPartner, c: GoldenCustomer): SimCustomer {
  const key = `webex:golden:${partner.orgUuid}:${c.name}`;
  const orgUuid = c.orgUuid ?? data.uuid(`${key}:org`);
  const domain = `${slug(c.name)}.example.com`;
  const enterpriseId = c.enterpriseId ?? `ent-${orgUuid.slice(0, 8)}`;
  const users: SimUser[] = [];
  const user = (local: string, n: string, wholesale: Subscription[], broadworks?: Subscription): SimUser => {
    const uuid = data.uuid(`${key}:user:${n}`);
    return {
      uuid,
      id: encodeId('PEOPLE', uuid),
      email: `${local}@${domain}`,
      broadworksUserId: broadworks ? `${local}@${enterpriseId}.bw.example.net` : '',
      wholesale,
      broadworks,
    };
  };
  for (const u of c.users ?? []) {
    const uuid = u.uuid ?? data.uuid(`${key}:user:${u.email}`);
    const local = u.email.split('@')[0] ?? u.email;
    users.push({
      uuid,
      id: encodeId('PEOPLE', uuid),
      email: u.email,
      broadworksUserId: u.broadworks ? `${local}@${enterpriseId}.bw.example.net` : '',
      wholesale: (u.packages ?? []).map((s) => ({ pkg: s.package, from: day(s.from), to: dayOrOpen(s.to) })),
      broadworks: u.broadworks
        ? { pkg: u.broadworks.package, from: day(u.broadworks.from), to: dayOrOpen(u.broadworks.to) }
        : undefined,
    });
  }
  for (const pkg of WHOLESALE_PACKAGES) {
    const spans = (c.packages ?? []).filter((s) => s.package === pkg);
    if (!spans.length) continue;
    seatRuns(spans.map((s) => ({ quantity: s.quantity, from: day(s.from), to: dayOrOpen(s.to) }))).forEach(
      (runs, k) => {
        const local = `${pkg.replaceAll('_', '-')}-${k + 1}`;
        users.push(
          user(
            local,
            `${pkg}:${k}`,
            runs.map((r) => ({ ...r, pkg })),
          ),
        );
      },
    );
  }
  for (const pkg of BROADWORKS_PACKAGES) {
    const spans = (c.broadworks ?? []).filter((s) => s.package === pkg);
    if (!spans.length) continue;
    seatRuns(spans.map((s) => ({ quantity: s.quantity, from: day(s.from), to: dayOrOpen(s.to) }))).forEach(
      (runs, k) => {
        // A BroadWorks user holds one package once: a seat held twice is two users.
        runs.forEach((r, j) => {
          const local = `bw-${pkg}-${k + 1}${j ? `.${j}` : ''}`;
          users.push(user(local, `bw:${pkg}:${k}:${j}`, [], { ...r, pkg }));
        });
      },
    );
  }
  const sub = partner.subPartners?.find((s) => s.orgUuid === c.subPartnerOrgUuid);
  return {
    orgUuid,
    orgId: encodeId('ORGANIZATION', orgUuid),
    name: c.name,
    externalId: c.externalId ?? data.uuid(`${key}:external`),
    subPartner: sub ? { ...sub, orgId: encodeId('ORGANIZATION', sub.orgUuid) } : undefined,
    internal: c.internal ?? false,
    enterpriseId,
    groupId: c.groupId ?? `grp-${orgUuid.slice(9, 13)}-main`,
    users,
  };
}

/**
 * The partners' datasets under the data in force: the seeded customers (unless a partner's pinned
 * list is all of them) and the pinned ones, built once per partner and dropped when the data
 * changes. A pure function of (seed, data).
 */
export class WebexWorld {
  private readonly datasets = new Map<string, PartnerDataset>();
  private sizes: Required<WebexDataSizes>;
  private pinned: readonly GoldenPartner[];

  constructor(
    private readonly kernel: Kernel,
    private readonly partners: readonly WebexPartner[],
    data: WebexData | undefined,
  ) {
    const checked = this.check(data);
    this.sizes = checked.sizes;
    this.pinned = checked.pinned;
  }

  /** Validates `data` (schema and the rules it cannot say); throws a ConfigError naming pointers. */
  private check(data: WebexData | undefined) {
    const problems = this.kernel.validator.check(DATA_SCHEMA, data ?? {});
    if (!problems.length) problems.push(...goldenProblems(data?.partners ?? [], this.partners));
    if (problems.length) throw new ConfigError(problems, 'webex data');
    return { sizes: resolveSizes(data), pinned: data?.partners ?? [] };
  }

  /** Replaces the data; on a mistake throws and keeps the world as it was. */
  set(data: WebexData | undefined): void {
    const checked = this.check(data);
    this.sizes = checked.sizes;
    this.pinned = checked.pinned;
    this.datasets.clear();
  }

  dataset(partner: WebexPartner): PartnerDataset {
    let ds = this.datasets.get(partner.orgUuid);
    if (!ds) {
      const pinned = this.pinned.find((p) => p.orgUuid === partner.orgUuid);
      const seeded = buildDataset(this.kernel.data, partner, this.sizes);
      if (pinned) {
        const golden = pinned.customers.map((c) => goldenCustomer(this.kernel.data, partner, c));
        seeded.customers = pinned.seeded ? [...seeded.customers, ...golden] : golden;
      }
      ds = seeded;
      this.datasets.set(partner.orgUuid, ds);
    }
    return ds;
  }
}
