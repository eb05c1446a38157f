import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { MAX_FAULT_RULES, RETIRED_KEPT } from '../../../simulators/kernel/faults.js';
import { Clock } from '../../../simulators/kernel/index.js';
import { MAX_JOBS } from '../../../simulators/kernel/jobs.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const AUTH = { Authorization: 'Bearer acme.t' };
const LIFECYCLE = { steps: ['RUNNING'], success: 'DONE', failure: 'FAILED' } as const;
const START = '2026-03-15T10:00:00.000Z';

function toy(extra: Parameters<typeof createToyApp>[0] = {}) {
  return createToyApp({
    clock: new Clock({ mode: 'manual', start: START }),
    onExchange: guard.onExchange,
    ...extra,
  });
}

describe('admin writes are all-or-nothing', () => {
  it('a batch with one invalid rule answers 400 and installs none of them', async () => {
    const app = toy();
    await request(app)
      .post('/_sim/faults')
      .send({ id: 'kept', effect: { status: 503 } })
      .expect(201);
    const res = await request(app)
      .post('/_sim/faults')
      .send([
        { id: 'kept', effect: { status: 429 } },
        { id: 'new', effect: { status: 500 } },
        { id: 'bad', effect: { status: 200 } },
      ]);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^\/2\/effect\/status: /);
    // Neither the new rule nor the replacement of "kept" happened.
    expect(app.sim.kernel.faults.list().map((f) => [f.id, f.effect.status])).toEqual([['kept', 503]]);
  });

  it('a clock move with two instructions, a bad date or a move backwards changes nothing', async () => {
    const app = toy();
    for (const body of [
      { ms: 5, seconds: 5 },
      { to: 'yesterday' },
      { to: '2026-01-01T00:00:00Z' },
      {},
      [1],
    ]) {
      const res = await request(app).post('/_sim/clock/advance').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(typeof res.body.error).toBe('string');
    }
    expect(app.sim.kernel.clock.date().toISOString()).toBe(START);
  });

  it('a job advance with a malformed error object is refused and the job stays as it was', async () => {
    const app = toy();
    const job = app.sim.kernel.jobs.create({
      kind: 'toy.report',
      lifecycle: LIFECYCLE,
      advance: { kind: 'manual' },
      data: {},
    });
    const res = await request(app)
      .post(`/_sim/jobs/${job.id}/advance`)
      .send({ to: 'fail', error: { code: 7 } });
    expect(res.status).toBe(400);
    expect(app.sim.kernel.jobs.get(job.id)?.state).toBe('RUNNING');
  });
});

describe('strict admin routing', () => {
  it('DELETE /_sim/faults/ (an empty id) is not the collection', async () => {
    const app = toy();
    app.sim.kernel.faults.add({ id: 'a', effect: { status: 503 } });
    const res = await request(app).delete('/_sim/faults/');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/no admin route/);
    expect(app.sim.kernel.faults.size).toBe(1);
    expect((await request(app).delete('/_sim/FAULTS')).status).toBe(404);
    expect(app.sim.kernel.faults.size).toBe(1);
  });
});

