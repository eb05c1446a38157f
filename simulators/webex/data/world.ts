import type { SeededData } from '../../kernel/index.js';
import type { WebexDataSizes, WebexPartner, WebexSubPartner } from '../options.js';
import { encodeId } from './ids.js';

/**
 * The seeded world behind the billing reports: each partner's customers, their users and the
 * packages each user held, as day intervals on an absolute calendar. A report for any dates is a
 * pure function of (seed, partner, parameters), so totals agree across report types and instances.
 */

/**
 * Cisco's 14 wholesale packages (`WholesalePackagesCustomer` [C]), in the order report rows list
 * them: the seven original ones first, then the newer ones.
 */
export const WHOLESALE_PACKAGES = [
  'webex_calling',
  'webex_calling_standard',
  'webex_meetings',
  'webex_suite',
  'webex_voice',
  'common_area_calling',
  'cx_essentials',
  'cisco_calling_plan',
  'attendant_console',
  'cx_standard_agent',
  'cx_premium_agent',
  'cx_voice_ports',
  'cx_ai_assistant',
  'webex_ai_agent',
] as const;

export type WholesalePackage = (typeof WHOLESALE_PACKAGES)[number];

/** The five contact-centre and AI packages Cisco added on 2026-04-01 [C]: nobody holds them earlier. */
export const PACKAGES_SINCE_2026_04_01: readonly WholesalePackage[] = [
  'cx_premium_agent',
  'cx_standard_agent',
  'cx_voice_ports',
  'cx_ai_assistant',
  'webex_ai_agent',
];
const NEW_PACKAGES_DAY = Date.UTC(2026, 3, 1) / 86_400_000;

export const BROADWORKS_PACKAGES = ['basic', 'standard', 'premium', 'softphone'] as const;

export interface Subscription {
  pkg: string;
  /** First day held (day number). */
  from: number;
  /** Last day held, inclusive; undefined while still held. */
  to: number | undefined;
}

export interface SimUser {
  uuid: string;
  id: string;
  email: string;
  broadworksUserId: string;
  wholesale: Subscription[];
  /** Undefined for contact-centre voice ports and AI agents: they have no BroadWorks seat. */
  broadworks: Subscription | undefined;
}

export interface SimCustomer {
  orgUuid: string;
  orgId: string;
  name: string;
  externalId: string;
  subPartner: (WebexSubPartner & { orgId: string }) | undefined;
  /** The partner's own lab/demo organization: only in reports created with `internal: true`. */
  internal: boolean;
  enterpriseId: string;
  groupId: string;
  users: SimUser[];
}

export interface PartnerDataset {
  partner: WebexPartner;
  orgId: string;
  customers: SimCustomer[];
}

/** 2019-01-01: the earliest day any seeded subscription starts. */
const ANCHOR_DAY = Date.UTC(2019, 0, 1) / 86_400_000;

const MAIN_PACKAGES: readonly string[] = [
  'webex_suite',
  'webex_suite',
  'webex_calling',
  'webex_calling',
  'webex_calling_standard',
  'webex_meetings',
  'webex_voice',
];

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'customer'
  );
}

export function buildDataset(
  data: SeededData,
  partner: WebexPartner,
  sizes: Required<WebexDataSizes>,
): PartnerDataset {
  const base = `webex:partner:${partner.orgUuid}`;
  const rng = data.rng(`${base}:sizes`);
  const count = rng.int(sizes.customers[0], sizes.customers[1]);
  const customers: SimCustomer[] = [];
  for (let c = 0; c < count; c++)
    customers.push(buildCustomer(data, partner, `${base}:customer:${c}`, sizes, false));
  // Every partner has one internal (lab) organization.
  customers.push(buildCustomer(data, partner, `${base}:customer:lab`, sizes, true));
  return { partner, orgId: encodeId('ORGANIZATION', partner.orgUuid), customers };
}

