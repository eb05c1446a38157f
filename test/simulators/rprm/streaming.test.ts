import { type IncomingMessage, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, serve } from '../../../simulators/index.js';
import type { CdrFileName } from '../../../simulators/rprm/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { ADMIN, BILLING, makeApp } from './support.js';

const guard = contractGuard();

/** Event-loop turns, not time: enough for in-flight deflate callbacks to come back. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

/** A million-call export (1M calls a day, one day) with a row counter. */
/** Generates the export of 2026-03-10 and lets the simulator's hour pass so that it is ready. */
async function exportDay(
  agent: ReturnType<typeof makeApp>['agent'],
  clock: ReturnType<typeof makeApp>['clock'],
) {
  await agent
    .post(`${BILLING}/generate-cdrs`)
    .query({ 'from-date': '2026-03-10T00:00:00Z', 'to-date': '2026-03-11T00:00:00Z' })
    .set('Authorization', ADMIN)
    .expect(202);
  clock.advance(3_600_000);
}

async function millionCallServer() {
  const produced = { rows: 0 };
  const { app, agent, clock } = makeApp(guard, {
    callsPerDay: 1_000_000,
    // A day holds a few more than a million calls that end in it.
    maxCdrRecords: 2_000_000,
    onRows: (file: CdrFileName, n: number) => {
      if (file === 'calls.csv') produced.rows += n;
    },
  });
  await exportDay(agent, clock);
  const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
  expect(status.body.statusType).toBe('GENERATION_COMPLETE');
  const server = await serve(app);
  const closed = new Promise<void>((resolve) => {
    server.server.on('request', (_req, res) => {
      if (_req.url?.includes('download-cdrs')) res.once('close', () => resolve());
    });
  });
  return { server, produced, closed, agent, total: status.body.totalNumberCdrRecords as number };
}

function download(server: RunningServer): Promise<{ res: IncomingMessage; abort: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${BILLING}/download-cdrs`,
      { headers: { Authorization: ADMIN } },
      (res) => resolve({ res, abort: () => req.destroy() }),
    );
    req.on('error', (e) => (e.message === 'socket hang up' ? undefined : reject(e)));
    req.end();
  });
}

describe('streamed download', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('a client that disconnects mid-download stops row generation', async () => {
    const setup = await millionCallServer();
    server = setup.server;
    const { res, abort } = await download(server);
    expect(res.statusCode).toBe(200);
    let received = 0;
    await new Promise<void>((resolve) => {
      res.on('data', (c: Buffer) => {
        received += c.length;
        if (received > 256 * 1024) resolve();
      });
    });
    const during = await setup.agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(during.body.actionType).toBe('DOWNLOADING');
    res.on('error', () => {});
    abort();
    await setup.closed;
    await turns(50);
    const atStop = setup.produced.rows;
    await turns(200);
    expect(setup.produced.rows).toBe(atStop);
    expect(atStop).toBeGreaterThan(0);
    expect(atStop).toBeLessThan(setup.total / 10);
    const after = await setup.agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(after.body.actionType).toBe('CREATING_CDR_FILE');
  });

  it('makes each file only once the one before it is in the ZIP: nothing is generated ahead', async () => {
    const order: CdrFileName[] = [];
    const { app, agent, clock } = makeApp(guard, {
      callsPerDay: 50_000,
      onRows: (file: CdrFileName) => {
        if (order.at(-1) !== file) order.push(file);
      },
    });
    await exportDay(agent, clock);
    server = await serve(app);
    const { res } = await download(server);
    expect(res.statusCode).toBe(200);
    res.resume();
    await new Promise((r) => res.once('end', r));
    // Each file's rows came in one run, in entry order (appending them all at once let
    // archiver read every file at the same time).
    expect(order).toEqual(['calls.csv', 'conferences.csv', 'callcounts.csv']);
  });

  it('a client that stops reading holds generation back (back-pressure)', async () => {
    const setup = await millionCallServer();
    server = setup.server;
    const { res, abort } = await download(server);
    res.pause();
    // Let the pipeline fill every buffer it has, then check it went no further.
    let last = -1;
    for (let i = 0; i < 400 && setup.produced.rows !== last; i++) {
      last = setup.produced.rows;
      await turns(25);
    }
    expect(setup.produced.rows).toBe(last);
    expect(setup.produced.rows).toBeLessThan(setup.total / 10);
    res.on('error', () => {});
    abort();
    await setup.closed;
  });
});
