import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../../simulators/kernel/index.js';
import type { RprmData, RprmOptions } from '../../../simulators/rprm/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { ADMIN, BILLING, binary, makeApp, parseCsv, unzip } from './support.js';

/**
 * Golden data: pinned rooms, users, conferences and calls are exactly what the export's three
 * CSVs hold, the status's record count agrees with them, and nothing appears before it ended.
 */
const guard = contractGuard();
const DAY = { 'from-date': '2026-03-10T00:00:00', 'to-date': '2026-03-11T00:00:00' };

const DATA: RprmData = {
  users: [
    { login: 'ada', displayName: 'Ada Lovelace' },
    { login: 'bob', displayName: 'Bob Babbage' },
  ],
  rooms: [{ roomId: '7001', owner: { login: 'ada', displayName: 'Ada Lovelace' }, classOfService: 'Gold' }],
  conferences: [
    {
      room: '7001',
      calls: [
        { user: 'ada', start: '2026-03-10T14:00:00Z', end: '2026-03-10T14:30:00Z' },
        { user: 'bob', start: '2026-03-10T14:02:00Z', end: '2026-03-10T14:29:30Z' },
      ],
    },
  ],
  calls: [{ from: 'bob', to: 'ada', start: '2026-03-10T16:00:00Z', end: '2026-03-10T16:10:00.500Z' }],
};

async function exportOf(options: RprmOptions, query: Record<string, string> = DAY) {
  const { agent, clock, app } = makeApp(guard, options);
  await agent.post(`${BILLING}/generate-cdrs`).query(query).set('Authorization', ADMIN).expect(202);
  clock.advance(60_000);
  const status = await agent
    .get(`${BILLING}/status`)
    .set('Authorization', ADMIN)
    .set('Accept', 'application/json');
  const res = await agent
    .get(`${BILLING}/download-cdrs`)
    .set('Authorization', ADMIN)
    .buffer(true)
    .parse(binary);
  expect(res.status).toBe(200);
  const files = await unzip(res.body as Buffer);
  const table = (name: string) => {
    const [header, ...rows] = parseCsv(files.get(name)!);
    return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
  };
  return {
    status,
    calls: table('calls.csv'),
    conferences: table('conferences.csv'),
    counts: table('callcounts.csv'),
    app,
    agent,
  };
}

describe('RPRM golden data', () => {
  it('the export holds exactly the pinned calls and conference, and callcounts and status agree', async () => {
    const { calls, conferences, counts, status } = await exportOf({ data: DATA });
    expect(calls.map((c) => `${c.callType} ${c.origDisplayName} ${c.durationSeconds} ${c.vmr}`)).toEqual([
      'VMR Ada Lovelace 1800 7001',
      'VMR Bob Babbage 1650 7001',
      'PT-PT Bob Babbage 600 ',
    ]);
    expect(conferences).toHaveLength(1);
    expect(conferences[0]).toMatchObject({ roomID: '7001', classOfService: 'Gold', partCount: '2' });
    expect(conferences[0]!.confUUID).toBe(calls[0]!.confUUID);
    const total = counts.find((r) => r.recordType === 'TOTAL')!;
    expect(total).toMatchObject({ numberOfCalls: '3', numberOfConferences: '1' });
    const intervals = counts.filter((r) => r.recordType === 'INTERVAL');
    expect(intervals.reduce((s, r) => s + Number(r.numberOfCalls), 0)).toBe(3);
    expect(status.status).toBe(200);
    // Three calls and one conference: the status counts the same records the ZIP holds.
    expect(JSON.stringify(status.body)).toMatch(/"totalNumberCdrRecords":4\b/);
  });

  it('nothing is exported before it ended: an export asked for mid-conference holds only what ended', async () => {
    const clock = new Clock({ mode: 'manual', start: '2026-03-10T14:29:45Z' });
    const { agent } = makeApp(guard, { data: DATA, clock });
    await agent.post(`${BILLING}/generate-cdrs`).query(DAY).set('Authorization', ADMIN).expect(202);
    clock.advance(60_000);
    const res = await agent
      .get(`${BILLING}/download-cdrs`)
      .set('Authorization', ADMIN)
      .buffer(true)
      .parse(binary);
    const files = await unzip(res.body as Buffer);
    expect(parseCsv(files.get('calls.csv')!).length).toBe(2); // header + Bob's call
    expect(parseCsv(files.get('conferences.csv')!).length).toBe(1); // header only
  });

  it('daily counts per room become that many conferences of that many calls of that length', async () => {
    const data: RprmData = {
      rooms: DATA.rooms,
      daily: [{ room: '7001', day: '2026-03-10', conferences: 3, participants: 4, minutes: 20 }],
    };
    const { calls, conferences } = await exportOf({ data });
    expect(conferences).toHaveLength(3);
    expect(calls).toHaveLength(12);
    expect(new Set(calls.map((c) => c.durationSeconds))).toEqual(new Set(['1200']));
  });

  it('an invalid data section names the JSON pointer; setData with it changes nothing', async () => {
    const { app } = makeApp(guard, { data: DATA });
    const bad = structuredClone(DATA);
    bad.conferences![0]!.room = '9999';
    expect(() => app.sim.kernel.setData(bad as Record<string, unknown>)).toThrow(
      /\/conferences\/0\/room: names no pinned room/,
    );
    expect(app.sim.kernel.dataOverrides).toBe(DATA);
  });

  it('seeded: true keeps the seeded traffic beside the pinned, for any seed (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4_294_967_295 }), async (seed) => {
        const plain = await exportOf({ seed, callsPerDay: 48 });
        const both = await exportOf({ seed, callsPerDay: 48, data: { ...DATA, seeded: true } });
        expect(both.calls.length).toBe(plain.calls.length + 3);
        expect(both.conferences.length).toBe(plain.conferences.length + 1);
        const pinned = both.calls.filter(
          (c) => c.origDisplayName === 'Ada Lovelace' || c.origDisplayName === 'Bob Babbage',
        );
        expect(pinned.map((c) => c.durationSeconds)).toEqual(['1800', '1650', '600']);
        // Still in start order.
        const starts = both.calls.map((c) => Date.parse(c.startTime!));
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }),
      { numRuns: 6 },
    );
  });
});