describe('fault rules are bounded and cheap', () => {
  it('a rule whose times ran out is retired and no longer scanned', async () => {
    const app = toy();
    await request(app)
      .post('/_sim/faults')
      .send({ id: 'once', effect: { status: 503 }, times: 1 })
      .expect(201);
    expect((await request(app).get('/toy/items/1').set(AUTH)).status).toBe(503);
    expect((await request(app).get('/toy/items/1').set(AUTH)).status).toBe(404);
    expect((await request(app).get('/_sim/faults')).body.faults).toMatchObject([
      { id: 'once', applied: 1, retired: true },
    ]);
    expect(app.sim.kernel.faults.size).toBe(0);
    expect(app.sim.kernel.faults.retired).toBe(1);
  });

  it(`flood: at most ${MAX_FAULT_RULES} rules; the batch that would pass the cap installs nothing`, async () => {
    const app = toy();
    const batch = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, effect: { status: 503 }, times: 1 }));
    await request(app)
      .post('/_sim/faults')
      .send(batch(0, MAX_FAULT_RULES - 1))
      .expect(201);
    const over = await request(app).post('/_sim/faults').send(batch(MAX_FAULT_RULES, 2));
    expect(over.status).toBe(400);
    expect(over.body.error).toMatch(new RegExp(`at most ${MAX_FAULT_RULES}`));
    expect(app.sim.kernel.faults.size).toBe(MAX_FAULT_RULES - 1);
    // Replacing existing ids does not count twice; one more fits exactly.
    await request(app).post('/_sim/faults').send(batch(0, 10)).expect(201);
    await request(app).post('/_sim/faults').send(batch(MAX_FAULT_RULES, 1)).expect(201);
    expect(app.sim.kernel.faults.size).toBe(MAX_FAULT_RULES);
    // Spent rules free their room.
    for (let i = 0; i < 3; i++) expect((await request(app).get('/toy/items/1').set(AUTH)).status).toBe(503);
    expect(app.sim.kernel.faults.size).toBe(MAX_FAULT_RULES - 3);
  });

  it(`flood: spent rules are kept for the record only ${RETIRED_KEPT} at a time`, async () => {
    const app = toy();
    const rules = Array.from({ length: RETIRED_KEPT + 50 }, (_, i) => ({
      id: `once-${i}`,
      effect: { status: 503 },
      times: 1,
    }));
    await request(app).post('/_sim/faults').send(rules).expect(201);
    for (let i = 0; i < rules.length; i++) await request(app).get('/toy/items/1').set(AUTH).expect(503);
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
    const listed = app.sim.kernel.faults.list();
    expect(listed).toHaveLength(RETIRED_KEPT);
    expect(listed.every((r) => r.retired)).toBe(true);
    expect(listed[0]?.id).toBe('once-50'); // the oldest spent ones dropped first
    expect(app.sim.kernel.faults.retired).toBe(RETIRED_KEPT + 50);
  });

  it('a catastrophic-backtracking regex cannot stall the event loop (RE2, linear time)', async () => {
    const app = toy();
    await request(app)
      .post('/_sim/faults')
      .send({ match: { path: '^/(a+)+$' }, effect: { status: 503 } })
      .expect(201);
    await request(app)
      .post('/_sim/faults')
      .send({ match: { path: '**a**a**a**a**a**a**a**a**b' }, effect: { status: 502 } })
      .expect(201);
    const started = performance.now();
    const res = await request(app)
      .get(`/toy/items/${'a'.repeat(5000)}!`)
      .set(AUTH);
    expect(res.status).toBe(404);
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await request(app).get('/aaaa').set(AUTH)).status).toBe(503);
  });

  it('refuses what RE2 cannot run (backreferences, lookahead) and over-long patterns', async () => {
    const app = toy();
    for (const path of ['^/(a)\\1$', '^/(?=a)', `/${'x'.repeat(2000)}`]) {
      const res = await request(app)
        .post('/_sim/faults')
        .send({ match: { path }, effect: { status: 503 } });
      expect(res.status, path).toBe(400);
    }
    expect(app.sim.kernel.faults.size).toBe(0);
  });
});

describe('clock bounds', () => {
  it('the clock stops short of the last valid date: routes keep answering at the bound', async () => {
    const app = toy();
    const far = await request(app).post('/_sim/clock/advance').send({ to: '8999-12-31T23:59:59Z' });
    expect(far.status).toBe(200);
    const past = await request(app).post('/_sim/clock/advance').send({ to: '9000-01-01T00:00:01Z' });
    expect(past.status).toBe(400);
    const huge = await request(app).post('/_sim/clock/advance').send({ ms: 1e300 });
    expect(huge.status).toBe(400);
    expect((await request(app).get('/_sim/health').expect(200)).body.now).toBe('8999-12-31T23:59:59.000Z');
    await request(app).get('/_sim/clock').expect(200);
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
  });

  it('a scaled clock never runs past the bound', () => {
    const clock = new Clock({ mode: 'scaled', scale: 1e15, start: '8999-12-31T00:00:00Z' });
    expect(clock.now()).toBeLessThanOrEqual(Date.UTC(9000, 0, 1));
    expect(() => new Clock({ mode: 'manual', start: '+010000-01-01T00:00:00Z' })).toThrow(RangeError);
  });
});

