import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_A_ORG_ID,
  CUSTOMER_B_ORG_ID,
  PARTNER_ORG_ID,
  UNRELATED_ORG_ID,
} from '../../../simulators/purecloud/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { type App, expectErrorBody, login, makeApp } from './helpers.js';

const guard = contractGuard();
const PATH = '/api/v2/billing/trusteebillingoverview';

function overview(app: App, bearer: string, org: string, index?: string) {
  const req = request(app).get(`${PATH}/${org}`).set('Authorization', bearer);
  return index === undefined ? req : req.query({ billingPeriodIndex: index });
}

const DECIMAL = /^\d+(\.\d+)?$/;

describe('purecloud trustee billing overview', () => {
  it('gives the partner the open period of each trusting customer, quantities and prices as strings', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    for (const org of [CUSTOMER_A_ORG_ID, CUSTOMER_B_ORG_ID]) {
      const res = await overview(app, bearer, org);
      expect(res.status).toBe(200);
      const body = res.body;
      expect(body.organization.id).toBe(org);
      expect(body.currency).toBe('USD');
      expect(body.billingPeriodStartDate).toBe('2026-03-01T00:00:00Z');
      expect(body.billingPeriodEndDate).toBe('2026-03-31T23:59:59Z');
      expect(body.selfUri).toBe(`${PATH}/${org}`);
      expect(body.enabledProducts.length).toBe(body.usages.length);
      let minimum = 0;
      for (const u of body.usages) {
        for (const field of [
          'usageQuantity',
          'prepayQuantity',
          'overagePrice',
          'prepayPrice',
          'bundleQuantity',
        ])
          expect(u[field]).toMatch(DECIMAL);
        expect(u.partNumber).toMatch(/^PC-170-NV-/);
        minimum += Number(u.prepayQuantity) * Math.round(Number(u.prepayPrice) * 100);
      }
      expect(body.minimumMonthlyAmount).toBe((minimum / 100).toFixed(2));
      expect(Date.parse(body.contractEffectiveDate)).toBeLessThan(Date.parse(body.billingPeriodStartDate));
    }
    const contoso = (await overview(app, bearer, CUSTOMER_A_ORG_ID)).body;
    expect(contoso.subscriptionType).toBe('PREPAY_MONTHLY_COMMITMENT');
    expect((await overview(app, bearer, CUSTOMER_B_ORG_ID)).body.subscriptionType).toBe('MONTH_TO_MONTH');
  });

  it('steps billing periods back with billingPeriodIndex', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const zero = await overview(app, bearer, CUSTOMER_A_ORG_ID, '0');
    expect(zero.body).toEqual((await overview(app, bearer, CUSTOMER_A_ORG_ID)).body);
    const one = await overview(app, bearer, CUSTOMER_A_ORG_ID, '1');
    expect(one.body.billingPeriodStartDate).toBe('2026-02-01T00:00:00Z');
    expect(one.body.billingPeriodEndDate).toBe('2026-02-28T23:59:59Z');
    const twelve = await overview(app, bearer, CUSTOMER_A_ORG_ID, '12');
    expect(twelve.body.billingPeriodStartDate).toBe('2025-03-01T00:00:00Z');
    // Contract facts do not move with the period.
    expect(twelve.body.contractEffectiveDate).toBe(zero.body.contractEffectiveDate);
    // Before the contract took effect there is no period.
    expectErrorBody(await overview(app, bearer, CUSTOMER_A_ORG_ID, '60'), 404, 'not.found');
  });

  it('rejects a bad billingPeriodIndex', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    for (const bad of ['-1', 'abc', '1.5', '', '99999'])
      expectErrorBody(await overview(app, bearer, CUSTOMER_A_ORG_ID, bad), 400, 'invalid.query.param.value');
  });

  it('answers 404 not.found without a trust (unrelated org, own org, unknown org)', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    for (const org of [UNRELATED_ORG_ID, PARTNER_ORG_ID, 'not-an-org']) {
      const res = await overview(app, bearer, org);
      expectErrorBody(res, 404, 'not.found');
      expect(res.body.entityId).toBe(org);
    }
    // An org the customer does not trust: the unrelated org asking for a customer.
    const tailspin = await login(app, 'tailspin-billing');
    expectErrorBody(await overview(app, tailspin, CUSTOMER_A_ORG_ID), 404, 'not.found');
  });

  it('can answer 403 instead when configured (noTrustError: forbidden)', async () => {
    const app = makeApp(guard, { noTrustError: 'forbidden' });
    const bearer = await login(app, 'northwind-billing');
    expectErrorBody(await overview(app, bearer, UNRELATED_ORG_ID), 403, 'missing.permissions');
  });

  it('needs affiliateOrganization:clientBilling:view (403 missing.permissions)', async () => {
    const app = makeApp(guard);
    const customer = await login(app, 'contoso-billing');
    const res = await overview(app, customer, CUSTOMER_B_ORG_ID);
    expectErrorBody(res, 403, 'missing.permissions');
    expect(res.body.message).toContain('[affiliateOrganization:clientBilling:view]');
    expectErrorBody(
      await overview(app, await login(app, 'northwind-directory'), CUSTOMER_A_ORG_ID),
      403,
      'missing.permissions',
    );
  });

  it('the open period grows day by day, and equals the customer’s own month-to-date usage', async () => {
    const app = makeApp(guard, { generation: { ms: 0 } });
    const quantities = async () => {
      const bearer = await login(app, 'northwind-billing');
      const body = (await overview(app, bearer, CUSTOMER_A_ORG_ID)).body;
      return new Map<string, number>(
        body.usages.map((u: { name: string; usageQuantity: string }) => [u.name, Number(u.usageQuantity)]),
      );
    };
    const before = await quantities();
    const customer = await login(app, 'contoso-billing');
    const report = await request(app)
      .get('/api/v2/billing/reports/billableusage')
      .query({ startDate: '2026-03-01T00:00:00Z', endDate: '2026-03-31T23:59:59.999Z' })
      .set('Authorization', customer);
    for (const u of report.body.usages as { name: string; totalUsage: string }[])
      expect(before.get(u.name), u.name).toBe(Number(u.totalUsage));
    app.sim.kernel.clock.advance(10 * 86_400_000);
    const after = await quantities();
    let grew = false;
    for (const [name, n] of before) {
      expect(after.get(name)!, name).toBeGreaterThanOrEqual(n);
      if (after.get(name)! > n) grew = true;
    }
    expect(grew).toBe(true);
  });
});
