import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_A_ORG_ID } from '../../../simulators/purecloud/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { expectErrorBody, login, makeApp } from './helpers.js';

const guard = contractGuard();
const USAGE =
  '/api/v2/billing/reports/billableusage?startDate=2026-02-01T00:00:00Z&endDate=2026-02-28T23:59:59Z';
const CONTRACTS = '/api/v2/billing/contracts';

describe('purecloud errors, headers and limits', () => {
  it('sends a fresh ININ-Correlation-Id on every response, equal to contextId on errors', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const seen = new Set<string>();
    for (const res of [
      await request(app).get(USAGE).set('Authorization', bearer),
      await request(app).get(CONTRACTS).set('Authorization', bearer),
      await request(app).get(USAGE),
      await request(app).get(`${CONTRACTS}/unknown`).set('Authorization', bearer),
    ]) {
      const id = String(res.headers['inin-correlation-id']);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      if (res.status >= 400) expect(res.body.contextId).toBe(id);
      seen.add(id);
    }
    expect(seen.size).toBe(4);
  });

  it('limits each token to 300 requests a minute, with Retry-After and the ErrorBody limit', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const other = await login(app, 'contoso-billing');
    // Start of a minute window: 10:00:00 exactly.
    for (let i = 0; i < 300; i++) {
      const res = await request(app).get(CONTRACTS).set('Authorization', bearer);
      expect(res.status).toBe(200);
    }
    app.sim.kernel.clock.advance(18_000);
    const limited = await request(app).get(CONTRACTS).set('Authorization', bearer);
    expectErrorBody(limited, 429, 'too.many.requests.retry.after');
    expect(limited.headers['retry-after']).toBe('42');
    expect(limited.body.message).toBe('Rate limit exceeded the maximum. Retry the request in [42] seconds');
    expect(limited.body.limit).toEqual({
      key: 'token.rate.per.minute',
      namespace: 'platform.api',
      value: 300,
    });
    expect(limited.headers['inin-ratelimit-allowed']).toBeUndefined();
    // Another token has its own window; logging in is not counted.
    expect((await request(app).get(CONTRACTS).set('Authorization', other)).status).toBe(200);
    app.sim.kernel.clock.advance(42_000);
    expect((await request(app).get(CONTRACTS).set('Authorization', bearer)).status).toBe(200);
  });

  it('a flood of 429s: each body carries its own request’s contextId, the rest as rendered once', async () => {
    const app = makeApp(guard, { rateLimit: { kind: 'fixed-window', limit: 1, windowMs: 60_000 } });
    const bearer = await login(app, 'northwind-billing');
    expect((await request(app).get(CONTRACTS).set('Authorization', bearer)).status).toBe(200);
    const first = await request(app).get(CONTRACTS).set('Authorization', bearer);
    const second = await request(app).get(CONTRACTS).set('Authorization', bearer);
    for (const res of [first, second]) {
      expectErrorBody(res, 429, 'too.many.requests.retry.after');
      expect(Object.keys(res.body)).toEqual([
        'message',
        'code',
        'status',
        'contextId',
        'details',
        'errors',
        'limit',
      ]);
    }
    expect(first.body.contextId).not.toBe(second.body.contextId);
    expect({ ...first.body, contextId: '' }).toEqual({ ...second.body, contextId: '' });
    expect(first.headers['content-length']).toBe(String(Buffer.byteLength(first.text)));
  });

  it('sends the legacy inin-ratelimit-* headers only when asked to', async () => {
    const app = makeApp(guard, {
      legacyRateLimitHeaders: true,
      rateLimit: { kind: 'fixed-window', limit: 2, windowMs: 60_000 },
    });
    const bearer = await login(app, 'northwind-billing');
    const first = await request(app).get(CONTRACTS).set('Authorization', bearer);
    expect(first.headers['inin-ratelimit-allowed']).toBe('2');
    expect(first.headers['inin-ratelimit-count']).toBe('1');
    expect(first.headers['inin-ratelimit-reset']).toBe('60');
    await request(app).get(CONTRACTS).set('Authorization', bearer);
    const limited = await request(app).get(CONTRACTS).set('Authorization', bearer);
    expectErrorBody(limited, 429, 'too.many.requests.retry.after');
    expect(limited.body.limit.value).toBe(2);
    expect(limited.headers['inin-ratelimit-count']).toBe('2');
  });

  it('refuses bodies over 512000 bytes with 413 request.entity.too.large', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const big = JSON.stringify({ pad: 'x'.repeat(512_001) });
    const res = await request(app)
      .get(CONTRACTS)
      .set('Authorization', bearer)
      .set('Content-Type', 'application/json')
      .send(big);
    expectErrorBody(res, 413, 'request.entity.too.large');
    const small = await request(app).get(CONTRACTS).set('Authorization', bearer).send({ pad: 'x' });
    expect(small.status).toBe(200);
  });

  it('refuses non-JSON bodies with 415 and malformed JSON with 400 bad.request', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const text = await request(app)
      .get(USAGE)
      .set('Authorization', bearer)
      .set('Content-Type', 'text/plain')
      .send('hello');
    expectErrorBody(text, 415, 'unsupported.media.type');
    const latin = await request(app)
      .get(USAGE)
      .set('Authorization', bearer)
      .set('Content-Type', 'application/json; charset=iso-8859-1')
      .send('{}');
    expectErrorBody(latin, 415, 'unsupported.media.type');
    const broken = await request(app)
      .get(USAGE)
      .set('Authorization', bearer)
      .set('Content-Type', 'application/json')
      .send('{"a":');
    expectErrorBody(broken, 400, 'bad.request');
    expect(app.sim.kernel.jobs.list()).toEqual([]);
  });

  it('renders injected faults as ErrorBody with the status code vocabulary', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const unavailable = await request(app)
      .get(USAGE)
      .set('Authorization', bearer)
      .set('X-Sim-Fault', '503; retry-after=5');
    expectErrorBody(unavailable, 503, 'service.unavailable');
    expect(unavailable.headers['retry-after']).toBe('5');
    const throttled = await request(app).get(USAGE).set('Authorization', bearer).set('Prefer', 'code=429');
    expectErrorBody(throttled, 429, 'too.many.requests.retry.after');
    const timeout = await request(app).get(CONTRACTS).set('Authorization', bearer).set('X-Sim-Fault', '504');
    expectErrorBody(timeout, 504, 'request.timeout');
    const added = await request(app)
      .post('/_sim/faults')
      .send({ match: { path: '/api/v2/billing/contracts*' }, effect: { status: 500 }, times: 1 });
    expect(added.status).toBe(201);
    expectErrorBody(
      await request(app).get(CONTRACTS).set('Authorization', bearer),
      500,
      'internal.server.error',
    );
    expect((await request(app).get(CONTRACTS).set('Authorization', bearer)).status).toBe(200);
    // A fault never starts a report job.
    expect(app.sim.kernel.jobs.list()).toEqual([]);
  });

  it('matches stored fault rules by tenant (the org behind the token)', async () => {
    const app = makeApp(guard);
    const contoso = await login(app, 'contoso-billing');
    const fabrikam = await login(app, 'fabrikam-billing');
    await request(app)
      .post('/_sim/faults')
      .send({ match: { tenant: CUSTOMER_A_ORG_ID }, effect: { status: 503, retryAfterSeconds: 3 } });
    expectErrorBody(
      await request(app).get(CONTRACTS).set('Authorization', contoso),
      503,
      'service.unavailable',
    );
    expect((await request(app).get(CONTRACTS).set('Authorization', fabrikam)).status).toBe(200);
  });

  it('refuses an org set with a duplicate client id', () => {
    const client = { clientId: 'same', clientSecret: 's', name: 'n', permissions: [] };
    expect(() =>
      makeApp(guard, {
        orgs: [
          { id: 'a', name: 'A', clients: [client] },
          { id: 'b', name: 'B', clients: [client] },
        ],
      }),
    ).toThrow(/duplicate OAuth client id same/);
  });

  it('answers unknown routes with 404 not.found in ErrorBody (declared by x-unmatched-routes)', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    for (const res of [
      await request(app).get('/api/v2/billing/nothing').set('Authorization', bearer),
      await request(app).post('/api/v2/billing/reports/billableusage').set('Authorization', bearer),
    ]) {
      expectErrorBody(res, 404, 'not.found');
    }
  });
});
