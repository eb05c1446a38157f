import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { pathPattern } from '../../../simulators/kernel/faults.js';
import { Clock, serve } from '../../../simulators/kernel/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const AUTH = { Authorization: 'Bearer acme.t' };

function toy(extra: Parameters<typeof createToyApp>[0] = {}) {
  return createToyApp({
    clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
    onExchange: guard.onExchange,
    ...extra,
  });
}

/** Raw HTTP GET that reports how the exchange ended, including a broken connection. */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status?: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    let body = '';
    let status: number | undefined;
    const req = httpRequest(url, { headers }, (res) => {
      status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status, body }));
      res.on('error', (e) => resolve({ status, body, error: e.message }));
      res.on('aborted', () => resolve({ status, body, error: 'aborted' }));
    });
    req.on('error', (e) => resolve({ status, body, error: e.message }));
    req.end();
  });
}

describe('fault rules', () => {
  it('status effect: rendered in the vendor envelope with Retry-After, handler not run', async () => {
    const app = toy();
    app.sim.kernel.faults.add({
      match: { method: 'POST', path: '/toy/items' },
      effect: { status: 503, retryAfterSeconds: 7 },
    });
    const res = await request(app).post('/toy/items').set(AUTH).send({ name: 'x' });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.body).toMatchObject({ status: 503, kind: 'fault' });
    expect(res.headers['x-toy-trace']).toBe('trace-1');
    await request(app).get('/toy/items/1').set(AUTH).expect(404); // nothing was created
  });

  it('times, fromRequest and ratio decide which matching requests are hit', async () => {
    const app = toy();
    app.sim.kernel.faults.add({
      id: 'third-and-fourth',
      match: { path: '/toy/items/*' },
      effect: { status: 429, retryAfterSeconds: 1 },
      fromRequest: 3,
      times: 2,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await request(app).get('/toy/items/9').set(AUTH)).status);
    expect(statuses).toEqual([404, 404, 429, 429, 404, 404]);
    // Spent after its second hit: retired (listed for the record, no longer scanned).
    expect(app.sim.kernel.faults.list()[0]).toMatchObject({ matched: 4, applied: 2, retired: true });
    expect(app.sim.kernel.faults.size).toBe(0);

    const hits = async (seed: number) => {
      const a = toy({ seed });
      a.sim.kernel.faults.add({ id: 'half', effect: { status: 500 }, ratio: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await request(a).get('/toy/items/1').set(AUTH)).status);
      return out;
    };
    const first = await hits(5);
    const errors = first.filter((s) => s === 500).length;
    expect(errors).toBeGreaterThan(8);
    expect(errors).toBeLessThan(32);
    expect(await hits(5)).toEqual(first); // seeded, so reproducible
  });

  it('matches on tenant, token and header', async () => {
    const app = toy();
    app.sim.kernel.faults.add({ match: { tenant: 'globex' }, effect: { status: 423, retryAfterSeconds: 2 } });
    app.sim.kernel.faults.add({
      match: { header: { name: 'X-Case', value: 'boom' } },
      effect: { status: 500 },
    });
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
    await request(app).get('/toy/items/1').set('Authorization', 'Bearer globex.t').expect(423);
    await request(app).get('/toy/items/1').set(AUTH).set('X-Case', 'boom').expect(500);
    await request(app).get('/toy/items/1').set(AUTH).set('X-Case', 'fine').expect(404);
  });

  it('X-Sim-Fault header and Prism-style Prefer: code= are doors to the same effects', async () => {
    const app = toy();
    const viaHeader = await request(app)
      .get('/toy/items/1')
      .set(AUTH)
      .set('X-Sim-Fault', '429; retry-after=3');
    expect(viaHeader.status).toBe(429);
    expect(viaHeader.headers['retry-after']).toBe('3');
    expect((await request(app).get('/toy/items/1').set(AUTH).set('Prefer', 'code=503')).status).toBe(503);
    expect((await request(app).get('/toy/items/1').set(AUTH).set('Prefer', 'code=200')).status).toBe(404);
    const bad = await request(app).get('/toy/items/1').set(AUTH).set('X-Sim-Fault', 'explode');
    expect(bad.status).toBe(400);
    expect(bad.body.problem).toMatch(/X-Sim-Fault: cannot read "explode"/);
  });

  it('delay holds the response until simulator time has passed', async () => {
    const app = toy();
    const server = await serve(app);
    try {
      const pending = fetch(`${server.url}/toy/items/1`, {
        headers: { ...AUTH, 'X-Sim-Fault': 'delay=5000' },
      });
      let settled = false;
      void pending.then(() => {
        settled = true;
      });
      while (app.sim.kernel.clock.pendingWaits === 0) await new Promise((r) => setImmediate(r));
      await new Promise((r) => setTimeout(r, 20));
      expect(settled).toBe(false);
      app.sim.kernel.clock.advance(5000);
      const res = await pending;
      expect(res.status).toBe(404);
      await res.arrayBuffer();
    } finally {
      await server.close();
    }
  });

  it('drop destroys the connection without an answer and the journal records status 0', async () => {
    const app = toy();
    app.sim.kernel.faults.add({ match: { path: '/toy/items/**' }, effect: { drop: true }, times: 1 });
    const server = await serve(app);
    try {
      const dropped = await rawGet(`${server.url}/toy/items/1`, AUTH);
      expect(dropped.status).toBeUndefined();
      expect(dropped.error).toMatch(/socket hang up|ECONNRESET/);
      const after = await rawGet(`${server.url}/toy/items/1`, AUTH);
      expect(after.status).toBe(404);
      const journal = app.sim.kernel.journal.list();
      expect(journal.map((e) => [e.status, e.fault])).toEqual([
        [0, 'fault-1'],
        [404, undefined],
      ]);
    } finally {
      await server.close();
    }
  });

  it('truncate lets N bytes out and then breaks the connection', async () => {
    const app = toy();
    const server = await serve(app);
    try {
      const cut = await rawGet(`${server.url}/toy/stream`, { ...AUTH, 'X-Sim-Fault': 'truncate=25' });
      expect(cut.status).toBe(200);
      expect(cut.body).toBe('line 0\nline 1\nline 2\nline');
      expect(cut.error).toBeDefined();
      const whole = await rawGet(`${server.url}/toy/stream`, AUTH);
      expect(whole.body.split('\n')).toHaveLength(101);
      expect(whole.error).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('admin API: add (validated), list, remove, clear', async () => {
    const app = toy();
    const added = await request(app)
      .post('/_sim/faults')
      .send({ id: 'r1', match: { method: 'GET' }, effect: { status: 429, retryAfterSeconds: 5 }, times: 1 });
    expect(added.status).toBe(201);
    expect(added.body.faults[0]).toMatchObject({ id: 'r1', matched: 0, applied: 0 });
    const bad = await request(app)
      .post('/_sim/faults')
      .send({ effect: { status: 200 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/400 to 599/);
    expect((await request(app).get('/_sim/faults')).body.faults).toHaveLength(1); // rejected rule not stored
    expect((await request(app).get('/toy/items/1').set(AUTH)).status).toBe(429);
    // times: 1 is spent: the rule is retired.
    expect((await request(app).get('/_sim/faults')).body.faults).toMatchObject([{ id: 'r1', retired: true }]);
    await request(app)
      .post('/_sim/faults')
      .send({ id: 'r1', effect: { status: 429 } })
      .expect(201);
    await request(app).delete('/_sim/faults/r1').expect(204);
    await request(app).delete('/_sim/faults/r1').expect(404);
    await request(app)
      .post('/_sim/faults')
      .send([{ effect: { status: 500 } }, { effect: { drop: true } }])
      .expect(201);
    await request(app).delete('/_sim/faults').expect(204);
    expect((await request(app).get('/_sim/faults')).body.faults).toEqual([]);
  });

  it('path patterns: * is one segment, ** any depth, ^ a regex', () => {
    expect(pathPattern('/a/*/c').test('/a/b/c')).toBe(true);
    expect(pathPattern('/a/*/c').test('/a/b/x/c')).toBe(false);
    expect(pathPattern('/a/**').test('/a/b/x/c')).toBe(true);
    expect(pathPattern('^/a/(b|c)$').test('/a/c')).toBe(true);
  });
});
