import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_A_ORG_ID } from '../../../simulators/purecloud/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { login, makeApp } from './helpers.js';

const guard = contractGuard();

/** Every endpoint's JSON (and the headers that carry data) for one instance. */
async function snapshot(seed: number) {
  // Tokens and document links are signed: fixing the signing secret makes them repeat too.
  const app = makeApp(guard, { seed, generation: { ms: 0 }, signingSecret: 'determinism' });
  const bearer = await login(app, 'northwind-billing');
  const get = async (uri: string) => {
    const res = await request(app).get(uri).set('Authorization', bearer);
    return { status: res.status, correlation: res.headers['inin-correlation-id'], body: res.body };
  };
  const contracts = await get('/api/v2/billing/contracts?pageSize=10');
  const invoices = await get('/api/v2/billing/contracts/invoices?pageSize=200');
  const contract = contracts.body.entities[0];
  const invoice = invoices.body.entities[0];
  const document = await get(`/api/v2/billing/contracts/invoices/${invoice.id}/document`);
  const url = new URL(document.body.url);
  const pdf = await request(app)
    .get(`${url.pathname}${url.search}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return {
    pdf: { status: pdf.status, body: (pdf.body as Buffer).toString('base64') },
    me: await get('/api/v2/organizations/me'),
    trustors: await get('/api/v2/orgauthorization/trustors'),
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
    // The link's origin is the address the request came in on (a random port here).
    document: { ...document, body: `${url.pathname}${url.search}` },
    error: await get('/api/v2/billing/contracts/unknown'),
  };
}

describe('purecloud determinism', () => {
  it('same seed → identical bytes across two instances: JSON, PDF, correlation ids (and tokens, with a fixed signing secret)', async () => {
    const a = await snapshot(42);
    const b = await snapshot(42);
    for (const part of Object.keys(a) as (keyof typeof a)[])
      expect(JSON.stringify(b[part]), part).toBe(JSON.stringify(a[part]));
    for (const part of Object.values(a)) if (typeof part === 'object') expect(part.status).toBeLessThan(500);
  });

  it('another seed → other data', async () => {
    const a = await snapshot(42);
    const c = await snapshot(43);
    expect(c.usage.body.usages).not.toEqual(a.usage.body.usages);
    expect(c.contracts.body.entities[0].id).not.toBe(a.contracts.body.entities[0].id);
  });

  it('tokens are signed with a per-instance secret unless signingSecret is set', async () => {
    const bearers = await Promise.all(
      [1, 2].map(async () => login(makeApp(guard, { seed: 42 }), 'northwind-billing')),
    );
    expect(bearers[0]).not.toBe(bearers[1]);
  });
});
