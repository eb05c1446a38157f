import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_A_ORG_ID, type PureCloudData } from '../../../simulators/purecloud/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { type App, login, makeApp, manualClock } from './helpers.js';

/**
 * Golden data: pinned users, devices, first observations, contracts and prices appear exactly
 * in the billable-usage report, and the invoice and period details of the same month agree.
 */
const guard = contractGuard();
const USAGE = '/api/v2/billing/reports/billableusage';
const CX1 = 'PC-170-NV-PCCX1';
const CX2 = 'PC-170-NV-PCCX2';

const DATA: PureCloudData = {
  orgs: [
    {
      id: CUSTOMER_A_ORG_ID,
      users: [
        {
          name: 'ada@contoso.example.com',
          licences: [
            {
              sku: CX1,
              from: '2026-01-05T09:00:00Z',
              observed: ['2026-10-03T09:15:00Z', '2026-11-02T08:00:00Z'],
            },
          ],
        },
        {
          name: 'bob@contoso.example.com',
          licences: [{ sku: CX1, from: '2026-01-05T09:00:00Z', observed: ['2026-10-05T10:00:00Z'] }],
        },
        {
          name: 'cy@contoso.example.com',
          licences: [{ sku: CX2, from: '2026-09-20T00:00:00Z', observed: ['2026-10-07T12:30:00Z'] }],
        },
      ],
      devices: [{ name: 'edge-hq-1', from: '2026-01-01T00:00:00Z', observed: ['2026-10-01T00:00:05Z'] }],
      contracts: [
        { start: '2026-01-01', months: 12, externalNumber: 'CN-GOLDEN', prepaid: { [CX1]: 1, [CX2]: 0 } },
      ],
      prices: { [CX1]: { price: 80, overage: 95.5 } },
    },
  ],
};

async function report(app: App, bearer: string, start: string, end: string) {
  const query = { startDate: `${start}T00:00:00.000Z`, endDate: `${end}T23:59:59.999Z` };
  await request(app).get(USAGE).query(query).set('Authorization', bearer);
  app.sim.kernel.clock.advance(10_000);
  const res = await request(app).get(USAGE).query(query).set('Authorization', bearer);
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('Complete');
  return res.body as {
    usages: { name: string; totalUsage: string; resources: { name: string; date: string }[] }[];
  };
}

function usageOf(body: Awaited<ReturnType<typeof report>>, namePart: string) {
  return body.usages.find((u) => u.name === namePart);
}