describe('reset', () => {
  it('clears everything and, with clock: "start", returns the clock to its start', async () => {
    const app = toy();
    await request(app).post('/toy/items').set(AUTH).send({ name: 'x' }).expect(201);
    app.sim.kernel.faults.add({ id: 'f', match: { path: '/none' }, effect: { status: 503 } });
    app.sim.kernel.jobs.create({
      kind: 'toy.report',
      lifecycle: LIFECYCLE,
      advance: { kind: 'manual' },
      data: {},
    });
    await request(app).post('/_sim/clock/advance').send({ seconds: 3600 }).expect(200);
    await request(app).post('/_sim/reset').send({ clock: 'sideways' }).expect(400);
    expect(app.sim.kernel.faults.size).toBe(1); // refused: nothing reset
    await request(app).post('/_sim/reset').send({ clock: 'start' }).expect(204);
    expect(app.sim.kernel.clock.date().toISOString()).toBe(START);
    expect(app.sim.kernel.faults.size).toBe(0);
    expect(app.sim.kernel.jobs.size).toBe(0);
    expect(app.sim.kernel.journal.total).toBe(0);
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
    // Without the option the clock keeps its time.
    app.sim.kernel.clock.advance(5000);
    await request(app).post('/_sim/reset').expect(204);
    expect(app.sim.kernel.clock.date().toISOString()).toBe('2026-03-15T10:00:05.000Z');
  });
});

describe('jobs are bounded and paginated', () => {
  const create = (app: ReturnType<typeof toy>, kind: string, advance: 'manual' | 'immediate') =>
    app.sim.kernel.jobs.create({ kind, lifecycle: LIFECYCLE, advance: { kind: advance }, data: {} });

  it(`flood: at most ${MAX_JOBS} jobs, least recently used finished ones evicted first`, () => {
    const app = toy();
    const running = create(app, 'toy.report', 'manual');
    const firstDone = create(app, 'toy.report', 'immediate');
    const secondDone = create(app, 'toy.report', 'immediate');
    app.sim.kernel.jobs.get(firstDone.id); // touched: now more recent than secondDone
    for (let i = 0; i < MAX_JOBS + 500; i++) create(app, 'toy.flood', 'immediate');
    const jobs = app.sim.kernel.jobs;
    expect(jobs.size).toBe(MAX_JOBS);
    expect(jobs.evicted).toBe(503);
    expect(jobs.get(running.id)?.state).toBe('RUNNING'); // a running job outlives finished ones
    expect(jobs.get(secondDone.id)).toBeUndefined();
    expect(jobs.get(firstDone.id)).toBeUndefined();
  });

  it('GET /_sim/jobs pages with limit and cursor and honours kind and tenant', async () => {
    const app = toy();
    for (let i = 0; i < 5; i++) create(app, 'toy.report', 'manual');
    for (let i = 0; i < 3; i++)
      app.sim.kernel.jobs.create({
        kind: 'toy.export',
        tenant: 'acme',
        lifecycle: LIFECYCLE,
        advance: { kind: 'manual' },
        data: {},
      });
    const first = await request(app).get('/_sim/jobs?limit=2&kind=toy.report').expect(200);
    expect(first.body.jobs.map((j: { kind: string }) => j.kind)).toEqual(['toy.report', 'toy.report']);
    const ids: string[] = first.body.jobs.map((j: { id: string }) => j.id);
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const page = await request(app).get(`/_sim/jobs?limit=2&kind=toy.report&cursor=${cursor}`).expect(200);
      ids.push(...page.body.jobs.map((j: { id: string }) => j.id));
      cursor = page.body.nextCursor;
    }
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    const acme = await request(app).get('/_sim/jobs?tenant=acme').expect(200);
    expect(acme.body.jobs).toHaveLength(3);
    expect(acme.body.nextCursor).toBeNull();
    const all = await request(app).get('/_sim/jobs').expect(200);
    expect(all.body.jobs).toHaveLength(8);
    for (const q of ['limit=0', 'limit=1001', 'limit=x', 'cursor=abc', 'limit=1&limit=2']) {
      const res = await request(app).get(`/_sim/jobs?${q}`);
      expect(res.status, q).toBe(400);
    }
  });
});
