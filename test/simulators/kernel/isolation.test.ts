import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../../simulators/kernel/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const AUTH = { Authorization: 'Bearer acme.t' };

describe('no global state', () => {
  it('two kernels in one process do not see each other’s faults, jobs, clock, journal or limits', async () => {
    const a = createToyApp({
      clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
      onExchange: guard.onExchange,
      rateLimit: { kind: 'fixed-window', limit: 1, windowMs: 60_000 },
    });
    const b = createToyApp({
      clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
      onExchange: guard.onExchange,
      rateLimit: { kind: 'fixed-window', limit: 1, windowMs: 60_000 },
    });
    await request(a)
      .post('/_sim/faults')
      .send({ effect: { status: 503 } })
      .expect(201);
    a.sim.kernel.jobs.create({
      kind: 'r',
      lifecycle: { steps: ['R'], success: 'D', failure: 'F' },
      advance: { kind: 'manual' },
      data: {},
    });
    await request(a).post('/_sim/clock/advance').send({ seconds: 3600 }).expect(200);

    await request(b).post('/toy/items').set(AUTH).send({ name: 'only in b' }).expect(201); // no fault, fresh window
    expect((await request(b).get('/_sim/faults')).body.faults).toEqual([]);
    expect((await request(b).get('/_sim/jobs')).body.jobs).toEqual([]);
    expect((await request(b).get('/_sim/clock')).body.now).toBe('2026-03-15T10:00:00.000Z');
    expect(a.sim.kernel.journal.total).toBe(0); // a only served admin calls
    expect(b.sim.kernel.journal.total).toBe(1);
  });
});
