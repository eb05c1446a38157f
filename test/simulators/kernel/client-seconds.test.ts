import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../../simulators/kernel/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const AUTH = { Authorization: 'Bearer acme.t' };

function toy(clock: Clock, rateLimit = { kind: 'fixed-window' as const, limit: 1, windowMs: 60_000 }) {
  return createToyApp({ clock, rateLimit, onExchange: guard.onExchange });
}

describe('client-facing times are in client seconds', () => {
  it('under --time-scale 60 a 60 s window says Retry-After: 1, and the message agrees', async () => {
    const app = toy(new Clock({ mode: 'scaled', scale: 60, start: '2026-03-15T10:00:00Z' }));
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
    const limited = await request(app).get('/toy/items/1').set(AUTH);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.body.problem).toBe('Rate limit exceeded. Retry in 1 seconds.');
  });

  it('a token bucket refilling 1 per simulator minute says Retry-After: 1 under ×60', async () => {
    const app = toy(new Clock({ mode: 'scaled', scale: 60, start: '2026-03-15T10:00:00Z' }), {
      kind: 'token-bucket',
      capacity: 1,
      refillPerSecond: 1 / 60,
    } as never);
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
    const limited = await request(app).get('/toy/items/1').set(AUTH);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
  });

  it('an unscaled clock keeps simulator seconds (manual clock: 60)', async () => {
    const app = toy(new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }));
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
    expect((await request(app).get('/toy/items/1').set(AUTH)).headers['retry-after']).toBe('60');
  });

  it("a fault's Retry-After (simulator seconds) is sent in client seconds", async () => {
    const scaled = toy(new Clock({ mode: 'scaled', scale: 60, start: '2026-03-15T10:00:00Z' }), {
      kind: 'off',
    } as never);
    scaled.sim.kernel.faults.add({ effect: { status: 503, retryAfterSeconds: 120 } });
    const res = await request(scaled).get('/toy/items/1').set(AUTH);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    const header = await request(scaled)
      .get('/toy/items/1')
      .set(AUTH)
      .set('X-Sim-Fault', '429; retry-after=30');
    expect(header.headers['retry-after']).toBe('1');
    const manual = toy(new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }), {
      kind: 'off',
    } as never);
    manual.sim.kernel.faults.add({ effect: { status: 503, retryAfterSeconds: 120 } });
    expect((await request(manual).get('/toy/items/1').set(AUTH)).headers['retry-after']).toBe('120');
  });
});
