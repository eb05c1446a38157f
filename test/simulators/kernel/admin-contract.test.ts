import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock, type RunningServer, serve } from '../../../simulators/kernel/index.js';
import { MAX_STATE_BYTES } from '../../../simulators/kernel/snapshot.js';
import { loadContract } from '../../fuzz/contract-ops.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const TOKEN = 't0ken';
const operations = loadContract('sim').operations;

/**
 * Every answer the admin API gives to a malformed, oversize or unauthenticated request is
 * declared in contracts/sim.openapi.yaml: the contract guard fails the test on any that is not.
 */
describe('the admin contract declares every answer', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(
      createToyApp({
        clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
        onExchange: guard.onExchange,
        adminToken: TOKEN,
      }),
    );
  });
  afterAll(() => server.close());

  const path = (template: string) => template.replace(/\{[^}]+\}/g, 'x');
  const send = (method: string, p: string, headers: Record<string, string>, body?: string) =>
    fetch(`${server.url}${p}`, { method, headers, body });
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('lists operations for every admin route', () => {
    expect(operations.length).toBeGreaterThanOrEqual(14);
  });

  for (const op of operations) {
    const where = `${op.method} ${op.template}`;
    it(`${where}: 401 without the token, 400 for a body that is not JSON, 413 for one over 64 KiB`, async () => {
      const json = { ...auth, 'content-type': 'application/json' };
      if (op.template !== '/_sim/health') {
        const res = await send(op.method, path(op.template), {});
        expect(res.status, where).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer realm="billing-sim admin"');
        expect(op.statuses).toContain('401');
      }
      if (op.method !== 'GET') {
        const bad = await send(op.method, path(op.template), json, '{not json');
        expect(bad.status, where).toBe(400);
        expect(await bad.json()).toEqual({ error: 'body is not valid JSON' });
        // A state snapshot has a limit of its own (thousands of jobs and rules); the rest 64 KiB.
        const limit = op.template === '/_sim/state' ? MAX_STATE_BYTES : 64 * 1024;
        const big = await send(
          op.method,
          path(op.template),
          json,
          JSON.stringify({ pad: 'x'.repeat(limit + 1000) }),
        );
        expect(big.status, where).toBe(413);
        expect(await big.json()).toEqual({ error: 'body too large' });
      }
      for (const s of ['400', '413']) expect(op.statuses, where).toContain(s);
    });
  }

  it('unknown admin routes and methods answer 404 in the admin envelope', async () => {
    for (const [method, p] of [
      ['GET', '/_sim/nothing'],
      ['PUT', '/_sim/faults'],
      ['DELETE', '/_sim/faults/'],
      ['GET', '/_sim/Clock'],
    ] as const) {
      const res = await send(method, p, auth);
      expect(res.status, `${method} ${p}`).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/^no admin route/);
    }
  });
});
