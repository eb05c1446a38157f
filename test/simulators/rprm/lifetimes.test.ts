import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractGuard } from '../../support/contract-guard.js';
import { cdrContext, exportTables, latest } from './in-process.js';
import { ADMIN, BILLING, binary, makeApp, parseCsv, START, unzip } from './support.js';

const guard = contractGuard();
const T0 = Date.parse('2026-03-07T00:00:00Z');
const HOUR = 3_600_000;

describe('calls and conferences have real lifetimes', () => {
  it('an export requested at T holds only what ended in [from, to) and by T (property)', async () => {
    const ctx = cdrContext({ callsPerDay: 4000 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 48 * HOUR }),
        fc.integer({ min: 0, max: 6 * HOUR }),
        fc.integer({ min: -3 * HOUR, max: 8 * HOUR }),
        async (offset, length, asOfShift) => {
          const from = T0 + offset;
          const to = from + length;
          const asOf = from + asOfShift;
          const bound = Math.min(to, asOf);
          const { calls, conferences, counts, window } = await exportTables(ctx, from, to, asOf);
          for (const r of calls.rows) {
            const end = latest(r[calls.at('endTime')]!);
            expect(end).toBeGreaterThanOrEqual(from);
            expect(end).toBeLessThan(bound);
          }
          for (const r of conferences.rows) {
            const end = Date.parse(r[conferences.at('endTime')]!);
            expect(end).toBeGreaterThanOrEqual(from);
            expect(end).toBeLessThan(bound);
          }
          const total = counts.rows.at(-1)!;
          expect(Number(total[counts.at('numberOfCalls')])).toBe(calls.rows.length);
          expect(Number(total[counts.at('numberOfConferences')])).toBe(conferences.rows.length);
          expect(window.calls).toBe(calls.rows.length);
          expect(window.conferences).toBe(conferences.rows.length);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('consecutive incremental windows partition the ended calls and conferences (property)', async () => {
    const ctx = cdrContext({ callsPerDay: 3000 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 24 * HOUR }),
        fc.array(fc.integer({ min: 0, max: 3 * HOUR }), { minLength: 1, maxLength: 5 }),
        async (offset, steps) => {
          const bounds = [T0 + offset];
          for (const s of steps) bounds.push(bounds.at(-1)! + s);
          const whole = await exportTables(ctx, bounds[0]!, bounds.at(-1)!, bounds.at(-1)!);
          const callIds: string[] = [];
          const confIds: string[] = [];
          for (let i = 1; i < bounds.length; i++) {
            // "last to-date → now": each export is requested at its own to-date.
            const part = await exportTables(ctx, bounds[i - 1]!, bounds[i]!, bounds[i]!);
            callIds.push(...part.calls.rows.map((r) => r[part.calls.at('callUuid')]!));
            confIds.push(...part.conferences.rows.map((r) => r[part.conferences.at('confUUID')]!));
          }
          const wholeCalls = whole.calls.rows.map((r) => r[whole.calls.at('callUuid')]!);
          const wholeConfs = whole.conferences.rows.map((r) => r[whole.conferences.at('confUUID')]!);
          expect(new Set(callIds).size).toBe(callIds.length);
          expect(new Set(confIds).size).toBe(confIds.length);
          expect([...callIds].sort()).toEqual([...wholeCalls].sort());
          expect([...confIds].sort()).toEqual([...wholeConfs].sort());
        },
      ),
      { numRuns: 15 },
    );
  });

  it('a conference ends when its last participant leaves (property over windows)', async () => {
    const ctx = cdrContext({ callsPerDay: 2000 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 72 * HOUR }), async (offset) => {
        const from = T0 + offset;
        const { calls, conferences } = await exportTables(ctx, from, from + 8 * HOUR, from + 8 * HOUR);
        const ends = new Map<string, number[]>();
        for (const r of calls.rows) {
          const id = r[calls.at('confUUID')]!.split(',')[0]!;
          if (id) ends.set(id, [...(ends.get(id) ?? []), latest(r[calls.at('endTime')]!)]);
        }
        let whole = 0;
        for (const r of conferences.rows) {
          const start = Date.parse(r[conferences.at('startTime')]!);
          if (start < from) continue; // some of its calls ended before the window
          whole++;
          expect(Math.max(...ends.get(r[conferences.at('confUUID')]!)!)).toBe(
            Date.parse(r[conferences.at('endTime')]!),
          );
        }
        expect(whole).toBeGreaterThan(0);
      }),
      { numRuns: 10 },
    );
  });
});

