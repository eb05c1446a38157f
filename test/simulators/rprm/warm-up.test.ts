import { describe, expect, it } from 'vitest';
import { scheduleWarmUp } from '../../../simulators/kernel/index.js';
import type { CdrFileName } from '../../../simulators/rprm/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { ADMIN, BILLING, makeApp } from './support.js';

const guard = contractGuard();

describe('RPRM warm-up', () => {
  it('compiles the CDR path without touching export state, the journal or the onRows hook', async () => {
    const seen: CdrFileName[] = [];
    const { app, agent } = makeApp(guard, { onRows: (file) => seen.push(file) });
    await app.sim.warmUp();
    expect(seen).toEqual([]);
    expect(app.sim.kernel.journal.list()).toEqual([]);
    expect(app.sim.kernel.jobs.list()).toEqual([]);
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      actionType: 'NOT_STARTED',
      statusType: 'NOT_STARTED',
      downloadReady: false,
    });
  });

  it('scheduleWarmUp runs each app after the delay, and cancel() before it means it never runs', async () => {
    const { app } = makeApp(guard);
    let runs = 0;
    const original = app.sim.warmUp;
    app.sim.warmUp = async () => {
      runs++;
      await original();
    };
    const cancelled = scheduleWarmUp([app], 0);
    cancelled.cancel();
    await cancelled.done;
    await new Promise((r) => setTimeout(r, 5));
    expect(runs).toBe(0);
    const scheduled = scheduleWarmUp([app], 0);
    await scheduled.done;
    expect(runs).toBe(1);
  });
});
