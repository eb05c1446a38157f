import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { Clock } from '../../../simulators/kernel/index.js';
import type { SimApp } from '../../../simulators/kernel/vendor-app.js';
import { createPureCloudApp } from '../../../simulators/purecloud/index.js';
import { createRprmApp } from '../../../simulators/rprm/index.js';
import { createWebexApp, downloadHost, type WebexCredentials } from '../../../simulators/webex/index.js';
import type { ContractGuard } from '../../support/contract-guard.js';

export const START = '2026-03-15T10:00:00Z';

/** What a client sees of one answer: status, every header and the body's bytes. */
export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

export async function answer(test: request.Test): Promise<Answer> {
  const res = await test.buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
  return { status: res.status, headers: { ...res.headers }, body: (res.body as Buffer).toString('base64') };
}

export function text(a: Answer): string {
  return Buffer.from(a.body, 'base64').toString('utf8');
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

export interface Scenario<C> {
  make(extra?: Record<string, unknown>): SimApp;
  /** Requests before the snapshot; returns what the client holds (tokens, ids). */
  before(app: SimApp): Promise<C>;
  /** Requests after it, on the original and on the restored app alike. */
  after(app: SimApp, held: C): Promise<Answer[]>;
}

const advance = (app: SimApp, ms: number) => app.sim.kernel.clock.advance(ms);

const purecloudScenario = (guard: ContractGuard): Scenario<{ bearer: string }> => ({
  make: (extra = {}) =>
    createPureCloudApp({
      clock: new Clock({ mode: 'manual', start: START }),
      onExchange: guard.onExchange,
      ...extra,
    }),
  async before(app) {
    const login = await request(app)
      .post('/oauth/token')
      .set('Authorization', basic('northwind-billing', 'northwind-billing-secret'))
      .type('form')
      .send({ grant_type: 'client_credentials' })
      .expect(200);
    const bearer = `Bearer ${login.body.access_token}`;
    const first = await request(app).get(USAGE).set('Authorization', bearer).expect(200);
    expect(first.body.status).toBe('InProgress');
    advance(app, 4_000); // caught mid-generation (10 s by default)
    return { bearer };
  },
  async after(app, { bearer }) {
    const out: Answer[] = [];
    out.push(await answer(request(app).get(USAGE).set('Authorization', bearer)));
    advance(app, 7_000);
    out.push(await answer(request(app).get(USAGE).set('Authorization', bearer)));
    out.push(await answer(request(app).get('/api/v2/organizations/me').set('Authorization', bearer)));
    out.push(
      await answer(
        request(app)
          .post('/oauth/token')
          .set('Authorization', basic('northwind-billing', 'northwind-billing-secret'))
          .type('form')
          .send({ grant_type: 'client_credentials' }),
      ),
    );
    expect(out[0]!.status).toBe(200);
    expect(JSON.parse(text(out[0]!)).status).toBe('InProgress');
    expect(JSON.parse(text(out[1]!)).status).toBe('Complete');
    return out;
  },
});
const USAGE =
  '/api/v2/billing/reports/billableusage?startDate=2026-02-01T00:00:00Z&endDate=2026-02-28T23:59:59Z';

const WHOLESALE = '/v1/wholesale/billing/reports';
const webexScenario = (guard: ContractGuard): Scenario<{ id: string; access: string }> => ({
  make: (extra = {}) =>
    createWebexApp({
      clock: new Clock({ mode: 'manual', start: START }),
      onExchange: guard.onExchange,
      ...extra,
    }),
  async before(app) {
    const auth = { Authorization: 'Bearer acme-all-scopes' };
    const created = await request(app)
      .post(WHOLESALE)
      .set(auth)
      .send({ billingStartDate: '2026-02-01', billingEndDate: '2026-02-28', type: 'CUSTOMER' })
      .expect(200);
    const i = (app.sim.credentials as WebexCredentials).integrations[0]!;
    const grant = await request(app)
      .post('/v1/access_token')
      .type('form')
      .send({
        grant_type: 'refresh_token',
        client_id: i.clientId,
        client_secret: i.clientSecret,
        refresh_token: i.refreshToken,
      })
      .expect(200);
    // A rule applied once of twice: the restored one answers its second 503, then lets requests by.
    await request(app)
      .post('/_sim/faults')
      .send({
        match: { method: 'GET', path: WHOLESALE },
        effect: { status: 503, retryAfterSeconds: 2 },
        times: 2,
      })
      .expect(201);
    expect((await request(app).get(WHOLESALE).set(auth)).status).toBe(503);
    advance(app, 10_000); // caught mid-generation (30 s by default)
    expect((await request(app).get(`${WHOLESALE}/${created.body.id}`).set(auth)).body.status).toBe(
      'IN_PROGRESS',
    );
    return { id: created.body.id as string, access: grant.body.access_token as string };
  },
  async after(app, { id, access }) {
    const auth = { Authorization: `Bearer ${access}` };
    const out: Answer[] = [];
    out.push(await answer(request(app).get(WHOLESALE).set(auth)));
    out.push(await answer(request(app).get(WHOLESALE).set(auth)));
    out.push(await answer(request(app).get(`${WHOLESALE}/${id}`).set(auth)));
    advance(app, 25_000);
    const done = await answer(request(app).get(`${WHOLESALE}/${id}`).set(auth));
    out.push(done);
    const link = new URL(JSON.parse(text(done)).tempDownloadURL as string);
    out.push(
      await answer(request(downloadHost(app) as unknown as Express).get(`${link.pathname}${link.search}`)),
    );
    out.push(
      await answer(
        request(app)
          .post(WHOLESALE)
          .set(auth)
          .send({ billingStartDate: '2026-01-01', billingEndDate: '2026-01-31', type: 'PARTNER' }),
      ),
    );
    expect(out.map((a) => a.status)).toEqual([503, 200, 200, 200, 200, 200]);
    expect(JSON.parse(text(done)).status).toBe('COMPLETED');
    return out;
  },
});

const BILLING = '/api/rest/billing';
const ADMIN = basic('admin', 'Polycom12#');
// Links in RPRM bodies follow the Host header; supertest's port changes with every request.
const HOST = 'rprm.example.test';
const rprmScenario = (guard: ContractGuard): Scenario<undefined> => ({
  make: (extra = {}) =>
    createRprmApp({
      clock: new Clock({ mode: 'manual', start: START }),
      onExchange: guard.onExchange,
      ...extra,
    }),
  async before(app) {
    await request(app)
      .post(`${BILLING}/generate-cdrs`)
      .query({ 'from-date': '2026-03-01T00:00:00', 'to-date': '2026-03-08T00:00:00' })
      .set('Authorization', ADMIN)
      .set('Host', HOST)
      .expect(202);
    await request(app).get(`${BILLING}/status`).set('Authorization', ADMIN).set('Host', HOST).expect(200);
    advance(app, 1_000);
    return undefined;
  },
  async after(app) {
    const out: Answer[] = [];
    out.push(
      await answer(request(app).get(`${BILLING}/status`).set('Authorization', ADMIN).set('Host', HOST)),
    );
    out.push(
      await answer(
        request(app).get(`${BILLING}/download-cdrs`).set('Authorization', ADMIN).set('Host', HOST),
      ),
    );
    advance(app, 120_000);
    out.push(
      await answer(request(app).get(`${BILLING}/status`).set('Authorization', ADMIN).set('Host', HOST)),
    );
    out.push(
      await answer(
        request(app).get(`${BILLING}/download-cdrs`).set('Authorization', ADMIN).set('Host', HOST),
      ),
    );
    expect(out[1]!.status).not.toBe(200); // still generating when the snapshot was taken
    expect(out[3]!.status).toBe(200);
    return out;
  },
});

/** Every vendor's scenario, checked against the contracts by `guard`. */
export function scenarios(guard: ContractGuard): Record<string, Scenario<unknown>> {
  return {
    purecloud: purecloudScenario(guard) as Scenario<unknown>,
    webex: webexScenario(guard) as Scenario<unknown>,
    rprm: rprmScenario(guard) as Scenario<unknown>,
  };
}
