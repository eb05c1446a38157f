import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createWebexApp, webexPlugin } from '../../../simulators/webex/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import {
  BROADWORKS,
  bearer,
  download,
  expectWebexError,
  storeSnapshot,
  TOKENS,
  WHOLESALE,
  webexApp,
} from './helpers.js';

const guard = contractGuard();

describe('webex headers and error envelope', () => {
  it('every response carries TrackingID: the client one echoed, else a fresh ROUTER_ id', async () => {
    const { app } = webexApp(guard, { generation: { kind: 'immediate' } });
    const mine = await request(app)
      .get(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .set('TrackingID', 'PARTNER_abc-123');
    expect(mine.headers.trackingid).toBe('PARTNER_abc-123');
    const err = await request(app).get(WHOLESALE).set('TrackingID', 'PARTNER_err-1');
    expectWebexError(err, 401);
    expect(err.body.trackingId).toBe('PARTNER_err-1');
    const a = await request(app).get(BROADWORKS).set(bearer(TOKENS.acme));
    const b = await request(app).get(BROADWORKS).set(bearer(TOKENS.acme));
    expect(a.headers.trackingid).toMatch(/^ROUTER_[0-9A-F-]{36}$/);
    expect(b.headers.trackingid).toMatch(/^ROUTER_[0-9A-F-]{36}$/);
    expect(a.headers.trackingid).not.toBe(b.headers.trackingid);
    const created = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .set('TrackingID', 'PARTNER_create')
      .send({ billingStartDate: '2026-01-01', billingEndDate: '2026-01-02' });
    expect(created.headers.trackingid).toBe('PARTNER_create');
    const deleted = await request(app)
      .delete(`${WHOLESALE}/${created.body.id}`)
      .set(bearer(TOKENS.acme))
      .set('TrackingID', 'PARTNER_delete');
    expect(deleted.status).toBe(204);
    expect(deleted.headers.trackingid).toBe('PARTNER_delete');
  });

  it('unknown routes and methods answer in the Webex envelope (404, 405 with Allow)', async () => {
    // Unknown routes and methods are declared by the contract's x-unmatched-routes.
    const { app } = webexApp(guard);
    for (const path of ['/v1/nothing', '/v1/wholesale/billing', '/', '/v1/wholesale/billing/reports/x/y']) {
      const res = await request(app).get(path).set(bearer(TOKENS.acme)).set('TrackingID', 'T-404');
      expectWebexError(res, 404);
      expect(res.body.trackingId).toBe('T-404');
    }
    const put = await request(app).put(WHOLESALE).set(bearer(TOKENS.acme)).send({});
    expectWebexError(put, 405, /PUT/);
    expect(put.headers.allow).toBe('GET, POST');
    const patch = await request(app).patch(`${BROADWORKS}/abc`).set(bearer(TOKENS.acme)).send({});
    expectWebexError(patch, 405);
    expect(patch.headers.allow).toBe('GET, DELETE');
  });

  it('429 with Retry-After from the per-token rate limit; other tokens and downloads unaffected', async () => {
    const { app, clock } = webexApp(guard, {
      generation: { kind: 'immediate' },
      rateLimit: { kind: 'fixed-window', limit: 3, windowMs: 60_000 },
    });
    const body = { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' };
    const created = await request(app).post(WHOLESALE).set(bearer(TOKENS.acme)).send(body);
    const url = (await request(app).get(`${WHOLESALE}/${created.body.id}`).set(bearer(TOKENS.acme))).body
      .tempDownloadURL as string;
    expect((await request(app).get(WHOLESALE).set(bearer(TOKENS.acme))).status).toBe(200);
    clock.advance(20_000);
    const before = storeSnapshot(app);
    const limited = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .send({ billingStartDate: '2026-02-01', billingEndDate: '2026-02-28' });
    expectWebexError(limited, 429, /Retry in 40 seconds/);
    expect(limited.headers['retry-after']).toBe('40');
    expect(storeSnapshot(app)).toBe(before);
    expect((await request(app).get(WHOLESALE).set(bearer(TOKENS.globex))).status).toBe(200);
    expect((await download(app, url)).status).toBe(200);
    clock.advance(40_000);
    expect((await request(app).get(WHOLESALE).set(bearer(TOKENS.acme))).status).toBe(200);
  });

  it('the default limit is 300 requests per minute per token', async () => {
    const app = createWebexApp({
      onExchange: guard.onExchange,
      clock: { mode: 'manual', start: '2026-03-15T10:00:00Z' },
    });
    for (let i = 0; i < 300; i++) {
      const res = await request(app).get(BROADWORKS).set(bearer(TOKENS.acme));
      expect(res.status).toBe(200);
    }
    const limited = await request(app).get(BROADWORKS).set(bearer(TOKENS.acme));
    expectWebexError(limited, 429);
    expect(limited.headers['retry-after']).toBe('60');
  });

  it('faults (X-Sim-Fault, Prefer, admin rules) answer in the Webex envelope with Retry-After', async () => {
    const { app } = webexApp(guard);
    const before = storeSnapshot(app);
    const unavailable = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .set('X-Sim-Fault', '503; retry-after=5')
      .send({ billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    expectWebexError(unavailable, 503);
    expect(unavailable.headers['retry-after']).toBe('5');
    expect(storeSnapshot(app)).toBe(before);
    expectWebexError(
      await request(app).get(WHOLESALE).set(bearer(TOKENS.acme)).set('Prefer', 'code=504'),
      504,
    );
    await request(app)
      .post('/_sim/faults')
      .send({
        match: { path: '/v1/broadworks/**', tenant: '1eb65fdf-9643-417f-9974-ad72cae0e10f' },
        effect: { status: 423, retryAfterSeconds: 9 },
        times: 1,
      })
      .expect(201);
    const locked = await request(app).get(BROADWORKS).set(bearer(TOKENS.acme));
    expectWebexError(locked, 423);
    expect(locked.headers['retry-after']).toBe('9');
    expect((await request(app).get(BROADWORKS).set(bearer(TOKENS.acme))).status).toBe(200);
    expectWebexError(
      await request(app).get(WHOLESALE).set(bearer(TOKENS.acme)).set('X-Sim-Fault', '418'),
      418,
    );
  });

  it('reset clears every report; the banner lists the demo tokens', async () => {
    const { app } = webexApp(guard, { generation: { kind: 'immediate' } });
    const first = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .send({ billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    await request(app).post('/_sim/reset').expect(204);
    expect((await request(app).get(WHOLESALE).set(bearer(TOKENS.acme))).body.items).toEqual([]);
    const again = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .send({ billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    expect(again.body.id).toBe(first.body.id);
    const lines = webexPlugin.describe(app, 'http://127.0.0.1:8402').join('\n');
    expect(lines).toContain('http://127.0.0.1:8402/v1/wholesale/billing/reports');
    for (const token of Object.values(TOKENS)) expect(lines).toContain(token);
    expect(webexPlugin).toMatchObject({ name: 'webex', defaultPort: 8402, tls: false });
  });

  it('rejects bad options', () => {
    expect(() => createWebexApp({ failureRate: 2 })).toThrow(/failureRate/);
    expect(() => createWebexApp({ downloadUrlTtlSeconds: 0 })).toThrow(/downloadUrlTtlSeconds/);
    expect(() => createWebexApp({ data: { customers: [5, 1] } })).toThrow(/data.customers/);
    expect(() =>
      createWebexApp({
        partners: [
          {
            name: 'a',
            orgUuid: '00000000-0000-4000-8000-000000000001',
            tokens: [{ token: 't', scopes: [], personUuid: '00000000-0000-4000-8000-000000000002' }],
          },
          {
            name: 'b',
            orgUuid: '00000000-0000-4000-8000-000000000003',
            tokens: [{ token: 't', scopes: [], personUuid: '00000000-0000-4000-8000-000000000004' }],
          },
        ],
      }),
    ).toThrow(/configured twice/);
  });
});
