import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock, serve } from '../../../simulators/kernel/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const AUTH = { Authorization: 'Bearer acme.t' };
const toy = (clock = new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' })) =>
  createToyApp({ clock, onExchange: guard.onExchange });

describe('kernel hardening (inputs found by fuzzing)', () => {
  it('refuses to move the clock past the last valid date and keeps serving', async () => {
    const app = toy();
    const res = await request(app).post('/_sim/clock/advance').send({ ms: 8.64e15 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/past the last valid date/);
    expect(app.sim.kernel.clock.date().toISOString()).toBe('2026-03-15T10:00:00.000Z');
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
    await request(app).get('/_sim/health').expect(200);
  });

  it('rejects fault rules with wrong types instead of storing rules that break every request', async () => {
    const app = toy();
    const bad = [
      { effect: { status: 503 }, match: { method: 5 } },
      { effect: { status: 503 }, match: { header: 'x' } },
      { effect: { status: 503 }, match: { path: 5 } },
      [null],
      { id: 5, effect: { status: 503 } },
      { effect: { status: 503 }, ratio: '0.5' },
      { effect: { status: 503, message: { text: 'x' } } },
      { effect: { status: 503, retryAfterSeconds: 0.5 } },
      { effect: { delayMs: 1e12 } },
    ];
    for (const rule of bad) {
      const res = await request(app).post('/_sim/faults').send(rule);
      expect(res.status, JSON.stringify(rule)).toBe(400);
    }
    expect(app.sim.kernel.faults.list()).toEqual([]);
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
    const header = await request(app)
      .get('/toy/items/1')
      .set(AUTH)
      .set('X-Sim-Fault', '503; retry-after=0.5');
    expect(header.status).toBe(400);
    expect(header.body.kind).toBe('fault');
  });

  it('answers undecodable paths and bodies that do not inflate with 400 in the vendor envelope', async () => {
    const app = toy();
    for (const path of ['/toy/items/%', '/toy/items/%ZZ', '/toy/items/%E0%A4%A']) {
      const res = await request(app).get(path).set(AUTH);
      expect(res.status, path).toBe(400);
      expect(res.body).toMatchObject({ status: 400, kind: 'bad-request' });
    }
    const gz = await request(app)
      .post('/toy/items')
      .set(AUTH)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('notgzip');
    expect(gz.status).toBe(400);
    expect(gz.body.kind).toBe('bad-request');
    // A real gzip body still works (sent raw: supertest would JSON-encode a Buffer).
    const server = await serve(app);
    try {
      const good = await fetch(`${server.url}/toy/items`, {
        method: 'POST',
        headers: { ...AUTH, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        body: gzipSync('{"name":"zipped"}'),
      });
      expect(good.status).toBe(201);
      expect(await good.json()).toMatchObject({ name: 'zipped' });
    } finally {
      await server.close();
    }
    expect((await request(app).get('/_sim/jobs/%')).status).toBe(400);
  });

  it('is exact about paths and answers OPTIONS with 405 in the vendor envelope', async () => {
    const app = toy();
    await request(app).post('/toy/items').set(AUTH).send({ name: 'a' }).expect(201);
    await request(app).get('/toy/items/1').set(AUTH).expect(200);
    for (const path of ['/toy/items/1/', '/TOY/items/1', '/toy//items/1']) {
      expect((await request(app).get(path).set(AUTH)).status, path).toBe(404);
    }
    const options = await request(app).options('/toy/items/1').set(AUTH);
    expect(options.status).toBe(405);
    expect(options.body).toMatchObject({ kind: 'method-not-allowed' });
  });

  it('forgets a delayed request whose client went away', async () => {
    const app = toy();
    const server = await serve(app);
    try {
      const req = httpRequest(`${server.url}/toy/items/1`, {
        headers: { ...AUTH, 'X-Sim-Fault': 'delay=60000' },
      });
      req.on('error', () => {});
      req.end();
      while (app.sim.kernel.clock.pendingWaits === 0) await new Promise((r) => setImmediate(r));
      req.destroy();
      for (let i = 0; i < 100 && app.sim.kernel.clock.pendingWaits > 0; i++)
        await new Promise((r) => setTimeout(r, 5));
      expect(app.sim.kernel.clock.pendingWaits).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('keeps long delays on a real-time clock from overflowing the timer', async () => {
    const clock = new Clock({ mode: 'system' });
    const abort = new AbortController();
    const waiting = clock.wait(3_000_000_000, abort.signal);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.pendingWaits).toBe(1); // an overflowed timer would have spun and resolved nothing, warning each ms
    abort.abort();
    await waiting;
    expect(clock.pendingWaits).toBe(0);
  });
});
