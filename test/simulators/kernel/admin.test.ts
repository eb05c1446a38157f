import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../../simulators/kernel/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const AUTH = { Authorization: 'Bearer acme.t' };
const LIFECYCLE = { steps: ['RUNNING'], success: 'DONE', failure: 'FAILED' } as const;

function toy(extra: Parameters<typeof createToyApp>[0] = {}) {
  return createToyApp({
    clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
    onExchange: guard.onExchange,
    ...extra,
  });
}

describe('admin API', () => {
  it('health answers 200 without vendor auth, rate limits or faults', async () => {
    const app = toy({ rateLimit: { kind: 'fixed-window', limit: 0, windowMs: 1000 } });
    app.sim.kernel.faults.add({ effect: { status: 500 } });
    const res = await request(app).get('/_sim/health').expect(200);
    expect(res.body).toEqual({ vendor: 'toy', status: 'ok', now: '2026-03-15T10:00:00.000Z' });
  });

  it('clock: read, advance by ms / seconds / to an instant; bad input is refused without moving time', async () => {
    const app = toy();
    expect((await request(app).get('/_sim/clock')).body).toMatchObject({
      now: '2026-03-15T10:00:00.000Z',
      mode: 'manual',
    });
    expect((await request(app).post('/_sim/clock/advance').send({ ms: 1500 })).body.now).toBe(
      '2026-03-15T10:00:01.500Z',
    );
    expect((await request(app).post('/_sim/clock/advance').send({ seconds: 60 })).body.now).toBe(
      '2026-03-15T10:01:01.500Z',
    );
    expect(
      (await request(app).post('/_sim/clock/advance').send({ to: '2026-03-16T00:00:00Z' })).body.now,
    ).toBe('2026-03-16T00:00:00.000Z');
    const back = await request(app).post('/_sim/clock/advance').send({ to: '2026-01-01T00:00:00Z' });
    expect(back.status).toBe(400);
    expect((await request(app).post('/_sim/clock/advance').send({ ms: 'soon' })).status).toBe(400);
    expect(
      (await request(app).post('/_sim/clock/advance').set('Content-Type', 'application/json').send('{oops'))
        .status,
    ).toBe(400);
    expect(app.sim.kernel.clock.date().toISOString()).toBe('2026-03-16T00:00:00.000Z');
  });

  it('jobs: list, read, advance step by step or to an outcome, fail-next', async () => {
    const app = toy();
    const job = app.sim.kernel.jobs.create({
      kind: 'report',
      tenant: 'acme',
      lifecycle: LIFECYCLE,
      advance: { kind: 'manual' },
      totalUnits: 10,
      data: {},
    });
    expect((await request(app).get('/_sim/jobs')).body.jobs).toHaveLength(1);
    expect((await request(app).get(`/_sim/jobs/${job.id}`)).body).toMatchObject({
      state: 'RUNNING',
      terminal: false,
      processedUnits: 0,
    });
    const failed = await request(app)
      .post(`/_sim/jobs/${job.id}/advance`)
      .send({ to: 'fail', error: { code: 'E1', message: 'disk full' } });
    expect(failed.body).toMatchObject({
      state: 'FAILED',
      failed: true,
      error: { code: 'E1', message: 'disk full' },
      finishedAt: '2026-03-15T10:00:00.000Z',
    });
    expect((await request(app).post(`/_sim/jobs/${job.id}/advance`).send({ to: 'sideways' })).status).toBe(
      400,
    );
    expect((await request(app).post('/_sim/jobs/nope/advance').send({})).status).toBe(404);
    expect((await request(app).get('/_sim/jobs/nope')).status).toBe(404);
    await request(app).post('/_sim/jobs/fail-next').send({ count: 1 }).expect(200);
    const next = app.sim.kernel.jobs.create({
      kind: 'report',
      lifecycle: LIFECYCLE,
      advance: { kind: 'immediate' },
      data: {},
    });
    expect(next.failed).toBe(true);
  });

  it('journal: records vendor requests (not admin ones), keeps only the newest N, clears', async () => {
    const app = toy({ journalSize: 3 });
    for (let i = 1; i <= 5; i++) await request(app).get(`/toy/items/${i}?q=${i}`).set(AUTH);
    await request(app).get('/_sim/health');
    const res = await request(app).get('/_sim/requests');
    expect(res.body.capacity).toBe(3);
    expect(res.body.total).toBe(5);
    expect(
      res.body.requests.map((r: { path: string; query: string; status: number; tenant: string }) => [
        r.path,
        r.query,
        r.status,
        r.tenant,
      ]),
    ).toEqual([
      ['/toy/items/3', 'q=3', 404, 'acme'],
      ['/toy/items/4', 'q=4', 404, 'acme'],
      ['/toy/items/5', 'q=5', 404, 'acme'],
    ]);
    expect((await request(app).get('/_sim/requests?limit=1')).body.requests).toHaveLength(1);
    expect((await request(app).get('/_sim/requests?limit=-2')).status).toBe(400);
    await request(app).delete('/_sim/requests').expect(204);
    expect((await request(app).get('/_sim/requests')).body).toMatchObject({ total: 0, requests: [] });
  });

  it('reset clears jobs, faults, journal, rate windows and vendor state, but keeps the configured faults and the time', async () => {
    const app = toy({
      rateLimit: { kind: 'fixed-window', limit: 2, windowMs: 60_000 },
      faults: [{ id: 'configured', match: { header: { name: 'X-Boom' } }, effect: { status: 500 } }],
    });
    await request(app).post('/toy/items').set(AUTH).send({ name: 'kept?' }).expect(201);
    await request(app).get('/toy/items/1').set(AUTH).expect(200);
    await request(app).get('/toy/items/1').set(AUTH).expect(429);
    app.sim.kernel.faults.add({ id: 'extra', effect: { status: 503 } });
    app.sim.kernel.jobs.create({ kind: 'r', lifecycle: LIFECYCLE, advance: { kind: 'manual' }, data: {} });
    app.sim.kernel.clock.advance(10);
    await request(app).post('/_sim/reset').expect(204);
    expect(app.sim.kernel.faults.list().map((f) => f.id)).toEqual(['configured']);
    expect(app.sim.kernel.jobs.list()).toEqual([]);
    expect(app.sim.kernel.journal.total).toBe(0);
    expect(app.sim.kernel.clock.date().toISOString()).toBe('2026-03-15T10:00:00.010Z');
    await request(app).get('/toy/items/1').set(AUTH).expect(404); // vendor state gone, window fresh
  });

  it('unknown admin routes answer 404 in the admin envelope', async () => {
    const res = await request(toy()).get('/_sim/nothing');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/no admin route GET \/_sim\/nothing/);
  });
});
