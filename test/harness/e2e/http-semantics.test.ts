import { afterEach, describe, expect, it } from 'vitest';
import { contractGuard } from '../../support/contract-guard.js';
import { type EmbeddedRun, embeddedRun, step } from '../support/embedded.js';

const guard = contractGuard();
let sim: EmbeddedRun | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('retries that follow HTTP semantics (embedded simulators)', () => {
  it('one truncated status poll is polled again and the RPRM flow passes', async () => {
    sim = await embeddedRun(['rprm'], { onExchange: guard.onExchange });
    await sim
      .admin('rprm', 'post', '/_sim/faults')
      .withJson({
        match: { method: 'GET', path: '/api/rest/billing/status' },
        effect: { truncateBytes: 40 },
        times: 1,
      })
      .expectStatus(201);
    const report = await sim.run();
    expect(report.passed).toBe(true);
    const polls = report.transcript.filter((e) => e.step === 'poll status');
    expect(polls[0]).toMatchObject({
      attempt: 1,
      status: 200,
      error: expect.stringMatching(/^poll status: body cut off after 40 of \d+ bytes/),
      retry: { source: 'backoff' },
    });
    expect(polls[1]).toMatchObject({ attempt: 2, status: 200 });
    expect(polls[1]?.error).toBeUndefined();
    expect(step(report, 'rprm', 'poll status')).toMatchObject({ outcome: 'passed' });
  });

  it('a generate-cdrs whose connection drops is not resent blindly: the status is checked first', async () => {
    sim = await embeddedRun(['rprm'], { onExchange: guard.onExchange });
    await sim
      .admin('rprm', 'post', '/_sim/faults')
      .withJson({
        match: { method: 'POST', path: '/api/rest/billing/generate-cdrs' },
        effect: { drop: true },
        times: 1,
      })
      .expectStatus(201);
    const report = await sim.run();
    expect(report.passed).toBe(true);
    const generate = report.transcript.filter((e) => e.step === 'generate CDRs');
    expect(generate.map((e) => [e.method, new URL(e.url).pathname])).toEqual([
      ['POST', '/api/rest/billing/generate-cdrs'],
      ['GET', '/api/rest/billing/status'],
      ['POST', '/api/rest/billing/generate-cdrs'],
    ]);
    expect(generate[0]?.error).toMatch(/connection reset|socket hang up/);
    expect(generate[0]?.retry).toBeUndefined();
    expect(step(report, 'rprm', 'generate CDRs').findings).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'generate-cdrs' }),
    ]);
  });
});
