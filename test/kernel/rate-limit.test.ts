import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { RateLimitedErrors } from '../../simulators/kernel/errors.js';
import { Clock, createRateLimiter, kernelKind, serve } from '../../simulators/kernel/index.js';
import { contractGuard } from '../support/contract-guard.js';
import { toyContracts } from '../support/toy-contracts.js';
import { createToyApp } from '../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const manual = () => new Clock({ mode: 'manual', start: '2026-03-15T10:00:30Z' });

describe('rate limiters', () => {
  it('fixed window: allows the limit, then rejects with the seconds left in the window', () => {
    const clock = manual();
    const limiter = createRateLimiter(clock, { kind: 'fixed-window', limit: 3, windowMs: 60_000 });
    expect([1, 2, 3].map(() => limiter.take('k').allowed)).toEqual([true, true, true]);
    const rejected = limiter.take('k');
    expect(rejected).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetSeconds: 30,
      retryAfterSeconds: 30,
    });
    expect(limiter.take('other').allowed).toBe(true); // per key
    clock.advance(30_000); // next window
    expect(limiter.take('k')).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('token bucket: refills continuously', () => {
    const clock = manual();
    const limiter = createRateLimiter(clock, { kind: 'token-bucket', capacity: 2, refillPerSecond: 1 });
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1000);
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(false);
  });

  it('is exact under concurrency: 500 concurrent requests at 100/window → exactly 100 allowed', async () => {
    const app = createToyApp({
      clock: manual(),
      onExchange: guard.onExchange,
      rateLimit: { kind: 'fixed-window', limit: 100, windowMs: 60_000 },
    });
    const server = await serve(app);
    try {
      const statuses = await Promise.all(
        Array.from({ length: 500 }, () =>
          fetch(`${server.url}/toy/items/none`, { headers: { authorization: 'Bearer acme.t' } }).then(
            async (r) => {
              await r.arrayBuffer();
              return r.status;
            },
          ),
        ),
      );
      expect(statuses.filter((s) => s === 404)).toHaveLength(100);
      expect(statuses.filter((s) => s === 429)).toHaveLength(400);
    } finally {
      await server.close();
    }
  });

  it('renders the rejection in the vendor envelope with Retry-After and leaves state alone', async () => {
    const app = createToyApp({
      clock: manual(),
      onExchange: guard.onExchange,
      rateLimit: { kind: 'fixed-window', limit: 1, windowMs: 60_000 },
    });
    await request(app)
      .post('/toy/items')
      .set('Authorization', 'Bearer acme.t')
      .send({ name: 'a' })
      .expect(201);
    const res = await request(app)
      .post('/toy/items')
      .set('Authorization', 'Bearer acme.t')
      .send({ name: 'b' });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body).toMatchObject({ status: 429, kind: 'rate-limited' });
    // Another token has its own window and sees that item 2 was never created.
    await request(app).get('/toy/items/2').set('Authorization', 'Bearer other.t').expect(404);
  });

  it('hands out one 429 error per wait: built once per app, with the wait in its message and Retry-After', () => {
    const errors = new RateLimitedErrors();
    const thirty = errors.get(30);
    expect(errors.get(30)).toBe(thirty);
    expect(new RateLimitedErrors().get(30)).not.toBe(thirty); // another app's are its own
    expect(thirty).toMatchObject({
      status: 429,
      retryAfterSeconds: 30,
      message: 'Rate limit exceeded. Retry in 30 seconds.',
    });
    expect(kernelKind(thirty)).toBe('rate-limited');
    const five = errors.get(5);
    expect(five).not.toBe(thirty);
    expect(five.message).toBe('Rate limit exceeded. Retry in 5 seconds.');
  });
});
