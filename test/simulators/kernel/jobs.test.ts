import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Clock, JobEngine, type JobLifecycle, SeededData } from '../../../simulators/kernel/index.js';

const LIFECYCLE: JobLifecycle = {
  steps: ['QUEUED', 'RUNNING', 'WRITING'],
  success: 'DONE',
  failure: 'FAILED',
};

function engine() {
  const clock = new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' });
  return { clock, jobs: new JobEngine(clock, new SeededData(1)) };
}

describe('JobEngine', () => {
  it('time: steps through the states as the clock moves, finishing at the scheduled instant', () => {
    const { clock, jobs } = engine();
    const job = jobs.create({
      kind: 'r',
      lifecycle: LIFECYCLE,
      advance: { kind: 'time', ms: 3000 },
      totalUnits: 300,
      data: {},
    });
    expect(job.state).toBe('QUEUED');
    expect(job.remainingMs).toBe(3000);
    clock.advance(1000);
    expect(jobs.get(job.id)).toMatchObject({ state: 'RUNNING', processedUnits: 100, terminal: false });
    clock.advance(1500);
    expect(jobs.get(job.id)).toMatchObject({ state: 'WRITING', processedUnits: 250, remainingMs: 500 });
    clock.advance(10_000); // read late: finishedAt is still the scheduled instant
    const done = jobs.get(job.id)!;
    expect(done).toMatchObject({ state: 'DONE', terminal: true, failed: false, processedUnits: 300 });
    expect(done.finishedAt).toBe(job.createdAt + 3000);
  });

  it('polls: completes after exactly N polls; reads without polling do not count', () => {
    const { jobs } = engine();
    const job = jobs.create({
      kind: 'r',
      lifecycle: LIFECYCLE,
      advance: { kind: 'polls', count: 3 },
      data: {},
    });
    expect(jobs.get(job.id)!.state).toBe('QUEUED');
    expect(jobs.poll(job.id)!.terminal).toBe(false);
    expect(jobs.poll(job.id)!.terminal).toBe(false);
    expect(jobs.get(job.id)!.polls).toBe(2);
    const third = jobs.poll(job.id)!;
    expect(third).toMatchObject({ state: 'DONE', terminal: true, polls: 3 });
    expect(jobs.poll(job.id)!.polls).toBe(3); // a finished job stops counting
  });

  it('manual: moves only on command, one state at a time', () => {
    const { clock, jobs } = engine();
    const job = jobs.create({ kind: 'r', lifecycle: LIFECYCLE, advance: { kind: 'manual' }, data: {} });
    clock.advance(3_600_000);
    expect(jobs.poll(job.id)!.state).toBe('QUEUED');
    expect(jobs.command(job.id, 'next')!.state).toBe('RUNNING');
    expect(jobs.command(job.id, 'next')!.state).toBe('WRITING');
    expect(jobs.command(job.id, 'next')!.state).toBe('DONE');
    expect(jobs.command(job.id, 'fail')!.state).toBe('DONE'); // terminal states are final
  });

  it('immediate: done at creation', () => {
    const { jobs } = engine();
    expect(
      jobs.create({ kind: 'r', lifecycle: LIFECYCLE, advance: { kind: 'immediate' }, data: {} }).state,
    ).toBe('DONE');
  });

  it('injects failures: forced, fail-next, command, and a seeded ratio', () => {
    const { jobs } = engine();
    const forced = jobs.create({
      kind: 'r',
      lifecycle: LIFECYCLE,
      advance: { kind: 'immediate' },
      fail: { code: 'x', message: 'boom' },
      data: {},
    });
    expect(forced).toMatchObject({ state: 'FAILED', failed: true, error: { code: 'x', message: 'boom' } });

    jobs.failNext(1);
    expect(
      jobs.create({ kind: 'r', lifecycle: LIFECYCLE, advance: { kind: 'immediate' }, data: {} }).failed,
    ).toBe(true);
    expect(
      jobs.create({ kind: 'r', lifecycle: LIFECYCLE, advance: { kind: 'immediate' }, data: {} }).failed,
    ).toBe(false);

    const running = jobs.create({ kind: 'r', lifecycle: LIFECYCLE, advance: { kind: 'manual' }, data: {} });
    expect(jobs.command(running.id, 'fail')).toMatchObject({ state: 'FAILED', failed: true });

    const outcomes = (seed: number) => {
      const e = new JobEngine(new Clock({ mode: 'manual' }), new SeededData(seed));
      return Array.from(
        { length: 200 },
        () =>
          e.create({
            kind: 'r',
            lifecycle: LIFECYCLE,
            advance: { kind: 'immediate' },
            failureRate: 0.25,
            data: {},
          }).failed,
      );
    };
    const first = outcomes(9);
    const share = first.filter(Boolean).length / first.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
    expect(outcomes(9)).toEqual(first); // same seed, same failures
  });

  it('lists by kind and tenant, removes, and resets', () => {
    const { jobs } = engine();
    jobs.create({ kind: 'a', tenant: 't1', lifecycle: LIFECYCLE, advance: { kind: 'manual' }, data: {} });
    const b = jobs.create({
      kind: 'b',
      tenant: 't2',
      lifecycle: LIFECYCLE,
      advance: { kind: 'manual' },
      data: {},
    });
    expect(jobs.list({ kind: 'a' })).toHaveLength(1);
    expect(jobs.list({ tenant: 't2' }).map((j) => j.id)).toEqual([b.id]);
    expect(jobs.remove(b.id)).toBe(true);
    expect(jobs.get(b.id)).toBeUndefined();
    jobs.reset();
    expect(jobs.list()).toEqual([]);
  });
});

describe('JobEngine eviction order', () => {
  it('evicts like a least-recently-used list, however jobs are created, read, polled and removed', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('create' as const) }),
      fc.record({
        kind: fc.constantFrom('get' as const, 'poll' as const, 'remove' as const),
        pick: fc.nat(),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.integer({ min: 1, max: 6 }), (ops, capacity) => {
        const clock = new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' });
        const jobs = new JobEngine(clock, new SeededData(1), capacity);
        // The model: ids oldest use first. Every job is finished (immediate), so the least
        // recently used one is always the one to go.
        let model: string[] = [];
        for (const o of ops) {
          if (o.kind === 'create') {
            const job = jobs.create({
              kind: 'r',
              lifecycle: LIFECYCLE,
              advance: { kind: 'immediate' },
              data: {},
            });
            model.push(job.id);
            if (model.length > capacity) model = model.slice(1);
            continue;
          }
          const id = model.length === 0 ? 'none' : (model[o.pick % model.length] as string);
          if (o.kind === 'remove') {
            jobs.remove(id);
            model = model.filter((m) => m !== id);
          } else {
            const seen = o.kind === 'get' ? jobs.get(id) : jobs.poll(id);
            expect(seen?.id).toBe(model.includes(id) ? id : undefined);
            if (model.includes(id)) model = [...model.filter((m) => m !== id), id];
          }
        }
        expect(jobs.size).toBe(model.length);
        for (const id of model) expect(jobs.owner(id)).toMatchObject({ kind: 'r' });
      }),
    );
  });
});
