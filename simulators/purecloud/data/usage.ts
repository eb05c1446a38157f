import type { SeededData } from '../../kernel/index.js';
import { formatDateTime } from '../dates.js';
import type { PureCloudOrg } from '../options.js';
import { DEVICE_CHARGE, USER_ADD_ONS, USER_LICENCES } from './catalog.js';

export interface BillingUsageResource {
  name: string;
  date: string;
}

export interface BillingUsage {
  name: string;
  totalUsage: string;
  resources: BillingUsageResource[];
}

interface RosterEntry {
  /** User email or device id, the resource name in the report. */
  name: string;
  charges: string[];
}

/** The org's licensed users and devices: a pure function of (seed, org). */
export function roster(data: SeededData, org: PureCloudOrg): RosterEntry[] {
  const faker = data.faker(`purecloud/org:${org.id}/roster`);
  const domain = `${org.name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`;
  const entries: RosterEntry[] = [];
  const seen = new Set<string>();
  const totalWeight = USER_LICENCES.reduce((sum, l) => sum + l.weight, 0);
  for (let i = 0; i < (org.users ?? 40); i++) {
    const rng = data.rng(`purecloud/org:${org.id}/user:${i}`);
    let email = faker.internet
      .email({ firstName: faker.person.firstName(), lastName: faker.person.lastName(), provider: domain })
      .toLowerCase();
    if (seen.has(email)) email = email.replace('@', `.${i}@`);
    seen.add(email);
    const licence = weightedPick(USER_LICENCES, rng.next() * totalWeight);
    const charges: string[] = [licence.name];
    if (rng.bool(0.2)) charges.push(rng.pick(USER_ADD_ONS));
    entries.push({ name: email, charges });
  }
  for (let i = 0; i < (org.devices ?? 4); i++) {
    entries.push({ name: data.uuid(`purecloud/org:${org.id}/device:${i}`), charges: [DEVICE_CHARGE] });
  }
  return entries;
}

/**
 * Usages for [start, end]: each roster entry is active in the range or not, and when active
 * its first billable login falls inside the range. Pure function of (seed, org, start, end).
 */
export function billableUsages(
  data: SeededData,
  org: PureCloudOrg,
  start: number,
  end: number,
): BillingUsage[] {
  const byCharge = new Map<string, { name: string; at: number }[]>();
  for (const entry of roster(data, org)) {
    const rng = data.rng(`purecloud/org:${org.id}/usage:${start}-${end}/${entry.name}`);
    if (!rng.bool(0.85)) continue;
    // Whole seconds, as the service reports login instants.
    const at = Math.min(end, start + Math.floor((rng.next() * (end - start)) / 1000) * 1000);
    for (const charge of entry.charges) {
      const list = byCharge.get(charge) ?? [];
      list.push({ name: entry.name, at });
      byCharge.set(charge, list);
    }
  }
  return [...byCharge.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, resources]) => {
      resources.sort((a, b) => a.at - b.at || (a.name < b.name ? -1 : 1));
      return {
        name,
        totalUsage: String(resources.length),
        resources: resources.map((r) => ({ name: r.name, date: formatDateTime(r.at) })),
      };
    });
}

function weightedPick<T extends { weight: number }>(items: readonly T[], point: number): T {
  let rest = point;
  for (const item of items) {
    rest -= item.weight;
    if (rest < 0) return item;
  }
  return items[items.length - 1]!;
}
