import { describe, expect, it } from 'vitest';
import { contractGuard } from '../../support/contract-guard.js';
import { ADMIN, BILLING, basic, makeApp } from './support.js';

const guard = contractGuard();

describe('HTTP Basic and roles', () => {
  it.each([
    ['no credentials', undefined],
    ['a wrong password', basic('admin', 'nope')],
    ['an unknown user', basic('mallory', 'x')],
    ['another scheme', 'Bearer abc'],
    ['a garbled Basic value', 'Basic !!!'],
    ['Basic without a colon', `Basic ${Buffer.from('admin').toString('base64')}`],
  ])('%s → 401 with a Basic challenge, nothing started', async (_label, authorization) => {
    const { agent } = makeApp(guard);
    const req = agent.post(`${BILLING}/generate-cdrs`);
    if (authorization) req.set('Authorization', authorization);
    const res = await req;
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="RPRM"');
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.plcm\.plcm-error\+json/);
    expect(res.body).toMatchObject({ statusCode: 401, localizationKey: 'error.authentication.failed' });
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body.statusType).toBe('NOT_STARTED');
  });

  it('a user without a billing role gets 403 "Current user does not have permission…"', async () => {
    const { agent } = makeApp(guard);
    for (const [method, path] of [
      ['post', `${BILLING}/generate-cdrs`],
      ['get', `${BILLING}/status`],
      ['get', `${BILLING}/download-cdrs`],
      ['get', BILLING],
    ] as const) {
      const res = await agent[method](path).set('Authorization', basic('scheduler'));
      expect(res.status, path).toBe(403);
      expect(res.headers['www-authenticate']).toBeUndefined();
      expect(res.body.statusCode).toBe(403);
      expect(res.body.description).toBe('Current user does not have permission to request information.');
    }
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body.statusType).toBe('NOT_STARTED');
  });

  it('admin, provisioner and auditor may read billing', async () => {
    const { agent } = makeApp(guard);
    for (const user of ['admin', 'provisioner', 'auditor']) {
      const res = await agent.get(`${BILLING}/status`).set('Authorization', basic(user));
      expect(res.status, user).toBe(200);
    }
  });

  it('takes users and billing roles from options (roles compared case-insensitively)', async () => {
    const { agent, app } = makeApp(guard, {
      users: {
        ops: { password: 's3cret', roles: ['Billing-Reader'] },
        guest: { password: 'g', roles: ['viewer'] },
      },
      billingRoles: ['billing-reader'],
      realm: 'DMA',
    });
    expect((await agent.get(`${BILLING}/status`).set('Authorization', basic('ops', 's3cret'))).status).toBe(
      200,
    );
    expect((await agent.get(`${BILLING}/status`).set('Authorization', basic('guest', 'g'))).status).toBe(403);
    const denied = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(denied.status).toBe(401);
    expect(denied.headers['www-authenticate']).toBe('Basic realm="DMA"');
    expect(app.sim.credentials.billing).toEqual({ username: 'ops', password: 's3cret' });
  });

  it('renders 401 and 403 as XML plcm-error when asked', async () => {
    const { agent } = makeApp(guard);
    const res = await agent.get(`${BILLING}/status`).set('Accept', 'application/xml');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.plcm\.plcm-error\+xml/);
    expect(res.text).toMatch(/<status-code>401<\/status-code>[\s\S]*<description>Authentication failed/);
    expect(res.text).toContain('<detailed-error-code>1001</detailed-error-code>');
  });
});

