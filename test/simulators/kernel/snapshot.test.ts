import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createWebexApp } from '../../../simulators/webex/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { scenarios } from './state-scenarios.js';

const guard = contractGuard();
const SCENARIOS = scenarios(guard);

describe.each(Object.keys(SCENARIOS))('%s: snapshot → new app → restore', (vendor) => {
  const scenario = SCENARIOS[vendor]!;

  it('answers byte for byte as the original does, a job caught mid-generation included', async () => {
    const original = scenario.make();
    const held = await scenario.before(original);
    const taken = await request(original).get('/_sim/state').expect(200);
    expect(taken.body).toMatchObject({ format: 'billing-sim.state', version: 1, vendor });
    expect(taken.body.jobs.jobs.length).toBeGreaterThan(0);

    const restored = scenario.make();
    const put = await request(restored).put('/_sim/state').type('json').send(taken.text);
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ vendor, now: taken.body.takenAt });
    // The restored app's own snapshot is the one it was given.
    expect((await request(restored).get('/_sim/state')).text).toBe(taken.text);

    const expected = await scenario.after(original, held);
    const got = await scenario.after(restored, held);
    expect(got).toEqual(expected);
  });

  it('a fresh app without the snapshot answers otherwise (the test above is not vacuous)', async () => {
    const original = scenario.make();
    const held = await scenario.before(original);
    const expected = await scenario.after(original, held);
    const fresh = scenario.make();
    let differs = false;
    try {
      differs = JSON.stringify(await scenario.after(fresh, held)) !== JSON.stringify(expected);
    } catch {
      differs = true; // the fresh app does not even get through the continuation
    }
    expect(differs).toBe(true);
  });
});

describe('webex integrations without a demo refresh token', () => {
  it('print a refresh token that still works after a restore replaced the signing key', async () => {
    const integrations = [
      {
        clientId: 'C0own0integration',
        clientSecret: 'own-secret',
        redirectUri: 'http://localhost:9000/cb',
        partnerOrgUuid: '1eb65fdf-9643-417f-9974-ad72cae0e10f',
        personUuid: '0acd3875-4e12-4d77-b981-e389fd8846c0',
        scopes: ['spark-admin:wholesale_billing_reports_read'],
      },
    ];
    const a = createWebexApp({ integrations, onExchange: guard.onExchange });
    const b = createWebexApp({ integrations, onExchange: guard.onExchange });
    b.sim.restore(a.sim.snapshot());
    const grant = (app: typeof a, refresh: string) =>
      request(app).post('/v1/access_token').type('form').send({
        grant_type: 'refresh_token',
        client_id: 'C0own0integration',
        client_secret: 'own-secret',
        refresh_token: refresh,
      });
    // The token the first process printed, and the one the restored process prints, both work there.
    expect((await grant(b, a.sim.credentials.integrations[0]!.refreshToken)).status).toBe(200);
    expect((await grant(b, b.sim.credentials.integrations[0]!.refreshToken)).status).toBe(200);
  });
});
