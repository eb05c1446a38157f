import { afterAll, beforeAll, describe, it } from 'vitest';
import { Clock, type RunningServer, serve } from '../../simulators/kernel/index.js';
import { contractGuard } from '../support/contract-guard.js';
import { toyContracts } from '../support/toy-contracts.js';
import { createToyApp } from '../support/toy-vendor.js';
import { loadContract, type Operation } from './contract-ops.js';
import { type FuzzTarget, fuzzInvalid, fuzzValid } from './harness.js';

const TOKEN = 'fuzz-admin-token';
const LIFECYCLE = { steps: ['RUNNING'], success: 'DONE', failure: 'FAILED' } as const;

/** Domain rules of the admin API that its schemas cannot state (contracts/sim.openapi.yaml). */
function domain(op: Operation): Record<number, string> {
  switch (`${op.method} ${op.template}`) {
    case 'POST /_sim/faults':
      return { 400: 'an effect needs one of status, drop, delayMs, truncateBytes; caps and RE2 syntax' };
    case 'POST /_sim/clock/advance':
      return { 400: 'exactly one of ms, seconds, to; never backwards nor past 9000-01-01' };
    case 'POST /_sim/jobs/fail-next':
      return { 400: 'count at most 1000000' };
    case 'GET /_sim/jobs':
      return { 400: 'a cursor that no page gave' };
    case 'PUT /_sim/state':
      return {
        400: 'a snapshot whose parts do not fit together (job ids, recency, fault patterns, vendor state)',
        409: "a snapshot of another vendor, billing-sim, seed, world, clock mode or signing key (random ones are all someone else's)",
      };
    default:
      return {};
  }
}

describe('fuzz: admin API operations from contracts/sim.openapi.yaml (with an admin token)', () => {
  const guard = contractGuard(toyContracts, { autoAssert: false });
  const contract = loadContract('sim');
  let target: FuzzTarget;
  let server: RunningServer;
  beforeAll(async () => {
    const app = createToyApp({
      clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
      onExchange: guard.onExchange,
      adminToken: TOKEN,
    });
    server = await serve(app);
    target = {
      app,
      server,
      guard,
      contract,
      auth: (op): Record<string, string> =>
        op.template === '/_sim/health' ? {} : { authorization: `Bearer ${TOKEN}` },
      domain,
    };
  });
  afterAll(() => server.close());

  for (const op of contract.operations) {
    it(`${op.method} ${op.template}: valid requests are accepted, malformed ones get 4xx, never 5xx`, async () => {
      target.app.sim.reset();
      // A job to find now and then (ids are drawn at random, so most answer 404).
      target.app.sim.kernel.jobs.create({
        kind: 'toy.report',
        lifecycle: LIFECYCLE,
        advance: { kind: 'manual' },
        data: {},
      });
      await fuzzValid(target, op);
      await fuzzInvalid(target, op);
    });
  }
});
