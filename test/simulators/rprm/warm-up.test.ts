import { describe, expect, it } from 'vitest';
import type { CdrFileName } from '../../../simulators/rprm/index.js';
import { stopWarmUp, warmCdrPath } from '../../../simulators/rprm/warm-up.js';
import { contractGuard } from '../../support/contract-guard.js';
import { ADMIN, BILLING, makeApp } from './support.js';

const guard = contractGuard();

describe('RPRM warm-up of the CDR path', () => {
  it('streams a small export into nothing without touching exports, the journal or the onRows hook', async () => {
    const seen: CdrFileName[] = [];
    const { app, agent } = makeApp(guard, { onRows: (file) => seen.push(file) });
    const { createCdrContext } = await import('../../../simulators/rprm/data/context.js');
    const { resolveOptions } = await import('../../../simulators/rprm/options.js');
    const options = resolveOptions({ onRows: (file) => seen.push(file) });
    const cdr = createCdrContext(app.sim.kernel.data, {
      zone: options.zone,
      callsPerDay: options.callsPerDay,
      clusters: options.clusters,
      unreachableClusters: options.unreachableClusters,
    });
    await warmCdrPath(cdr, options);
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

  it('streams rows until a real download begins, then only loads archiver', async () => {
    const { app } = makeApp(guard);
    const { createCdrContext } = await import('../../../simulators/rprm/data/context.js');
    const { resolveOptions } = await import('../../../simulators/rprm/options.js');
    const options = resolveOptions({});
    const cdr = createCdrContext(app.sim.kernel.data, {
      zone: options.zone,
      callsPerDay: options.callsPerDay,
      clusters: options.clusters,
      unreachableClusters: options.unreachableClusters,
    });
    let poolReads = 0;
    const counted = Object.create(cdr, {
      pools: {
        get() {
          poolReads++;
          return cdr.pools;
        },
      },
    }) as typeof cdr;
    await warmCdrPath(counted, options);
    expect(poolReads).toBeGreaterThan(0);
    poolReads = 0;
    stopWarmUp();
    await warmCdrPath(counted, options);
    expect(poolReads).toBe(0);
  });
});
