import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { PureCloudOrg } from '../../../simulators/purecloud/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { type App, login, makeApp, manualClock } from './helpers.js';

/**
 * Property-based checks of the one-history model: random orgs, seeds, clock instants and
 * ranges, on a manual clock. Every view must agree with the billable-usage report.
 */
const guard = contractGuard();
const DAY = 86_400_000;
const USAGE = '/api/v2/billing/reports/billableusage';
const PARTNER = '00000000-0000-4000-8000-00000000000a';
const CUSTOMER = '00000000-0000-4000-8000-00000000000b';
const PERMISSIONS = [
  'billing:*:*',
  'affiliateOrganization:clientBilling:view',
  'authorization:orgTrustor:view',
];

interface World {
  seed: number;
  users: number;
  devices: number;
  contracts: number;
  tokenBased: boolean;
  /** Clock start, epoch ms. */
  now: number;
}

const world = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  users: fc.integer({ min: 1, max: 60 }),
  devices: fc.integer({ min: 0, max: 4 }),
  contracts: fc.integer({ min: 1, max: 4 }),
  tokenBased: fc.boolean(),
  now: fc.integer({ min: Date.UTC(2024, 1, 1), max: Date.UTC(2027, 11, 31) }),
});

/** An instant between 2023-10 and 2028-03, whole milliseconds. */
const instant = fc.integer({ min: Date.UTC(2023, 9, 1), max: Date.UTC(2028, 2, 1) });

function orgs(w: World): PureCloudOrg[] {
  const client = (id: string) => ({
    clientId: id,
    clientSecret: `${id}-secret`,
    name: id,
    permissions: PERMISSIONS,
  });
  return [
    {
      id: PARTNER,
      name: 'Partner Org',
      trustorOrgIds: [CUSTOMER],
      users: 1,
      devices: 0,
      clients: [client('partner')],
    },
    {
      id: CUSTOMER,
      name: 'Customer Org',
      users: w.users,
      devices: w.devices,
      contracts: w.contracts,
      tokenBased: w.tokenBased,
      clients: [client('customer')],
    },
  ];
}

function app(w: World, extra: Record<string, unknown> = {}): App {
  return makeApp(guard, {
    seed: w.seed,
    orgs: orgs(w),
    clock: manualClock(new Date(w.now).toISOString()),
    generation: { ms: 0 },
    ...extra,
  });
}

interface Report {
  status: string;
  usages: { name: string; totalUsage: string; resources: { name: string; date: string }[] }[];
}

async function report(a: App, bearer: string, start: number, end: number): Promise<Report> {
  const res = await request(a)
    .get(USAGE)
    .query({ startDate: new Date(start).toISOString(), endDate: new Date(end).toISOString() })
    .set('Authorization', bearer);
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('Complete');
  return res.body;
}

/** `charge|resource|date` of every listed resource. */
function triples(r: Report): string[] {
  return r.usages.flatMap((u) => u.resources.map((x) => `${u.name}|${x.name}|${x.date}`));
}

function totals(r: Report): Map<string, number> {
  return new Map(r.usages.map((u) => [u.name, Number(u.totalUsage)]));
}

const RUNS = { numRuns: 25, endOnFailure: true } as const;

