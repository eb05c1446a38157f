import request from 'supertest';
import { describe, expect, it } from 'vitest';
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