function buildCustomer(
  data: SeededData,
  partner: WebexPartner,
  key: string,
  sizes: Required<WebexDataSizes>,
  internal: boolean,
): SimCustomer {
  const faker = data.faker(key);
  const rng = data.rng(`${key}:shape`);
  const orgUuid = data.uuid(`${key}:org`);
  const name = internal ? `${partner.name} Lab` : faker.company.name();
  const domain = `${slug(name)}.example.com`;
  const subs = partner.subPartners ?? [];
  const sub = !internal && subs.length > 0 && rng.bool(0.4) ? rng.pick(subs) : undefined;
  const onboarded = ANCHOR_DAY + rng.int(0, 1800);
  const userCount = internal
    ? Math.max(1, Math.min(3, sizes.usersPerCustomer[1]))
    : rng.int(...sizes.usersPerCustomer);
  const enterpriseId = `ent-${orgUuid.slice(0, 8)}`;
  const users: SimUser[] = [];
  const taken = new Set<string>();
  for (let u = 0; u < userCount; u++) {
    const userRng = data.rng(`${key}:user:${u}`);
    const uuid = userRng.uuid();
    const workspace = userRng.bool(0.08);
    let local: string;
    if (workspace) local = `room-${u + 1}`;
    else {
      const first =
        faker.person
          .firstName()
          .toLowerCase()
          .replace(/[^a-z]/g, '') || 'user';
      const last =
        faker.person
          .lastName()
          .toLowerCase()
          .replace(/[^a-z]/g, '') || String(u);
      local = `${first}.${last}`;
    }
    while (taken.has(local)) local = `${local}${u}`;
    taken.add(local);
    const from = onboarded + userRng.int(0, 900);
    const to = userRng.bool(0.25) ? from + userRng.int(20, 1200) : undefined;
    const main = workspace ? 'common_area_calling' : userRng.pick(MAIN_PACKAGES);
    const wholesale: Subscription[] = [{ pkg: main, from, to }];
    if (!workspace && main !== 'webex_meetings' && userRng.bool(0.15)) {
      const addFrom = from + userRng.int(0, 300);
      if (to === undefined || addFrom <= to) wholesale.push({ pkg: 'cx_essentials', from: addFrom, to });
    }
    users.push({
      uuid,
      id: encodeId('PEOPLE', uuid),
      email: `${local}@${domain}`,
      broadworksUserId: `${local}@${enterpriseId}.bw.example.net`,
      wholesale,
      broadworks: { pkg: userRng.pick(BROADWORKS_PACKAGES), from, to },
    });
  }
  addNewerPackages(data, key, users, onboarded, domain, internal);
  return {
    orgUuid,
    orgId: encodeId('ORGANIZATION', orgUuid),
    name,
    externalId: data.uuid(`${key}:external`),
    subPartner: sub ? { ...sub, orgId: encodeId('ORGANIZATION', sub.orgUuid) } : undefined,
    internal,
    enterpriseId,
    groupId: `grp-${orgUuid.slice(9, 13)}-main`,
    users,
  };
}

/**
 * The packages beyond the original seven, drawn from their own seeded streams so the original
 * subscriptions stay as they were [R mix]: a Cisco Calling Plan (PSTN) on about a fifth of the
 * calling users, an attendant console on one or two receptionists of larger customers, and in
 * about a third of the customers a contact centre (standard and premium agents, some with the AI
 * assistant, voice ports and an AI agent) — the contact-centre and AI packages from 2026-04-01.
 */
function addNewerPackages(
  data: SeededData,
  key: string,
  users: SimUser[],
  onboarded: number,
  domain: string,
  internal: boolean,
): void {
  const calling = new Set(['webex_calling', 'webex_calling_standard', 'webex_suite']);
  const people = users.filter((u) => u.wholesale[0]?.pkg !== 'common_area_calling');
  users.forEach((user, u) => {
    const rng = data.rng(`${key}:user:${u}:newer`);
    const main = user.wholesale[0] as Subscription;
    if (calling.has(main.pkg) && rng.bool(0.2)) {
      user.wholesale.push({ pkg: 'cisco_calling_plan', from: main.from + rng.int(0, 60), to: main.to });
    }
  });
  const cust = data.rng(`${key}:newer`);
  if (people.length >= 8) {
    for (const user of people.slice(0, cust.int(1, 2))) {
      const main = user.wholesale[0] as Subscription;
      user.wholesale.push({ pkg: 'attendant_console', from: main.from, to: main.to });
    }
  }
  if (internal || people.length < 4 || !cust.bool(0.35)) return;
  // Contact centre: starts on or after 2026-04-01, when the packages exist.
  const opens = Math.max(NEW_PACKAGES_DAY, onboarded) + cust.int(0, 120);
  const live = (from: number, to: number | undefined) =>
    to === undefined || to >= from ? { from, to } : undefined;
  const agents = people.slice(0, Math.max(2, Math.floor(people.length * (0.2 + 0.3 * cust.next()))));
  agents.forEach((user, i) => {
    const main = user.wholesale[0] as Subscription;
    const span = live(Math.max(opens, main.from), main.to);
    if (!span) return;
    const premium = i % 4 === 0;
    user.wholesale.push({ pkg: premium ? 'cx_premium_agent' : 'cx_standard_agent', ...span });
    if (premium || cust.bool(0.3)) user.wholesale.push({ pkg: 'cx_ai_assistant', ...span });
  });
  const service = (kind: string, n: number, pkg: WholesalePackage, from: number) => {
    const uuid = data.uuid(`${key}:${kind}:${n}`);
    users.push({
      uuid,
      id: encodeId('PEOPLE', uuid),
      email: `${kind}-${n + 1}@${domain}`,
      broadworksUserId: '',
      wholesale: [{ pkg, from, to: undefined }],
      broadworks: undefined,
    });
  };
  const ports = cust.int(2, 10);
  for (let n = 0; n < ports; n++) service('voice-port', n, 'cx_voice_ports', opens);
  if (cust.bool(0.6)) service('ai-agent', 0, 'webex_ai_agent', opens + cust.int(0, 60));
}

/** Days of [start, end] on which the subscription was held: first, last, count. */
export function overlap(
  sub: Subscription,
  start: number,
  end: number,
): { first: number; last: number; days: number } | undefined {
  const first = Math.max(sub.from, start);
  const last = Math.min(sub.to ?? Number.POSITIVE_INFINITY, end);
  if (last < first) return undefined;
  return { first, last, days: last - first + 1 };
}
