import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../../simulators/kernel/clock.js';
import { FaultStore } from '../../../simulators/kernel/faults.js';
import { JobEngine, type JobsState } from '../../../simulators/kernel/jobs.js';
import { SeededData } from '../../../simulators/kernel/seed.js';

const LIFECYCLE = { steps: ['QUEUED', 'RUNNING'], success: 'DONE', failure: 'FAILED' } as const;

type Op =
  | { op: 'create'; advance: 'time' | 'polls' | 'manual' | 'immediate'; n: number; failureRate: number }
  | { op: 'poll' | 'get' | 'remove'; at: number }
  | { op: 'command'; at: number; to: 'next' | 'complete' | 'succeed' | 'fail' }
  | { op: 'clock'; ms: number }
  | { op: 'failNext'; count: number };

const ops = fc.array(
  fc.oneof(
    fc.record({
      op: fc.constant('create' as const),
      advance: fc.constantFrom('time' as const, 'polls' as const, 'manual' as const, 'immediate' as const),
      n: fc.integer({ min: 1, max: 5 }),
      failureRate: fc.constantFrom(0, 0.5),
    }),
    fc.record({ op: fc.constantFrom('poll' as const, 'get' as const, 'remove' as const), at: fc.nat(20) }),
    fc.record({
      op: fc.constant('command' as const),
      at: fc.nat(20),
      to: fc.constantFrom('next' as const, 'complete' as const, 'succeed' as const, 'fail' as const),
    }),
    fc.record({ op: fc.constant('clock' as const), ms: fc.integer({ min: 0, max: 5_000 }) }),
    fc.record({ op: fc.constant('failNext' as const), count: fc.nat(2) }),
  ),
  { maxLength: 25 },
);

function world() {
  const clock = new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' });
  return { clock, jobs: new JobEngine(clock, new SeededData(5), 8) };
}

/** Applies one operation and returns what a reader sees right after it. */
function apply(w: ReturnType<typeof world>, o: Op): unknown {
  const ids = w.jobs.list().map((j) => j.id);
  const id = (at: number) => ids[at % Math.max(1, ids.length)] ?? 'none';
  switch (o.op) {
    case 'create': {
      const advance =
        o.advance === 'time'
          ? { kind: 'time' as const, ms: o.n * 1000 }
          : o.advance === 'polls'
            ? { kind: 'polls' as const, count: o.n }
            : { kind: o.advance };
      return w.jobs.create({
        kind: 'toy.job',
        lifecycle: LIFECYCLE,
        advance,
        totalUnits: o.n * 10,
        failureRate: o.failureRate,
        data: { n: o.n },
      });
    }
    case 'poll':
      return w.jobs.poll(id(o.at)) ?? null;
    case 'get':
      return w.jobs.get(id(o.at)) ?? null;
    case 'remove':
      return w.jobs.remove(id(o.at));
    case 'command':
      return w.jobs.command(id(o.at), o.to) ?? null;
    case 'clock':
      return w.clock.advance(o.ms);
    case 'failNext':
      w.jobs.failNext(o.count);
      return o.count;
  }
}

const seen = (w: ReturnType<typeof world>) => ({
  list: w.jobs.list(),
  page: w.jobs.page({ limit: 3 }),
  evicted: w.jobs.evicted,
});

describe('job engine snapshots', () => {
  it('a restored engine answers every later operation as the original does (property)', () => {
    fc.assert(
      fc.property(ops, ops, (before, after) => {
        const a = world();
        for (const o of before) apply(a, o);
        const state = JSON.parse(JSON.stringify(a.jobs.snapshot())) as JobsState;
        const b = world();
        b.clock.restore(a.clock.snapshot());
        expect(b.jobs.check(state)).toEqual([]);
        b.jobs.restore(state);
        expect(seen(b)).toEqual(seen(a));
        for (const o of after) expect(apply(b, o)).toEqual(apply(a, o));
        expect(seen(b)).toEqual(seen(a));
      }),
      { numRuns: 150 },
    );
  });

  it('check names a duplicate id, a recency list out of step and a cap overrun', () => {
    const a = world();
    for (let i = 0; i < 3; i++)
      a.jobs.create({ kind: 'toy.job', lifecycle: LIFECYCLE, advance: { kind: 'manual' }, data: {} });
    const s = a.jobs.snapshot();
    const twice = { ...s, jobs: [...s.jobs, s.jobs[0]!] };
    expect(world().jobs.check(twice)).toContain(`/jobs/jobs/3/id: job ${s.jobs[0]!.id} appears twice`);
    expect(world().jobs.check({ ...s, recency: s.recency.slice(1) })).toEqual([
      '/jobs/recency: must list every job id exactly once',
    ]);
    const small = new JobEngine(new Clock({ mode: 'manual' }), new SeededData(5), 2);
    expect(small.check(s)[0]).toBe('/jobs/jobs: at most 2 jobs (got 3)');
  });
});

describe('fault store snapshots', () => {
  it('keep match order, counts and spent rules; a bad rule installs nothing', () => {
    const data = new SeededData(1);
    const a = new FaultStore(data);
    a.addAll([
      { id: 'once', match: { path: '/x' }, effect: { status: 503 }, times: 1 },
      { id: 'ratio', match: { path: '/x/**' }, effect: { status: 429 }, ratio: 0.5 },
    ]);
    const req = (path: string) => ({
      method: 'GET',
      path,
      tenant: undefined,
      token: undefined,
      header: () => undefined,
    });
    a.take(req('/x'));
    for (let i = 0; i < 5; i++) a.take(req('/x/y'));
    const b = new FaultStore(data);
    b.prepareRestore(JSON.parse(JSON.stringify(a.snapshot())))();
    expect(b.list()).toEqual(a.list());
    for (let i = 0; i < 10; i++) expect(b.take(req('/x/y'))?.rule.id).toBe(a.take(req('/x/y'))?.rule.id);
    expect(b.list()).toEqual(a.list());

    const before = JSON.stringify(b.snapshot());
    const bad = a.snapshot();
    bad.active[0]!.match.path = '^(';
    expect(() => b.prepareRestore(bad)).toThrow(/active\/0: match\.path is not a valid regular expression/);
    expect(JSON.stringify(b.snapshot())).toBe(before);
  });
});

describe('clock snapshots', () => {
  it('a scaled clock resumes at the snapshot instant and keeps its own scale', () => {
    const a = new Clock({ mode: 'scaled', scale: 60, start: '2026-03-15T10:00:00Z' });
    a.advance(3_600_000);
    const b = new Clock({ mode: 'scaled', scale: 60, start: '2026-01-01T00:00:00Z' });
    b.restore(a.snapshot());
    // Real time passes between the two reads: at most a few ms × 60.
    expect(Math.abs(b.now() - a.now())).toBeLessThan(60_000);
    expect(b.startMs).toBe(a.startMs);
  });
});