describe('PureCloud golden data', () => {
  it('the billable-usage report lists exactly the pinned resources at their pinned instants', async () => {
    const app = makeApp(guard, { clock: manualClock('2026-11-20T10:00:00Z'), data: DATA });
    const bearer = await login(app, 'contoso-billing');
    const body = await report(app, bearer, '2026-10-01', '2026-10-31');
    const cx1 = usageOf(body, 'Genesys Cloud CX 1');
    expect(cx1?.totalUsage).toBe('2');
    expect(cx1?.resources).toEqual([
      { name: 'ada@contoso.example.com', date: '2026-10-03T09:15:00Z' },
      { name: 'bob@contoso.example.com', date: '2026-10-05T10:00:00Z' },
    ]);
    expect(usageOf(body, 'Genesys Cloud CX 2')?.resources).toEqual([
      { name: 'cy@contoso.example.com', date: '2026-10-07T12:30:00Z' },
    ]);
    expect(usageOf(body, 'Genesys Cloud Edge')?.resources).toEqual([
      { name: 'edge-hq-1', date: '2026-10-01T00:00:05Z' },
    ]);
    // Nobody else: the pinned roster is the whole roster.
    const names = new Set(body.usages.flatMap((u) => u.resources.map((r) => r.name)));
    expect([...names].sort()).toEqual([
      'ada@contoso.example.com',
      'bob@contoso.example.com',
      'cy@contoso.example.com',
      'edge-hq-1',
    ]);
  });

  it('nothing pinned after now is visible yet: November shows only what happened before the cut-off', async () => {
    const app = makeApp(guard, { clock: manualClock('2026-11-02T07:00:00Z'), data: DATA });
    const bearer = await login(app, 'contoso-billing');
    const body = await report(app, bearer, '2026-11-01', '2026-11-30');
    expect(body.usages.flatMap((u) => u.resources)).toEqual([]);
  });

  it('the trustee overview, the October invoice and the billable usage agree, at the pinned prices', async () => {
    const app = makeApp(guard, { clock: manualClock('2026-11-20T10:00:00Z'), data: DATA });
    const bearer = await login(app, 'contoso-billing');
    const usage = await report(app, bearer, '2026-10-01', '2026-10-31');
    const observed = Number(usageOf(usage, 'Genesys Cloud CX 1')?.totalUsage);
    // The partner's view of the same month (billingPeriodIndex 1: the period before the open one).
    const partner = await login(app, 'northwind-billing');
    const overview = await request(app)
      .get(`/api/v2/billing/trusteebillingoverview/${CUSTOMER_A_ORG_ID}`)
      .query({ billingPeriodIndex: 1 })
      .set('Authorization', partner);
    expect(overview.status).toBe(200);
    expect(overview.body.billingPeriodStartDate.slice(0, 10)).toBe('2026-10-01');
    const cx1 = overview.body.usages.find((u: { name: string }) => u.name === 'Genesys Cloud CX 1');
    expect(cx1.usageQuantity).toBe(String(observed));
    const contracts = await request(app).get('/api/v2/billing/contracts').set('Authorization', bearer);
    expect(contracts.status).toBe(200);
    expect(contracts.body.entities.map((c: { externalNumber: string }) => c.externalNumber)).toEqual([
      'CN-GOLDEN',
    ]);
    const invoices = await request(app)
      .get('/api/v2/billing/contracts/invoices')
      .query({ pageSize: 200 })
      .set('Authorization', bearer);
    expect(invoices.status).toBe(200);
    const ids: string[] = invoices.body.entities.map((i: { id: string }) => i.id);
    let october: { description: string; quantity: number; amount: number }[] | undefined;
    for (const id of ids) {
      const lines = await request(app)
        .get(`/api/v2/billing/contracts/invoices/${id}/lines`)
        .set('Authorization', bearer);
      expect(lines.status).toBe(200);
      if (lines.body.entities.some((l: { dateStart: string }) => l.dateStart === '2026-10-01'))
        october = lines.body.entities;
    }
    // One CX 1 committed at 80.00, the second observed one over the commitment at 95.50.
    expect(october?.filter((l) => l.description.startsWith('Genesys Cloud CX 1'))).toEqual([
      expect.objectContaining({ description: 'Genesys Cloud CX 1 - subscription', quantity: 1, amount: 80 }),
      expect.objectContaining({
        description: 'Genesys Cloud CX 1 - overage',
        quantity: observed - 1,
        amount: 95.5,
      }),
    ]);
  });

  it('PUT-style setData validates first: a bad instant names its pointer and changes nothing', async () => {
    const app = makeApp(guard, { clock: manualClock('2026-11-20T10:00:00Z'), data: DATA });
    const bad = structuredClone(DATA);
    bad.orgs![0]!.users![0]!.licences[0]!.observed = ['2025-01-01T00:00:00Z'];
    expect(() => app.sim.kernel.setData(bad as Record<string, unknown>)).toThrow(
      /\/orgs\/0\/users\/0\/licences\/0\/observed\/0: outside the holding/,
    );
    expect(app.sim.kernel.dataOverrides).toBe(DATA);
    const bearer = await login(app, 'contoso-billing');
    const body = await report(app, bearer, '2026-10-01', '2026-10-31');
    expect(usageOf(body, 'Genesys Cloud CX 1')?.totalUsage).toBe('2');
  });

  it('PUT /_sim/data mid-life: the next billable-usage report is generated again from the new facts', async () => {
    const app = makeApp(guard, { clock: manualClock('2026-11-20T10:00:00Z'), data: DATA });
    const bearer = await login(app, 'contoso-billing');
    expect(
      usageOf(await report(app, bearer, '2026-10-01', '2026-10-31'), 'Genesys Cloud CX 1')?.totalUsage,
    ).toBe('2');
    const next = structuredClone(DATA);
    next.orgs![0]!.users!.splice(1, 1);
    const put = await request(app).put('/_sim/data').send(next);
    expect(put.status).toBe(200);
    const jobs = app.sim.kernel.jobs.list().length;
    const body = await report(app, bearer, '2026-10-01', '2026-10-31');
    expect(usageOf(body, 'Genesys Cloud CX 1')?.resources).toEqual([
      { name: 'ada@contoso.example.com', date: '2026-10-03T09:15:00Z' },
    ]);
    // The old report's job went with it: one generation, not one more per data change.
    expect(app.sim.kernel.jobs.list().length).toBe(Math.max(1, jobs));
  });

  it('pinned facts survive any seed (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4_294_967_295 }), async (seed) => {
        const app = makeApp(guard, { seed, clock: manualClock('2026-11-20T10:00:00Z'), data: DATA });
        const bearer = await login(app, 'contoso-billing');
        const body = await report(app, bearer, '2026-10-01', '2026-10-31');
        expect(usageOf(body, 'Genesys Cloud CX 1')?.resources.map((r) => r.date)).toEqual([
          '2026-10-03T09:15:00Z',
          '2026-10-05T10:00:00Z',
        ]);
        expect(usageOf(body, 'Genesys Cloud CX 2')?.totalUsage).toBe('1');
      }),
      { numRuns: 15 },
    );
  });
});
