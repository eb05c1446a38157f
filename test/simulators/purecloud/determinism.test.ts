import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_A_ORG_ID } from '../../../simulators/purecloud/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { login, makeApp } from './helpers.js';

const guard = contractGuard();

/** Every endpoint's JSON (and the headers that carry data) for one instance. */
async function snapshot(seed: number) {
  const app = makeApp(guard, { seed, generation: { ms: 0 } });
  const bearer = await login(app, 'northwind-billing');
  const get = async (uri: string) => {
    const res = await request(app).get(uri).set('Authorization', bearer);
    return { status: res.status, correlation: res.headers['inin-correlation-id'], body: res.body };
  };
  const contracts = await get('/api/v2/billing/contracts?pageSize=200');
  const invoices = await get('/api/v2/billing/contracts/invoices?pageSize=200');
  const contract = contracts.body.entities[0];
  const invoice = invoices.body.entities[0];
  return {
    bearer,
    usage: await get(
      '/api/v2/billing/reports/billableusage?startDate=2026-01-01T00:00:00Z&endDate=2026-01-31T23:59:59Z',
    ),
    overview: await get(`/api/v2/billing/trusteebillingoverview/${CUSTOMER_A_ORG_ID}?billingPeriodIndex=3`),
    contracts,
    contract: await get(`/api/v2/billing/contracts/${contract.id}`),
    period: await get(
      `/api/v2/billing/contracts/${contract.id}/billingperiods/${contract.billingPeriods[0].id}`,
    ),
    invoices,
    lines: await get(`/api/v2/billing/contracts/invoices/${invoice.id}/lines`),
    document: await get(`/api/v2/billing/contracts/invoices/${invoice.id}/document`),
    error: await get('/api/v2/billing/contracts/unknown'),
  };
}

describe('purecloud determinism', () => {
  it('same seed → identical JSON across two instances, tokens and correlation ids included', async () => {
    const a = await snapshot(42);
    const b = await snapshot(42);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    for (const part of Object.values(a)) if (typeof part === 'object') expect(part.status).toBeLessThan(500);
  });

  it('another seed → other data', async () => {
    const a = await snapshot(42);
    const c = await snapshot(43);
    expect(c.usage.body.usages).not.toEqual(a.usage.body.usages);
    expect(c.contracts.body.entities[0].id).not.toBe(a.contracts.body.entities[0].id);
    expect(c.bearer).not.toBe(a.bearer);
  });
});