describe('exports on the simulator clock', () => {
  async function download(agent: ReturnType<typeof makeApp>['agent']) {
    const res = await agent
      .get(`${BILLING}/download-cdrs`)
      .set('Authorization', ADMIN)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    return unzip(res.body as Buffer);
  }

  it('the default window (midnight → now) holds no call or conference that ends after the request', async () => {
    const { agent, clock } = makeApp(guard);
    const requested = clock.now();
    await agent.post(`${BILLING}/generate-cdrs`).set('Authorization', ADMIN).expect(202);
    clock.advance(3_600_000);
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    const files = await download(agent);
    const [callsHeader, ...calls] = parseCsv(files.get('calls.csv')!);
    const [confHeader, ...confs] = parseCsv(files.get('conferences.csv')!);
    expect(calls.length).toBeGreaterThan(300);
    for (const r of calls) expect(latest(r[callsHeader!.indexOf('endTime')]!)).toBeLessThan(requested);
    for (const r of confs) expect(Date.parse(r[confHeader!.indexOf('endTime')]!)).toBeLessThan(requested);
    expect(status.body.totalNumberCdrRecords).toBe(calls.length + confs.length);
  });

  it('a window in the future exports nothing, and says so in its counts', async () => {
    const { agent, clock } = makeApp(guard);
    await agent
      .post(`${BILLING}/generate-cdrs`)
      .query({ 'from-date': '2026-03-16T00:00:00Z', 'to-date': '2026-03-17T00:00:00Z' })
      .set('Authorization', ADMIN)
      .expect(202);
    const running = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(running.body.totalNumberCdrRecords).toBe(0);
    clock.advance(3000);
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    expect(status.body).toMatchObject({ statusType: 'GENERATION_COMPLETE', totalNumberCdrRecords: 0 });
    // Even once the window has passed, this export stays what it was when requested.
    clock.advance(3 * 86_400_000);
    const files = await download(agent);
    expect(parseCsv(files.get('calls.csv')!)).toHaveLength(1);
    expect(parseCsv(files.get('conferences.csv')!)).toHaveLength(1);
    const counts = parseCsv(files.get('callcounts.csv')!);
    expect(counts.at(-1)!.slice(0, 5)).toEqual([
      'TOTAL',
      '2026-03-15T20:00:00.000-04:00',
      '2026-03-15T20:00:00.000-04:00',
      '0',
      '0',
    ]);
  });

  it('a to-date past now is cut at the request instant; the next window picks up the rest', async () => {
    const { agent, clock } = makeApp(guard);
    const q = { 'from-date': '2026-03-15T00:00:00Z', 'to-date': '2026-03-16T00:00:00Z' };
    await agent.post(`${BILLING}/generate-cdrs`).query(q).set('Authorization', ADMIN).expect(202);
    clock.advance(60_000);
    const first = await download(agent);
    const firstIds = parseCsv(first.get('calls.csv')!)
      .slice(1)
      .map((r) => r[3]);
    // The same window again a few hours later holds more calls, the earlier ones unchanged.
    clock.advance(4 * HOUR);
    await agent.post(`${BILLING}/generate-cdrs`).query(q).set('Authorization', ADMIN).expect(202);
    clock.advance(60_000);
    const later = await download(agent);
    const laterIds = new Set(
      parseCsv(later.get('calls.csv')!)
        .slice(1)
        .map((r) => r[3]),
    );
    expect(laterIds.size).toBeGreaterThan(firstIds.length + 100);
    for (const id of firstIds) expect(laterIds.has(id)).toBe(true);
    expect(START).toBe('2026-03-15T14:00:00Z');
  });
});

describe('waits in the client’s seconds', () => {
  it('a scaled clock gives estimatedTimeRemainingSeconds and Retry-After in real seconds', async () => {
    const { Clock } = await import('../../../simulators/kernel/index.js');
    const { createRprmApp } = await import('../../../simulators/rprm/index.js');
    const request = (await import('supertest')).default;
    const clock = new Clock({ mode: 'scaled', start: START, scale: 60 });
    // A week at 1000 calls a day and 10 records per simulator second: about 13 simulator minutes.
    const app = createRprmApp({ clock, onExchange: guard.onExchange, generation: { recordsPerSecond: 10 } });
    const agent = request(app);
    await agent
      .post(`${BILLING}/generate-cdrs`)
      .query({ 'from-date': '2026-03-01T00:00:00Z', 'to-date': '2026-03-08T00:00:00Z' })
      .set('Authorization', ADMIN)
      .expect(202);
    const status = await agent.get(`${BILLING}/status`).set('Authorization', ADMIN);
    const simulatorSeconds = status.body.totalNumberCdrRecords / 10;
    expect(simulatorSeconds).toBeGreaterThan(600);
    const eta = status.body.estimatedTimeRemainingSeconds as number;
    expect(eta).toBeLessThanOrEqual(Math.ceil(simulatorSeconds / 60));
    expect(eta).toBeGreaterThanOrEqual(Math.floor(simulatorSeconds / 60) - 1);
    const early = await agent.get(`${BILLING}/download-cdrs`).set('Authorization', ADMIN);
    expect(early.status).toBe(423);
    expect(Number(early.headers['retry-after'])).toBeLessThanOrEqual(Math.ceil(simulatorSeconds / 60));
    expect(Number(early.headers['retry-after'])).toBeGreaterThanOrEqual(
      Math.floor(simulatorSeconds / 60) - 1,
    );
  });
});
