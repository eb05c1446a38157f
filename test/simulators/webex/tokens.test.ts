import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { WebexCredentials } from '../../../simulators/webex/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { bearer, expectWebexError, storeSnapshot, TOKENS, WHOLESALE, webexApp } from './helpers.js';

const guard = contractGuard();
const TOKEN_URL = '/v1/access_token';

function integrationOf(app: { sim: { credentials: unknown } }) {
  const i = (app.sim.credentials as WebexCredentials).integrations[0];
  if (!i) throw new Error('no demo integration');
  return i;
}

describe('webex tokens: POST /v1/access_token', () => {
  it('refresh_token grant: access tokens that expire on the simulator clock, refreshed again and again', async () => {
    const { app, clock } = webexApp(guard, { accessTokenLifetimeSeconds: 3600 });
    const i = integrationOf(app);
    const grant = await request(app).post(TOKEN_URL).type('form').send({
      grant_type: 'refresh_token',
      client_id: i.clientId,
      client_secret: i.clientSecret,
      refresh_token: i.refreshToken,
    });
    expect(grant.status).toBe(200);
    expect(Object.keys(grant.body).sort()).toEqual([
      'access_token',
      'expires_in',
      'refresh_token',
      'refresh_token_expires_in',
    ]);
    expect(grant.body.expires_in).toBe(3600);
    expect(grant.body.refresh_token_expires_in).toBe(90 * 86_400);
    const access = grant.body.access_token as string;
    expect((await request(app).get(WHOLESALE).set(bearer(access))).status).toBe(200);
    clock.advance(3_599_000);
    expect((await request(app).get(WHOLESALE).set(bearer(access))).status).toBe(200);
    clock.advance(1_000);
    const expired = await request(app).get(WHOLESALE).set(bearer(access));
    expectWebexError(expired, 401, /expired/);
    // The renewed refresh token gets a new access token; the demo tokens never expire.
    const again = await request(app).post(TOKEN_URL).type('form').send({
      grant_type: 'refresh_token',
      client_id: i.clientId,
      client_secret: i.clientSecret,
      refresh_token: grant.body.refresh_token,
    });
    expect(again.status).toBe(200);
    expect(again.body.access_token).not.toBe(access);
    expect((await request(app).get(WHOLESALE).set(bearer(again.body.access_token))).status).toBe(200);
    clock.advance(365 * 86_400_000);
    expect((await request(app).get(WHOLESALE).set(bearer(TOKENS.acme))).status).toBe(200);
    // A refresh token past its lifetime is refused.
    const stale = await request(app).post(TOKEN_URL).type('form').send({
      grant_type: 'refresh_token',
      client_id: i.clientId,
      client_secret: i.clientSecret,
      refresh_token: again.body.refresh_token,
    });
    expectWebexError(stale, 400, /refresh_token has expired/);
  });

  it('authorization_code grant for the demo integration: consent redirect, one exchange per code', async () => {
    const { app } = webexApp(guard);
    const i = integrationOf(app);
    const consent = await request(app)
      .get('/v1/authorize')
      .query({ client_id: i.clientId, response_type: 'code', redirect_uri: i.redirectUri, state: 'xyz' });
    expect(consent.status).toBe(302);
    const location = new URL(consent.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(i.redirectUri);
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code') as string;
    const form = {
      grant_type: 'authorization_code',
      client_id: i.clientId,
      client_secret: i.clientSecret,
      code,
    };
    const tokens = await request(app).post(TOKEN_URL).type('form').send(form);
    expect(tokens.status).toBe(200);
    expect(tokens.body.expires_in).toBe(14 * 86_400);
    const created = await request(app)
      .post(WHOLESALE)
      .set(bearer(tokens.body.access_token))
      .send({ billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    expect(created.status).toBe(200);
    expectWebexError(await request(app).post(TOKEN_URL).type('form').send(form), 400, /already been used/);
  });

  it('refuses bad clients, grants and tokens in the Webex envelope', async () => {
    const { app } = webexApp(guard);
    const i = integrationOf(app);
    const base = { client_id: i.clientId, client_secret: i.clientSecret };
    const post = (body: Record<string, string>) => request(app).post(TOKEN_URL).type('form').send(body);
    expectWebexError(await post({ ...base, client_secret: 'nope', grant_type: 'refresh_token' }), 401);
    expectWebexError(await post({ ...base, grant_type: 'password' }), 400, /grant_type must be/);
    expectWebexError(await post({ grant_type: 'refresh_token' }), 400, /client_id is required/);
    const tampered = `${i.refreshToken.slice(0, -3)}AAA`;
    expectWebexError(await post({ ...base, grant_type: 'refresh_token', refresh_token: tampered }), 400);
    // An access token is not a refresh token, and a refresh token is not a bearer token.
    const access = (await post({ ...base, grant_type: 'refresh_token', refresh_token: i.refreshToken })).body
      .access_token as string;
    expectWebexError(await post({ ...base, grant_type: 'refresh_token', refresh_token: access }), 400);
    expectWebexError(await request(app).get(WHOLESALE).set(bearer(i.refreshToken)), 401);
  });
});

describe('webex authentication before the body (kernel authenticate hook)', () => {
  it('401/403 come before 400, 413 and 415, and nothing is stored', async () => {
    const { app } = webexApp(guard);
    const before = storeSnapshot(app);
    const malformed = await request(app)
      .post(WHOLESALE)
      .set('Content-Type', 'application/json')
      .send('{nope');
    expectWebexError(malformed, 401);
    const noScope = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acmeWholesaleRo))
      .set('Content-Type', 'application/json')
      .send('{nope');
    expectWebexError(noScope, 403, /wholesale_billing_reports_write/);
    const big = await request(app)
      .post(WHOLESALE)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ pad: 'x'.repeat(100_000) }));
    expectWebexError(big, 401);
    const text = await request(app).post(WHOLESALE).set('Content-Type', 'text/plain').send('x');
    expectWebexError(text, 401);
    // With a good token the same bodies get their own errors.
    const good = bearer(TOKENS.acme);
    expectWebexError(
      await request(app).post(WHOLESALE).set(good).set('Content-Type', 'application/json').send('{nope'),
      400,
    );
    expectWebexError(
      await request(app)
        .post(WHOLESALE)
        .set(good)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ pad: 'x'.repeat(100_000) })),
      413,
    );
    expect(storeSnapshot(app)).toBe(before);
  });
});
