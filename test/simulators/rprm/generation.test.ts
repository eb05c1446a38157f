import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { contractGuard } from '../../support/contract-guard.js';
import { ADMIN, BILLING, binary, makeApp } from './support.js';

const guard = contractGuard();

const STEPS = [
  'RETRIEVING_CDR_NUM_CALL_RECORDS',
  'RETRIEVING_CDR_NUM_CONF_RECORDS',
  'RETRIEVING_CDR_CALL_UUIDS',
  'RETRIEVING_CDR_CALL_RECORDS',
  'RETRIEVING_CDR_CONF_RECORDS',
  'CREATING_CDR_FILE',
];

describe('generate-cdrs → status → download-cdrs', () => {
  it('reports NOT_STARTED and refuses a download before anything was generated', async () => {
    const { agent } = makeApp(guard);
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.status).toBe(200);
    expect(status.headers['content-type']).toMatch(/^application\/vnd\.plcm\.plcm-billing-status\+json/);
    expect(status.body).toMatchObject({
      statusType: 'NOT_STARTED',
      actionType: 'NOT_STARTED',
      downloadReady: false,
      totalNumberCdrRecords: 0,
      numberCdrRecordsProcessed: 0,
    });
    const download = await agent.get(`${BILLING}/download-cdrs`).set('Authorization', ADMIN);
    expect(download.status).toBe(404);
    expect(download.headers['content-type']).toMatch(/^application\/vnd\.plcm\.plcm-error\+json/);
    expect(download.body).toMatchObject({
      statusCode: 404,
      localizationKey: 'error.billing.cdr.not.generated',
    });
  });

  it('steps through the documented actionTypes on the clock, then serves the ZIP with its ETag', async () => {
    const { agent, clock } = makeApp(guard);
    const started = await agent
      .post(`${BILLING}/generate-cdrs`)
      .query({ 'from-date': '2026-03-15T00:00:00', 'to-date': '2026-03-15T10:00:00' })
      .set('Authorization', ADMIN);
    expect(started.status).toBe(202);
    expect(started.headers.location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/rest\/billing\/status$/);
    expect(started.text).toBe('');

    // 10 h at 1000 calls/day ≈ 417 calls + 52 conferences: 500 records/s → the 2 s minimum.
    const seen: string[] = [];
    let processed = -1;
    let total = 0;
    for (let i = 0; i < 6; i++) {
      const res = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
      expect(res.status).toBe(200);
      expect(res.body.statusType).toBe('RUNNING');
      expect(res.body.downloadReady).toBe(false);
      expect(res.body.downloadUrl).toBeUndefined();
      expect(res.body.entityTag).toBeUndefined();
      expect(res.body.fromDate).toBe('2026-03-15T00:00:00.000-04:00');
      expect(res.body.toDate).toBe('2026-03-15T10:00:00.000-04:00');
      expect(res.body.creationTime).toBe('2026-03-15T10:00:00.000-04:00');
      expect(res.body.numberCdrRecordsProcessed).toBeGreaterThan(processed);
      expect(res.body.estimatedTimeRemainingSeconds).toBe(Math.ceil((2000 - i * 340) / 1000));
      processed = res.body.numberCdrRecordsProcessed;
      total = res.body.totalNumberCdrRecords;
      seen.push(res.body.actionType);
      if (i < 5) clock.advance(340);
    }
    expect(seen).toEqual(STEPS);
    expect(total).toBeGreaterThan(400);
    expect(total).toBeLessThan(550);

    const early = await agent.get(`${BILLING}/download-cdrs`).set('Authorization', ADMIN);
    expect(early.status).toBe(423);
    expect(early.headers['retry-after']).toBe('1');
    expect(early.body.localizationKey).toBe('error.billing.cdr.generation.running');

    clock.advance(1000);
    const done = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(done.body).toMatchObject({
      statusType: 'GENERATION_COMPLETE',
      actionType: 'CREATING_CDR_FILE',
      downloadReady: true,
      totalNumberCdrRecords: total,
      numberCdrRecordsProcessed: total,
      estimatedTimeRemainingSeconds: 0,
    });
    const finishedAt = Math.floor(Date.parse('2026-03-15T14:00:02Z') / 1000);
    expect(done.body.entityTag).toBe(`"${finishedAt}"`);
    expect(done.body.downloadUrl).toMatch(/\/api\/rest\/billing\/download-cdrs$/);
    expect(done.body.atomLinkList.map((l: { rel: string }) => l.rel)).toEqual(['self', 'download-cdrs']);

    const zip = await agent
      .get(`${BILLING}/download-cdrs`)
      .set('Authorization', ADMIN)
      .buffer(true)
      .parse(binary);
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toBe('attachment; filename="cdrExport.zip"');
    expect(zip.headers.etag).toBe(done.body.entityTag);
    expect((zip.body as Buffer).subarray(0, 4).toString('hex')).toBe('504b0304');

    for (const tag of [done.body.entityTag, `W/${done.body.entityTag}`, `"1", ${done.body.entityTag}`, '*']) {
      const notModified = await agent
        .get(`${BILLING}/download-cdrs`)
        .set('Authorization', ADMIN)
        .set('If-None-Match', tag);
      expect(notModified.status).toBe(304);
      expect(notModified.headers.etag).toBe(done.body.entityTag);
      expect(notModified.text).toBe('');
    }
    const stale = await agent
      .get(`${BILLING}/download-cdrs`)
      .set('Authorization', ADMIN)
      .set('If-None-Match', '"12345"')
      .buffer(true)
      .parse(binary);
    expect(stale.status).toBe(200);
  });

  it('answers 409 to a second generate-cdrs while one runs, reports the conflict once, keeps the job', async () => {
    const { agent, clock } = makeApp(guard);
    await agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    clock.advance(500);
    const before = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);

    const second = await agent
      .post(`${BILLING}/generate-cdrs`)
      .query({ 'from-date': '2026-03-01T00:00:00Z' })
      .set('Authorization', ADMIN);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      statusCode: 409,
      localizationKey: 'error.billing.another.cdr.being.generated',
    });
    expect(second.headers.location).toBeUndefined();

    const flagged = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(flagged.body.statusType).toBe('ERROR_ANOTHER_CDR_IS_BEING_GENERATED');
    expect(flagged.body.statusMessage).toMatch(/Another CDR is being generated/);
    // The running generation is untouched: same window, same totals, same progress.
    expect(flagged.body).toMatchObject({
      fromDate: before.body.fromDate,
      toDate: before.body.toDate,
      totalNumberCdrRecords: before.body.totalNumberCdrRecords,
      numberCdrRecordsProcessed: before.body.numberCdrRecordsProcessed,
      actionType: before.body.actionType,
    });
    const again = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(again.body.statusType).toBe('RUNNING');
  });

  it('can answer the second generate-cdrs 202 and the running download 409 (options)', async () => {
    const { agent } = makeApp(guard, { generateConflictStatus: 202, downloadWhileRunningStatus: 409 });
    await agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    const second = await agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN);
    expect(second.status).toBe(202);
    expect(second.headers.location).toMatch(/\/api\/rest\/billing\/status$/);
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body.statusType).toBe('ERROR_ANOTHER_CDR_IS_BEING_GENERATED');
    const download = await agent.get(`${BILLING}/download-cdrs`).set('Authorization', ADMIN);
    expect(download.status).toBe(409);
    expect(download.headers['retry-after']).toBe('2');
    expect(download.body.statusCode).toBe(409);
  });

  it('a finished generation is replaced by the next one', async () => {
    const { agent, clock } = makeApp(guard);
    await agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    clock.advance(5000);
    const first = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(first.body.statusType).toBe('GENERATION_COMPLETE');
    await agent
      .post(`${BILLING}/generate-cdrs`)
      .query({ 'from-date': '2026-03-14T00:00:00' })
      .set('Authorization', ADMIN)
      .expect(202);
    const second = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(second.body.statusType).toBe('RUNNING');
    expect(second.body.fromDate).toBe('2026-03-14T00:00:00.000-04:00');
    expect(second.body.totalNumberCdrRecords).toBeGreaterThan(first.body.totalNumberCdrRecords);
  });

  it('finishes after N polls when generation is poll-driven', async () => {
    const { agent } = makeApp(guard, { generation: { polls: 3 } });
    await agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    const states: string[] = [];
    const remaining: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
      states.push(res.body.statusType);
      remaining.push(res.body.estimatedTimeRemainingSeconds);
    }
    expect(states).toEqual(['RUNNING', 'RUNNING', 'GENERATION_COMPLETE', 'GENERATION_COMPLETE']);
    expect(remaining).toEqual([2, 1, 0, 0]);
  });

  it('ends WARN_CDR_RESULTS_TRUNCATED above the row cap and WARN_CDR_RESULTS_INCOMPLETE with unreachable clusters', async () => {
    const truncated = makeApp(guard, { maxCdrRecords: 100 });
    await truncated.agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    truncated.clock.advance(2000);
    const t = await truncated.agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(t.body.statusType).toBe('WARN_CDR_RESULTS_TRUNCATED');
    expect(t.body.statusMessage).toMatch(/truncated/);
    expect(t.body.downloadReady).toBe(true);
    // 100 calls plus the conferences that ended among them (about one per eight call slots).
    expect(t.body.totalNumberCdrRecords).toBeGreaterThanOrEqual(100 + 5);
    expect(t.body.totalNumberCdrRecords).toBeLessThanOrEqual(100 + 25);

    const incomplete = makeApp(guard, { unreachableClusters: ['dma-west.example.com'] });
    await incomplete.agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    incomplete.clock.advance(2000);
    const i = await incomplete.agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(i.body.statusType).toBe('WARN_CDR_RESULTS_INCOMPLETE');
    expect(i.body.statusMessage).toMatch(/dma-west\.example\.com/);
  });

  it('serves the status as XML when asked', async () => {
    const { agent, clock } = makeApp(guard);
    await agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    clock.advance(3000);
    const res = await agent
      .get(`${BILLING}/status`)
      .set('Authorization', ADMIN)
      .set('Accept', 'application/vnd.plcm.plcm-billing-status+xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.plcm\.plcm-billing-status\+xml/);
    expect(res.text).toContain('<plcm-billing-status xmlns="urn:com:polycom:api:rest:plcm-billing-status"');
    expect(res.text).toContain('<status-type>GENERATION_COMPLETE</status-type>');
    expect(res.text).toContain('<download-ready>true</download-ready>');
    expect(res.text).toMatch(/<entity-tag>&quot;\d+&quot;<\/entity-tag>/);
    expect(res.text).toMatch(/<total-number-cdr-records>\d+<\/total-number-cdr-records>/);
  });

  it('reports a failed generation (admin fail-next) and has nothing to download', async () => {
    const { app, agent, clock } = makeApp(guard);
    app.sim.kernel.jobs.failNext(1);
    await agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    clock.advance(3000);
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body).toMatchObject({ statusType: 'ERROR_UNKNOWN_CREATE', downloadReady: false });
    expect(status.body.statusMessage).toBeTruthy();
    const download = await agent.get(`${BILLING}/download-cdrs`).set('Authorization', ADMIN);
    expect(download.status).toBe(404);
  });

  it('the admin API drives the generation job: next step, then a failure with a statusType code', async () => {
    const { agent } = makeApp(guard);
    await agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    const jobs = await agent.get('/_sim/jobs');
    const job = (jobs.body.jobs as { id: string; kind: string }[]).find((j) => j.kind === 'rprm.cdr-export');
    expect(job).toBeDefined();
    await agent.post(`/_sim/jobs/${job!.id}/advance`).send({ to: 'next' }).expect(200);
    const stepped = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(stepped.body.actionType).toBe('RETRIEVING_CDR_NUM_CONF_RECORDS');
    await agent
      .post(`/_sim/jobs/${job!.id}/advance`)
      .send({ to: 'fail', error: { code: 'ERROR_DB_NOT_READY', message: 'The CDR database is not ready.' } })
      .expect(200);
    const failed = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(failed.body).toMatchObject({
      statusType: 'ERROR_DB_NOT_READY',
      statusMessage: 'The CDR database is not ready.',
      downloadReady: false,
    });
  });

  it('forgets the export on POST /_sim/reset', async () => {
    const { app, agent, clock } = makeApp(guard);
    await agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    clock.advance(3000);
    app.sim.reset();
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body.statusType).toBe('NOT_STARTED');
  });
});