describe('kernel errors in the plcm-error envelope', () => {
  it('the rate limiter answers 429 with Retry-After', async () => {
    const { agent } = makeApp(guard, { rateLimit: { kind: 'fixed-window', limit: 2, windowMs: 60_000 } });
    await agent.get(`${BILLING}/status`).set('Authorization', ADMIN).expect(200);
    await agent.get(`${BILLING}/status`).set('Authorization', ADMIN).expect(200);
    const limited = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.body).toMatchObject({ statusCode: 429, localizationKey: 'error.rate.limit.exceeded' });
    // Another user has their own window.
    await agent.get(`${BILLING}/status`).set('Authorization', basic('auditor')).expect(200);
  });

  it('repeated 429s: the same bytes while the wait is the same, the new wait once the clock moves, JSON or XML', async () => {
    const { agent, clock } = makeApp(guard, {
      rateLimit: { kind: 'fixed-window', limit: 1, windowMs: 60_000 },
    });
    await agent.get(`${BILLING}/status`).set('Authorization', ADMIN).expect(200);
    const first = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    const again = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect([first.status, again.status]).toEqual([429, 429]);
    expect(again.text).toBe(first.text);
    expect(first.body).toMatchObject({
      statusCode: 429,
      description: 'Rate limit exceeded. Retry in 60 seconds.',
    });
    expect(first.headers['content-length']).toBe(String(Buffer.byteLength(first.text)));
    clock.advance(45_000);
    const later = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(later.headers['retry-after']).toBe('15');
    expect(later.body).toMatchObject({ description: 'Rate limit exceeded. Retry in 15 seconds.' });
    const xml = await agent
      .get(`${BILLING}/status`)
      .set('Authorization', ADMIN)
      .set('Accept', 'application/xml');
    expect(xml.status).toBe(429);
    expect(xml.headers['content-type']).toBe('application/vnd.plcm.plcm-error+xml; charset=utf-8');
    expect(xml.text).toContain('<description>Rate limit exceeded. Retry in 15 seconds.</description>');
    expect(xml.text).toContain('<detailed-error-code>4029</detailed-error-code>');
    const json = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(json.text).toBe(later.text);
  });

  it('injected faults (X-Sim-Fault, Prefer) come back as plcm-error; the request does nothing', async () => {
    const { agent } = makeApp(guard);
    const unavailable = await agent
      .post(`${BILLING}/generate-cdrs`)
      .set('Authorization', ADMIN)
      .set('X-Sim-Fault', '503; retry-after=7');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers['retry-after']).toBe('7');
    expect(unavailable.body).toMatchObject({ statusCode: 503, detailedErrorCode: 5030 });
    const locked = await agent
      .get(`${BILLING}/download-cdrs`)
      .set('Authorization', ADMIN)
      .set('Prefer', 'code=423');
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ statusCode: 423, localizationKey: 'error.http.423' });
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body.statusType).toBe('NOT_STARTED');
  });

  it('a fault rule from the options hits only its route', async () => {
    const { agent } = makeApp(guard, {
      faults: [
        { match: { method: 'GET', path: '/api/rest/billing/status' }, effect: { status: 500 }, times: 1 },
      ],
    });
    const failed = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(failed.status).toBe(500);
    expect(failed.body.statusCode).toBe(500);
    await agent.get(`${BILLING}/status`).set('Authorization', ADMIN).expect(200);
  });
});

describe('rate limits keyed by the authenticated user', () => {
  const limit = { rateLimit: { kind: 'fixed-window', limit: 2, windowMs: 60_000 } } as const;

  it('wrong-password requests never use up the real user’s window', async () => {
    const { agent } = makeApp(guard, limit);
    const wrong = basic('admin', 'not-the-password');
    const answers: number[] = [];
    for (let i = 0; i < 5; i++)
      answers.push((await agent.get(`${BILLING}/status`).set('Authorization', wrong)).status);
    // The failures share their client address's bucket: 401, 401, then 429.
    expect(answers).toEqual([401, 401, 429, 429, 429]);
    // admin's own window is untouched: two requests, then its own 429.
    await agent.get(`${BILLING}/status`).set('Authorization', ADMIN).expect(200);
    await agent.get(`${BILLING}/status`).set('Authorization', ADMIN).expect(200);
    const limited = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, localizationKey: 'error.rate.limit.exceeded' });
  });

  it('unauthenticated traffic has one bucket per client address, whatever user it claims', async () => {
    const { agent } = makeApp(guard, limit);
    const a = await agent.get(`${BILLING}/status`).set('Authorization', basic('admin', 'x'));
    const b = await agent.get(`${BILLING}/status`).set('Authorization', basic('auditor', 'y'));
    const c = await agent.get(`${BILLING}/status`);
    expect([a.status, b.status, c.status]).toEqual([401, 401, 429]);
    // A path that needs no credentials counts against the address too, never the claimed user.
    const unknown = await agent.get('/api/rest/nothing-here').set('Authorization', basic('provisioner', 'z'));
    expect(unknown.status).toBe(429);
    await agent.get(`${BILLING}/status`).set('Authorization', basic('provisioner')).expect(200);
    await agent.get(`${BILLING}/status`).set('Authorization', basic('auditor')).expect(200);
  });

  it('authentication comes before the body: a 401 never reads or judges it', async () => {
    const { agent } = makeApp(guard);
    const res = await agent
      .post(`${BILLING}/generate-cdrs`)
      .set('Authorization', basic('admin', 'nope'))
      .set('Content-Type', 'application/json')
      .send('{not json');
    expect(res.status).toBe(401);
    expect(res.body.statusCode).toBe(401);
  });
});
