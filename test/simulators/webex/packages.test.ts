import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { packageRoot } from '../../../contracts/files.js';
import { csvContracts } from '../../../contracts/index.js';
import { SeededData } from '../../../simulators/kernel/index.js';
import { wholesaleRows } from '../../../simulators/webex/data/csv.js';
import { parseDay } from '../../../simulators/webex/data/dates.js';
import {
  buildDataset,
  PACKAGES_SINCE_2026_04_01,
  WHOLESALE_PACKAGES,
} from '../../../simulators/webex/data/world.js';
import { DEMO_PARTNERS, WEBEX_DEFAULTS } from '../../../simulators/webex/options.js';

/** Cisco's `WholesalePackagesCustomer` enum (webex-wholesale.json, snapshot 2026-05-04), restated. */
const CISCO_PACKAGES = [
  'common_area_calling',
  'webex_calling',
  'webex_meetings',
  'webex_suite',
  'webex_voice',
  'cx_essentials',
  'webex_calling_standard',
  'cisco_calling_plan',
  'attendant_console',
  'cx_premium_agent',
  'cx_standard_agent',
  'cx_voice_ports',
  'cx_ai_assistant',
  'webex_ai_agent',
];

function partnerPackages(seed: number, start: string, end: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const partner of DEMO_PARTNERS) {
    const ds = buildDataset(new SeededData(seed), partner, WEBEX_DEFAULTS.data);
    const [header, ...rows] = [
      ...wholesaleRows(ds, {
        start: parseDay(start) as number,
        end: parseDay(end) as number,
        type: 'PARTNER',
        subPartnerOrgUuid: undefined,
        internal: false,
      }),
    ];
    const pkg = (header as string[]).indexOf('package');
    const qty = (header as string[]).indexOf('quantity');
    for (const r of rows) out.set(r[pkg] as string, (out.get(r[pkg] as string) ?? 0) + Number(r[qty]));
  }
  return out;
}

describe('Webex wholesale packages', () => {
  it('the data, every wholesale CSV contract and the default rate card know all 14 of Cisco’s packages', () => {
    expect([...WHOLESALE_PACKAGES].sort()).toEqual([...CISCO_PACKAGES].sort());
    for (const name of ['webex-wholesale-partner', 'webex-wholesale-customer', 'webex-wholesale-user']) {
      const file = parseYaml(
        readFileSync(join(packageRoot(), 'contracts/csv', `${name}.csv.yaml`), 'utf8'),
      ) as {
        columns: { name: string; schema?: { enum?: string[] } }[];
      };
      const column = file.columns.find((c) => c.name === 'package');
      expect([...(column?.schema?.enum ?? [])].sort(), name).toEqual([...CISCO_PACKAGES].sort());
      expect(csvContracts().get(name).columns).toContain('package');
    }
    const card = parseYaml(
      readFileSync(join(packageRoot(), 'harness/rate-card/default-rate-card.yaml'), 'utf8'),
    ) as { vendors: { webex: { products: Record<string, { unitPrice: number }> } } };
    for (const pkg of CISCO_PACKAGES)
      expect(card.vendors.webex.products[pkg]?.unitPrice, pkg).toBeGreaterThan(0);
  });

  it('seeded partners hold a realistic mix: all 14 after 2026-04-01, the five newer ones never before', () => {
    for (const seed of [1, 2, 3]) {
      const before = partnerPackages(seed, '2026-02-01', '2026-03-31');
      for (const pkg of PACKAGES_SINCE_2026_04_01)
        expect(before.has(pkg), `${pkg} before 2026-04-01`).toBe(false);
      const after = partnerPackages(seed, '2026-09-01', '2026-09-30');
      expect([...after.keys()].sort(), `seed ${seed}`).toEqual([...CISCO_PACKAGES].sort());
      // A mix, not a flat spread: the main seat packages outnumber the add-ons and the AI agent.
      const qty = (p: string) => after.get(p) ?? 0;
      expect(qty('webex_suite') + qty('webex_calling')).toBeGreaterThan(qty('attendant_console') * 3);
      expect(qty('cx_standard_agent')).toBeGreaterThan(qty('webex_ai_agent'));
    }
  });
});
