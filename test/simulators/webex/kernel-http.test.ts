import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock, createWebexApp } from '../../../simulators/index.js';
import { PLUGINS } from '../../../simulators/registry.js';
import { contractGuard } from '../../support/contract-guard.js';
import { bearer, CLOCK_START, TOKENS, WHOLESALE, webexApp } from './helpers.js';

const guard = contractGuard();

describe('kernel, for every vendor: the Date header follows the simulator clock', () => {
  it.each(PLUGINS.map((m) => [m.name, m] as const))('%s', async (_name, mod) => {
    const clock = new Clock({ mode: 'manual', start: '2031-07-04T12:00:00Z' });
    const app = mod.create({ clock, rateLimit: { kind: 'off' } });
    const first = await request(app).get('/no/such/path');
    expect(first.headers.date).toBe('Fri, 04 Jul 2031 12:00:00 GMT');
    clock.advance(90_000);
    expect((await request(app).get('/_sim/health')).headers.date).toBe('Fri, 04 Jul 2031 12:01:30 GMT');
  });
});

describe('kernel: absolute URLs from publicOrigin, never from the Host header', () => {
  async function nextLink(options: Parameters<typeof webexApp>[1], host?: string) {
    const { app } = webexApp(guard, { generation: { kind: 'manual' }, ...options });
    for (let i = 0; i < 3; i++) {
      await request(app)
        .post(WHOLESALE)
        .set(bearer(TOKENS.acme))
        .send({ billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    }
    const req = request(app).get(WHOLESALE).query({ max: 1 }).set(bearer(TOKENS.acme));
    if (host) req.set('Host', host);
    return (await req).headers.link as string;
  }

  it('a forged Host header does not reach the Link header: the listener address does', async () => {
    const link = await nextLink({}, 'evil.example.test');
    expect(link).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/v1\/wholesale\/billing\/reports\?/);
    expect(link).not.toContain('evil');
  });

  it('a configured publicOrigin is used as given', async () => {
    const link = await nextLink({ publicOrigin: 'https://webex-sim.example.test/' }, 'evil.example.test');
    expect(link).toMatch(/^<https:\/\/webex-sim\.example\.test\/v1\/wholesale\/billing\/reports\?/);
  });

  it('refuses a publicOrigin that is not an http(s) URL, naming the option', () => {
    expect(() => createWebexApp({ publicOrigin: 'webex-sim' })).toThrow(/publicOrigin/);
    expect(() => createWebexApp({ publicOrigin: 'ftp://x.test' })).toThrow(/publicOrigin/);
  });

  it('tempDownloadURL is built from the download host, not from Host either', async () => {
    const { app } = webexApp(guard, { generation: { kind: 'immediate' } });
    const created = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .send({ billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    const got = await request(app)
      .get(`${WHOLESALE}/${created.body.id}`)
      .set(bearer(TOKENS.acme))
      .set('Host', 'evil.example.test');
    expect(got.body.tempDownloadURL).toMatch(/^http:\/\/127\.0\.0\.1:8403\//);
    expect(CLOCK_START).toBeTruthy();
  });
});
