import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { adminExposure, Clock, isLoopback } from '../../../simulators/kernel/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const TOKEN = 'k3y-for-the-admin';

function toy(adminToken?: string) {
  return createToyApp({
    clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
    onExchange: guard.onExchange,
    adminToken,
  });
}

describe('admin token', () => {
  it('with a token, every admin route but health demands it (Bearer or X-Sim-Admin-Token)', async () => {
    const app = toy(TOKEN);
    await request(app).get('/_sim/health').expect(200);
    const missing = await request(app)
      .post('/_sim/faults')
      .send({ effect: { status: 503 } });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="billing-sim admin"');
    expect(missing.body.error).toMatch(/needs the admin token/);
    const wrong = await request(app).post('/_sim/reset').set('Authorization', 'Bearer nope');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('wrong admin token');
    // Refused requests changed nothing.
    expect(app.sim.kernel.faults.size).toBe(0);
    for (const path of ['/_sim/faults', '/_sim/clock', '/_sim/jobs', '/_sim/requests', '/_sim/nothing']) {
      expect((await request(app).get(path)).status, path).toBe(401);
    }
    await request(app)
      .post('/_sim/faults')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ effect: { status: 503 } })
      .expect(201);
    await request(app).get('/_sim/faults').set('X-Sim-Admin-Token', TOKEN).expect(200);
    // Vendor routes are untouched by the admin token.
    expect((await request(app).get('/toy/items/1').set('Authorization', 'Bearer acme.t')).status).toBe(503);
  });

  it('without a token the admin API stays open (loopback zero-config)', async () => {
    await request(toy()).get('/_sim/faults').expect(200);
  });

  it('binding beyond loopback needs a token or an explicit, warned opt-out', () => {
    for (const host of [undefined, '127.0.0.1', '127.3.2.1', 'localhost', '::1', '[::1]'])
      expect(isLoopback(host), String(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'example.test'])
      expect(isLoopback(host), host).toBe(false);
    expect(adminExposure({ host: '127.0.0.1', adminToken: undefined, insecureAdmin: false })).toBeUndefined();
    expect(adminExposure({ host: '0.0.0.0', adminToken: 'x', insecureAdmin: false })).toBeUndefined();
    const refused = adminExposure({ host: '0.0.0.0', adminToken: undefined, insecureAdmin: false });
    expect(refused && 'refuse' in refused && refused.refuse).toMatch(/--admin-token/);
    const warned = adminExposure({ host: '0.0.0.0', adminToken: undefined, insecureAdmin: true });
    expect(warned && 'warn' in warned && warned.warn).toMatch(/^warning: .*open to anyone/);
  });
});
