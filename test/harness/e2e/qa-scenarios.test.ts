import { afterEach, describe, expect, it } from 'vitest';
import { contractGuard } from '../../support/contract-guard.js';
import { type EmbeddedRun, embeddedRun, outcomes, step } from '../support/embedded.js';

const guard = contractGuard();
let sim: EmbeddedRun | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('QA scenarios against the embedded simulators', () => {
  it('429 storm mid-flow: waits out every Retry-After and passes', async () => {
    sim = await embeddedRun(['webex'], { onExchange: guard.onExchange });
    await sim
      .admin('webex', 'post', '/_sim/faults')
      .withJson({
        id: 'storm',
        match: { method: 'GET', path: '/v1/wholesale/billing/reports/*' },
        effect: { status: 429, retryAfterSeconds: 7 },
        fromRequest: 2,
        times: 4,
      })
      .expectStatus(201)
      .expectJsonLike({ faults: [{ id: 'storm' }] });
    const report = await sim.run({
      flows: [(await import('../../../harness/flows/webex.js')).webexWholesaleFlow],
    });
    expect(report.passed).toBe(true);
    const waits = report.transcript.filter((e) => e.status === 429).map((e) => e.retry);
    expect(waits).toEqual(Array(4).fill({ reason: 'HTTP 429', waitMs: 7000, source: 'retry-after' }));
    expect(step(report, 'webex-wholesale', 'wait for report').outcome).toBe('passed');
    await sim
      .admin('webex', 'get', '/_sim/faults')
      .expectStatus(200)
      .expectJsonLike({ faults: [{ id: 'storm', applied: 4 }] });
  });

  it('a 429 storm that never ends fails the step with the status, attempts and vendor message', async () => {
    sim = await embeddedRun(['purecloud'], { onExchange: guard.onExchange });
    await sim
      .admin('purecloud', 'post', '/_sim/faults')
      .withJson({
        match: { path: '/api/v2/billing/reports/billableusage' },
        effect: { status: 429, retryAfterSeconds: 3 },
      })
      .expectStatus(201);
    const report = await sim.run({ http: { maxAttempts: 3 } });
    expect(report.passed).toBe(false);
    expect(outcomes(report, 'purecloud')).toEqual([
      ['oauth token', 'passed'],
      ['billable usage', 'failed'],
    ]);
    expect(step(report, 'purecloud', 'billable usage').message).toMatch(
      /^status: expected HTTP 200, got 429 after 3 attempts: too\.many\.requests\.retry\.after "/,
    );
  });

  it('423 on download: the ZIP download waits out the lock and the flow passes', async () => {
    sim = await embeddedRun(['rprm'], { onExchange: guard.onExchange });
    await sim
      .admin('rprm', 'post', '/_sim/faults')
      .withJson({
        match: { method: 'GET', path: '/api/rest/billing/download-cdrs', header: { name: 'if-none-match' } },
        effect: { status: 423, retryAfterSeconds: 1 },
        times: 0,
      })
      .expectStatus(201);
    await sim
      .admin('rprm', 'post', '/_sim/faults')
      .withJson({
        match: { method: 'GET', path: '/api/rest/billing/download-cdrs' },
        effect: { status: 423, retryAfterSeconds: 4 },
        times: 2,
      })
      .expectStatus(201);
    const report = await sim.run();
    expect(report.passed).toBe(true);
    const locked = report.transcript.filter((e) => e.status === 423);
    expect(locked.map((e) => [e.step, e.retry?.waitMs])).toEqual([
      ['download ZIP and read CSVs', 4000],
      ['download ZIP and read CSVs', 4000],
    ]);
    expect(step(report, 'rprm', 'conditional download (If-None-Match)').outcome).toBe('passed');
  });

  it('a Webex report that FAILS once is recreated and the flow passes', async () => {
    sim = await embeddedRun(['webex'], { onExchange: guard.onExchange });
    await sim
      .admin('webex', 'post', '/_sim/jobs/fail-next')
      .withJson({ count: 1 })
      .expectStatus(200)
      .expectJson({ failNext: 1 });
    const { webexWholesaleFlow } = await import('../../../harness/flows/webex.js');
    const report = await sim.run({ flows: [webexWholesaleFlow] });
    expect(report.passed).toBe(true);
    expect(outcomes(report, 'webex-wholesale')).toEqual([
      ['find report', 'passed'],
      ['create report', 'passed'],
      ['wait for report', 'passed'],
      ['recreate failed report', 'passed'],
      ['wait for recreated report', 'passed'],
      ['download and parse CSV', 'passed'],
    ]);
    expect(report.flows[0]?.lines.length).toBeGreaterThan(0);
  });

  it('an expired download link (403) is renewed from the report and the flow passes', async () => {
    sim = await embeddedRun(['webex'], { onExchange: guard.onExchange });
    await sim
      .admin('webex', 'post', '/_sim/faults')
      .withJson({ match: { method: 'GET', path: '/*/WHOLESALE/*' }, effect: { status: 403 }, times: 1 })
      .expectStatus(201);
    const { webexWholesaleFlow } = await import('../../../harness/flows/webex.js');
    const report = await sim.run({ flows: [webexWholesaleFlow] });
    expect(report.passed).toBe(true);
    expect(step(report, 'webex-wholesale', 'download and parse CSV').message).toMatch(
      /^(\d+) CSV row\(s\), \1 customer line\(s\), link refreshed$/,
    );
    expect(report.transcript.filter((e) => e.step === 'download and parse CSV').map((e) => e.status)).toEqual(
      [403, 200, 200],
    );
  });

  it('a Webex report that FAILS twice ends the flow with the vendor error', async () => {
    sim = await embeddedRun(['webex'], { onExchange: guard.onExchange });
    await sim.admin('webex', 'post', '/_sim/jobs/fail-next').withJson({ count: 2 }).expectStatus(200);
    const { webexBroadWorksFlow } = await import('../../../harness/flows/webex.js');
    const report = await sim.run({ flows: [webexBroadWorksFlow] });
    expect(report.passed).toBe(false);
    expect(step(report, 'webex-broadworks', 'report outcome')).toMatchObject({
      outcome: 'failed',
      message:
        '$.errors: report FAILED twice: 2050 Billing report generation failed. Create the report again.',
    });
  });

  it('an RPRM export that fails once is generated again and the flow passes', async () => {
    sim = await embeddedRun(['rprm'], { onExchange: guard.onExchange });
    await sim.admin('rprm', 'post', '/_sim/jobs/fail-next').withJson({ count: 1 }).expectStatus(200);
    const report = await sim.run();
    expect(report.passed).toBe(true);
    expect(outcomes(report, 'rprm').map(([n]) => n)).toEqual([
      'generate CDRs',
      'poll status',
      'regenerate failed export',
      'poll status again',
      'download ZIP and read CSVs',
      'conditional download (If-None-Match)',
    ]);
  });

  it('a PureCloud report generation that fails once (HTTP 500) is polled again and passes', async () => {
    sim = await embeddedRun(['purecloud'], { onExchange: guard.onExchange });
    await sim.admin('purecloud', 'post', '/_sim/jobs/fail-next').withJson({ count: 1 }).expectStatus(200);
    const report = await sim.run();
    expect(report.passed).toBe(true);
    expect(step(report, 'purecloud', 'billable usage').message).toMatch(
      /^\d+ charge\(s\), 1 generation restart\(s\)$/,
    );
  });

  it('a token that expires mid-flow is renewed once and the flow passes', async () => {
    sim = await embeddedRun(['purecloud'], {
      onExchange: guard.onExchange,
      simulators: { purecloud: { tokenLifetimeSeconds: 20 } },
    });
    const report = await sim.run();
    expect(report.passed).toBe(true);
    const expired = report.transcript.filter((e) => e.status === 401);
    expect(expired.length).toBeGreaterThan(0);
    const tokens = report.transcript.filter((e) => e.url.endsWith('/oauth/token'));
    expect(tokens.length).toBe(expired.length + 1);
    await sim
      .admin('purecloud', 'get', '/_sim/requests')
      .expectStatus(200)
      .expectJsonLike({ requests: [{ status: 401 }] });
  });

  it('a truncated ZIP is downloaded again and the flow passes, with the break kept as a warning', async () => {
    sim = await embeddedRun(['rprm'], { onExchange: guard.onExchange });
    await sim
      .admin('rprm', 'post', '/_sim/faults')
      .withJson({
        match: { method: 'GET', path: '/api/rest/billing/download-cdrs' },
        effect: { truncateBytes: 2000 },
        times: 1,
      })
      .expectStatus(201);
    const report = await sim.run();
    expect(report.passed).toBe(true);
    const download = step(report, 'rprm', 'download ZIP and read CSVs');
    expect(download.findings).toEqual([
      {
        severity: 'warning',
        step: 'download ZIP and read CSVs',
        path: 'ZIP download',
        message: expect.stringMatching(
          /^first download broke: download ZIP and read CSVs: body cut off after 2000 bytes/,
        ),
      },
    ]);
  });

  it('a ZIP truncated every time fails with the bytes received', async () => {
    sim = await embeddedRun(['rprm'], { onExchange: guard.onExchange });
    await sim
      .admin('rprm', 'post', '/_sim/faults')
      .withJson({
        match: { method: 'GET', path: '/api/rest/billing/download-cdrs' },
        effect: { truncateBytes: 2000 },
      })
      .expectStatus(201);
    const report = await sim.run();
    expect(report.passed).toBe(false);
    expect(step(report, 'rprm', 'download ZIP and read CSVs').message).toMatch(
      /^ZIP download: broke off twice: body cut off after 2000 bytes \(/,
    );
    expect(outcomes(report, 'rprm').at(-1)).toEqual(['download ZIP and read CSVs', 'failed']);
  });

  it('every vendor recovers when a third of all requests answer 503 or 429 (seeded)', async () => {
    sim = await embeddedRun(['purecloud', 'webex', 'rprm'], { onExchange: guard.onExchange });
    for (const vendor of ['purecloud', 'webex', 'rprm']) {
      await sim
        .admin(vendor, 'post', '/_sim/faults')
        .withJson([
          { id: 'unavailable', effect: { status: 503, retryAfterSeconds: 2 }, ratio: 0.2 },
          { id: 'throttled', effect: { status: 429 }, ratio: 0.15 },
        ])
        .expectStatus(201);
    }
    const report = await sim.run();
    expect(report.flows.map((f) => [f.flow, f.outcome])).toEqual([
      ['purecloud', 'passed'],
      ['webex-wholesale', 'passed'],
      ['webex-broadworks', 'passed'],
      ['rprm', 'passed'],
    ]);
    const retried = report.transcript.filter((e) => e.retry);
    expect(retried.length).toBeGreaterThan(5);
    // 503s say how long to wait; the 429s of this rule say nothing, so the client backs off.
    expect(new Set(retried.map((e) => `${e.status} ${e.retry?.source}`))).toEqual(
      new Set(['503 retry-after', '429 backoff']),
    );
  });

  it('reuses a report someone else already asked for instead of creating another', async () => {
    sim = await embeddedRun(['webex'], { onExchange: guard.onExchange });
    await sim
      .admin('webex', 'post', '/v1/wholesale/billing/reports')
      .withHeaders('Authorization', 'Bearer acme-all-scopes')
      .withJson({ billingStartDate: '2026-02-01', billingEndDate: '2026-02-28', type: 'CUSTOMER' })
      .expectStatus(200)
      .expectJsonLike({ type: 'CUSTOMER', billingStartDate: '2026-02-01' });
    const { webexWholesaleFlow } = await import('../../../harness/flows/webex.js');
    const report = await sim.run({ flows: [webexWholesaleFlow] });
    expect(report.passed).toBe(true);
    expect(outcomes(report, 'webex-wholesale').map(([name]) => name)).toEqual([
      'find report',
      'wait for report',
      'download and parse CSV',
    ]);
    expect(step(report, 'webex-wholesale', 'find report').message).toBe(
      '1 page(s), 1 report(s) for 2026-02-01..2026-02-28 CUSTOMER, reusing IN_PROGRESS',
    );
  });

  it('an RPRM export cut short by the appliance passes with a warning that the lines are partial', async () => {
    sim = await embeddedRun(['rprm'], {
      onExchange: guard.onExchange,
      simulators: { rprm: { maxCdrRecords: 100 } },
    });
    const report = await sim.run();
    expect(report.passed).toBe(true);
    expect(step(report, 'rprm', 'poll status').findings).toEqual([
      {
        severity: 'warning',
        step: 'poll status',
        path: '$.statusType',
        message: expect.stringMatching(/^WARN_CDR_RESULTS_TRUNCATED: /),
      },
    ]);
    expect(step(report, 'rprm', 'download ZIP and read CSVs').message).toMatch(/, 100 calls, /);
  });

  it('a slow answer (delay fault on the simulator clock) is waited for and the flow passes', async () => {
    sim = await embeddedRun(['purecloud'], { onExchange: guard.onExchange });
    await sim
      .admin('purecloud', 'post', '/_sim/faults')
      .withJson({
        match: { method: 'GET', path: '/api/v2/billing/contracts' },
        effect: { delayMs: 45_000 },
        times: 1,
      })
      .expectStatus(201);
    const before = sim.embedded.running.control.clock.now();
    const report = await sim.run();
    expect(report.passed).toBe(true);
    // The harness moved the simulator clock while the answer was held back.
    expect(sim.embedded.running.control.clock.now() - before).toBeGreaterThanOrEqual(45_000);
    await sim
      .admin('purecloud', 'get', '/_sim/faults')
      .expectStatus(200)
      .expectJsonLike({ faults: [{ applied: 1 }] });
  });
});