describe('status of a finished export (rendered once, re-sent while nothing changes)', () => {
  it('follows a new export, the Host, the media type and a download in progress', async () => {
    // Enough calls that a download left unread stays in progress (back-pressure).
    const { clock, app } = makeApp(guard, { callsPerDay: 200_000 });
    // One listening server, so that every request carries the same Host.
    const server = app.listen(0);
    const agent = request(server);
    const { port } = server.address() as AddressInfo;
    const generate = async (from: string, to: string) => {
      const res = await agent
        .post(`${BILLING}/generate-cdrs`)
        .query({ 'from-date': from, 'to-date': to })
        .set('Authorization', ADMIN);
      expect(res.status).toBe(202);
      clock.advance(600_000);
    };
    const status = (headers: Record<string, string> = {}) =>
      agent.get(`${BILLING}/status`).set('Authorization', ADMIN).set(headers);

    await generate('2026-03-14T00:00:00', '2026-03-14T06:00:00');
    const first = await status();
    expect(first.body).toMatchObject({
      statusType: 'GENERATION_COMPLETE',
      fromDate: '2026-03-14T00:00:00.000-04:00',
    });
    expect((await status()).text).toBe(first.text);
    const host = await status({ host: 'rprm.example.com:8443' });
    expect(host.body.downloadUrl).toBe('http://rprm.example.com:8443/api/rest/billing/download-cdrs');
    const xml = await status({ accept: 'application/vnd.plcm.plcm-billing-status+xml' });
    expect(xml.headers['content-type']).toBe('application/vnd.plcm.plcm-billing-status+xml; charset=utf-8');
    expect(xml.text).toContain('<from-date>2026-03-14T00:00:00.000-04:00</from-date>');
    expect((await status()).headers['content-type']).toBe(
      'application/vnd.plcm.plcm-billing-status+json; charset=utf-8',
    );

    try {
      // A download holds the export: DOWNLOADING while it streams.
      const download = await fetch(`http://127.0.0.1:${port}${BILLING}/download-cdrs`, {
        headers: { authorization: ADMIN },
      });
      expect(download.status).toBe(200);
      expect((await status()).body.actionType).toBe('DOWNLOADING');
      await download.arrayBuffer();
      expect((await status()).body.actionType).toBe('CREATING_CDR_FILE');

      // After a reset, a new export (the kernel may reuse the job id) shows its own window.
      await agent.post('/_sim/reset');
      await generate('2026-03-13T00:00:00', '2026-03-13T02:00:00');
      const next = await status();
      expect(next.body).toMatchObject({
        statusType: 'GENERATION_COMPLETE',
        fromDate: '2026-03-13T00:00:00.000-04:00',
        toDate: '2026-03-13T02:00:00.000-04:00',
      });
      expect(next.body.totalNumberCdrRecords).toBeLessThan(first.body.totalNumberCdrRecords);
    } finally {
      server.close();
    }
  });
});
