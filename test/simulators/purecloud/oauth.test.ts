import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { contractGuard } from '../../support/contract-guard.js';
import { basic, expectErrorBody, expectOAuthError, login, makeApp } from './helpers.js';

const guard = contractGuard();
const USAGE =
  '/api/v2/billing/reports/billableusage?startDate=2026-02-01T00:00:00Z&endDate=2026-02-28T23:59:59Z';

function tokenRequest(app: ReturnType<typeof makeApp>, authorization?: string) {
  const req = request(app).post('/oauth/token');
  if (authorization) req.set('Authorization', authorization);
  return req.type('form');
}

describe('purecloud OAuth client credentials', () => {
  it('issues a bearer token with the default lifetime', async () => {
    const app = makeApp(guard);
    const res = await tokenRequest(app, basic('northwind-billing', 'northwind-billing-secret')).send({
      grant_type: 'client_credentials',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 86399 });
    expect(res.body.access_token.length).toBeGreaterThan(40);
    expect(res.headers['inin-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('issues distinct tokens per login and honours tokenLifetimeSeconds', async () => {
    const app = makeApp(guard, { tokenLifetimeSeconds: 600 });
    const a = await tokenRequest(app, basic('contoso-billing', 'contoso-billing-secret')).send(
      'grant_type=client_credentials',
    );
    const b = await tokenRequest(app, basic('contoso-billing', 'contoso-billing-secret')).send(
      'grant_type=client_credentials',
    );
    expect(a.body.expires_in).toBe(600);
    expect(a.body.access_token).not.toBe(b.body.access_token);
  });

  it('answers invalid_client for a wrong secret, an unknown client and no Basic header', async () => {
    const app = makeApp(guard);
    const wrong = await tokenRequest(app, basic('northwind-billing', 'nope')).send({
      grant_type: 'client_credentials',
    });
    expectOAuthError(wrong, 401, 'invalid_client');
    expect(wrong.body.description).toBe('authentication failed');
    const unknown = await tokenRequest(app, basic('ghost', 'x')).send({ grant_type: 'client_credentials' });
    expectOAuthError(unknown, 401, 'invalid_client');
    expect(unknown.body.description).toBe('client not found');
    const none = await tokenRequest(app).send({ grant_type: 'client_credentials' });
    expectOAuthError(none, 401, 'invalid_client');
  });

  it('can answer invalid_client with 400 (invalidClientStatus option)', async () => {
    const app = makeApp(guard, { invalidClientStatus: 400 });
    const res = await tokenRequest(app, basic('northwind-billing', 'nope')).send({
      grant_type: 'client_credentials',
    });
    expectOAuthError(res, 400, 'invalid_client');
  });

  it('refuses unknown, missing and not-allowed grants', async () => {
    const app = makeApp(guard);
    const auth = basic('northwind-billing', 'northwind-billing-secret');
    expectOAuthError(
      await tokenRequest(app, auth).send({ grant_type: 'magic' }),
      400,
      'unsupported_grant_type',
    );
    expectOAuthError(await tokenRequest(app, auth).send({}), 400, 'invalid_request');
    const web = basic('northwind-web-app', 'northwind-web-app-secret');
    expectOAuthError(
      await tokenRequest(app, web).send({ grant_type: 'client_credentials' }),
      400,
      'unauthorized_client',
    );
    expectOAuthError(
      await tokenRequest(app, auth).send({ grant_type: 'password' }),
      400,
      'unauthorized_client',
    );
  });

  it('wants a form body: JSON and malformed JSON get OAuth errors, not ErrorBody', async () => {
    const app = makeApp(guard);
    const auth = basic('northwind-billing', 'northwind-billing-secret');
    const json = await request(app)
      .post('/oauth/token')
      .set('Authorization', auth)
      .send({ grant_type: 'client_credentials' });
    expectOAuthError(json, 400, 'invalid_request');
    const broken = await request(app)
      .post('/oauth/token')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{"grant_type":');
    expectOAuthError(broken, 400, 'invalid_request');
  });

  it('renders injected faults on the login path as OAuth errors', async () => {
    const app = makeApp(guard);
    const res = await tokenRequest(app, basic('northwind-billing', 'northwind-billing-secret'))
      .set('X-Sim-Fault', '503; retry-after=7')
      .send({ grant_type: 'client_credentials' });
    expectOAuthError(res, 503, 'temporarily_unavailable');
    expect(res.headers['retry-after']).toBe('7');
  });

  it('tokens work until they expire on the simulator clock, then answer credentials.expired', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const ok = await request(app).get(USAGE).set('Authorization', bearer);
    expect(ok.status).toBe(200);
    app.sim.kernel.clock.advance(86_398_000);
    expect((await request(app).get(USAGE).set('Authorization', bearer)).status).toBe(200);
    app.sim.kernel.clock.advance(1_000);
    const expired = await request(app).get(USAGE).set('Authorization', bearer);
    expectErrorBody(expired, 401, 'credentials.expired');
    // A fresh login works again.
    const again = await login(app, 'northwind-billing');
    expect((await request(app).get(USAGE).set('Authorization', again)).status).toBe(200);
  });

  it('distinguishes a missing token, an unknown token and a non-bearer scheme', async () => {
    const app = makeApp(guard);
    expectErrorBody(await request(app).get(USAGE), 401, 'authentication.required');
    expectErrorBody(
      await request(app).get(USAGE).set('Authorization', 'Bearer forged'),
      401,
      'bad.credentials',
    );
    expectErrorBody(
      await request(app)
        .get(USAGE)
        .set('Authorization', basic('northwind-billing', 'northwind-billing-secret')),
      401,
      'authentication.required',
    );
    const lower = await login(app, 'northwind-billing');
    const res = await request(app).get(USAGE).set('Authorization', lower.replace('Bearer', 'bearer'));
    expect(res.status).toBe(200);
  });

  it('forgets tokens on /_sim/reset', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    expect((await request(app).post('/_sim/reset')).status).toBeLessThan(300);
    expectErrorBody(await request(app).get(USAGE).set('Authorization', bearer), 401, 'bad.credentials');
  });
});