describe('purecloud one-history invariants (fast-check)', () => {
  it('a report never lists usage after its data cut-off, and totals count the resources', async () => {
    await fc.assert(
      fc.asyncProperty(world, instant, instant, fc.boolean(), async (w, x, y, generation) => {
        const a = app(w, generation ? { usageCutoff: 'generation' } : {});
        const bearer = await login(a, 'customer');
        const [start, end] = x <= y ? [x, y] : [y, x];
        const r = await report(a, bearer, start, end);
        const cutoff = generation ? w.now : Math.floor(w.now / DAY) * DAY - 1;
        for (const u of r.usages) {
          expect(Number(u.totalUsage)).toBe(u.resources.length);
          for (const res of u.resources) {
            const at = Date.parse(res.date);
            expect(at).toBeLessThanOrEqual(cutoff);
            expect(at).toBeGreaterThanOrEqual(start);
            expect(at).toBeLessThanOrEqual(end);
          }
        }
      }),
      RUNS,
    );
  });

  it('a sub-range lists exactly the enclosing range’s resources inside it, same instants; counts never shrink', async () => {
    await fc.assert(
      fc.asyncProperty(
        world,
        instant,
        instant,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (w, x, y, p, q) => {
          const a = app(w);
          const bearer = await login(a, 'customer');
          const [start, end] = x <= y ? [x, y] : [y, x];
          const [f, g] = p <= q ? [p, q] : [q, p];
          const subStart = Math.floor(start + f * (end - start));
          const subEnd = Math.floor(start + g * (end - start));
          const outer = await report(a, bearer, start, end);
          const inner = await report(a, bearer, subStart, subEnd);
          const expected = triples(outer).filter((t) => {
            const at = Date.parse(t.slice(t.lastIndexOf('|') + 1));
            return at >= subStart && at <= subEnd;
          });
          expect(triples(inner)).toEqual(expected);
          const big = totals(outer);
          for (const [name, n] of totals(inner)) expect(n).toBeLessThanOrEqual(big.get(name) ?? 0);
        },
      ),
      RUNS,
    );
  });

  it('a report asked again after the cut-off moved is generated again and only grows', async () => {
    await fc.assert(
      fc.asyncProperty(world, fc.integer({ min: 1, max: 40 }), async (w, days) => {
        const a = app(w, { generation: { ms: 1_000 } });
        let bearer = await login(a, 'customer');
        const start = w.now - 60 * DAY;
        const end = w.now + 30 * DAY;
        const ask = () =>
          request(a)
            .get(USAGE)
            .query({ startDate: new Date(start).toISOString(), endDate: new Date(end).toISOString() })
            .set('Authorization', bearer);
        expect((await ask()).body.status).toBe('InProgress');
        // Generation takes a second; should the day roll over meanwhile, it starts once more.
        let before = (await ask()).body as Report;
        for (let i = 0; i < 3 && before.status !== 'Complete'; i++) {
          a.sim.kernel.clock.advance(1_000);
          before = (await ask()).body as Report;
        }
        expect(before.status).toBe('Complete');
        a.sim.kernel.clock.advance(days * DAY);
        bearer = await login(a, 'customer'); // the first token expired on the way
        const again = (await ask()).body as Report;
        const old = new Set(triples(before));
        if (again.status === 'InProgress') {
          a.sim.kernel.clock.advance(1_000);
          const after = (await ask()).body as Report;
          expect(after.status).toBe('Complete');
          const now = triples(after);
          for (const t of old) expect(now).toContain(t);
          expect(now.length).toBeGreaterThan(old.size);
        } else {
          // Nothing new was observed in the range since: the same report.
          expect(triples(again)).toEqual(triples(before));
        }
      }),
      { ...RUNS, numRuns: 15 },
    );
  });

  it('the trustee overview of a period equals the org’s billable usage for that period', async () => {
    await fc.assert(
      fc.asyncProperty(world, fc.integer({ min: 0, max: 6 }), async (w, index) => {
        const a = app(w);
        const partner = await login(a, 'partner');
        const customer = await login(a, 'customer');
        const res = await request(a)
          .get(`/api/v2/billing/trusteebillingoverview/${CUSTOMER}`)
          .query({ billingPeriodIndex: String(index) })
          .set('Authorization', partner);
        if (res.status === 404) return; // no contract in force for that period
        expect(res.status).toBe(200);
        const start = Date.parse(res.body.billingPeriodStartDate);
        const end = Date.parse(res.body.billingPeriodEndDate) + 999;
        const usage = totals(await report(a, customer, start, end));
        const counted = new Set<string>();
        for (const u of res.body.usages as {
          name: string;
          unitOfMeasureType: string;
          usageQuantity: string;
        }[]) {
          // Per-resource products (seats, devices) are what the billable-usage report lists.
          if (u.unitOfMeasureType !== 'seat' && u.unitOfMeasureType !== 'device') continue;
          counted.add(u.name);
          expect(Number(u.usageQuantity), u.name).toBe(usage.get(u.name) ?? 0);
        }
        for (const name of usage.keys()) expect(counted).toContain(name);
      }),
      RUNS,
    );
  });

  it('charges follow usage and prices; invoices exist only for closed periods and add up to their lines', async () => {
    await fc.assert(
      fc.asyncProperty(world, fc.nat(), async (w, pick) => {
        const a = app(w);
        const bearer = await login(a, 'customer');
        const get = (uri: string) => request(a).get(uri).set('Authorization', bearer);
        const contracts = (await get('/api/v2/billing/contracts?pageSize=10')).body.entities as {
          id: string;
          billingPeriods: { id: string; dateStart: string; dateEnd: string; status: string }[];
        }[];
        for (const c of contracts)
          expect(Date.parse(c.billingPeriods[0]!.dateStart)).toBeLessThanOrEqual(w.now);
        const withPeriods = contracts.filter((c) => c.billingPeriods.length > 0);
        if (withPeriods.length > 0) {
          const contract = withPeriods[pick % withPeriods.length]!;
          const period = contract.billingPeriods[pick % contract.billingPeriods.length]!;
          const detail = (await get(`/api/v2/billing/contracts/${contract.id}/billingperiods/${period.id}`))
            .body;
          const start = Date.parse(`${period.dateStart}T00:00:00Z`);
          const end = Date.parse(`${period.dateEnd}T23:59:59.999Z`);
          const usage = totals(await report(a, bearer, start, end));
          for (const ch of detail.charges) {
            expect(ch.overageQuantity).toBe(
              Math.max(0, ch.actualQuantity - ch.prepaidQuantity - ch.fairuseQuantity),
            );
            expect(Math.round(ch.overageCharge * 100)).toBe(
              Math.round(ch.overageQuantity * ch.overageRate * 100),
            );
            if (ch.product.unitOfMeasure === 'User' || ch.product.unitOfMeasure === 'Each')
              expect(ch.actualQuantity, ch.product.name).toBe(usage.get(ch.product.name) ?? 0);
          }
          for (const wallet of detail.wallets) {
            expect(wallet.endingBalance).toBe(
              wallet.startingBalance + wallet.balanceIncrease - wallet.balanceDecrease,
            );
            expect(wallet.balanceConsumption).toBe(wallet.balanceDecrease + wallet.balanceOverage);
          }
        }
        const invoices = (await get('/api/v2/billing/contracts/invoices?pageSize=200')).body.entities as {
          id: string;
          amount: number;
          dateInvoiced: string;
        }[];
        for (const inv of invoices.slice(0, 3)) {
          const lines = (await get(`/api/v2/billing/contracts/invoices/${inv.id}/lines?pageSize=200`)).body
            .entities as {
            amount: number;
            dateEnd: string;
          }[];
          const cents = lines.reduce((sum, l) => sum + Math.round(l.amount * 100), 0);
          expect(Math.round(inv.amount * 100)).toBe(cents);
          expect(Date.parse(inv.dateInvoiced)).toBeLessThanOrEqual(w.now);
          // The billed period had closed before the invoice was issued.
          for (const l of lines) expect(Date.parse(l.dateEnd)).toBeLessThan(Date.parse(inv.dateInvoiced));
        }
      }),
      RUNS,
    );
  });
});
