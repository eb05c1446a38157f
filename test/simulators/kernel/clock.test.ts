import { describe, expect, it, vi } from 'vitest';
import { Clock } from '../../../simulators/kernel/index.js';

const START = Date.parse('2026-03-15T10:00:00Z');

describe('Clock', () => {
  it('manual: stands still until advanced', () => {
    const clock = new Clock({ mode: 'manual', start: START });
    expect(clock.now()).toBe(START);
    expect(clock.now()).toBe(START);
    clock.advance(1500);
    expect(clock.now()).toBe(START + 1500);
    expect(clock.date().toISOString()).toBe('2026-03-15T10:00:01.500Z');
  });

  it('refuses to move backwards or by a negative amount', () => {
    const clock = new Clock({ mode: 'manual', start: START });
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.set(START - 1)).toThrow(/backwards/);
    expect(clock.now()).toBe(START);
    clock.set(START + 60_000);
    expect(clock.now()).toBe(START + 60_000);
  });

  it('wait() resolves only once simulator time has passed', async () => {
    const clock = new Clock({ mode: 'manual', start: START });
    let done = false;
    const waiting = clock.wait(1000).then(() => {
      done = true;
    });
    clock.advance(999);
    await Promise.resolve();
    expect(done).toBe(false);
    expect(clock.pendingWaits).toBe(1);
    clock.advance(1);
    await waiting;
    expect(done).toBe(true);
    expect(clock.pendingWaits).toBe(0);
  });

  it('scaled: runs faster than real time by the scale', async () => {
    const clock = new Clock({ mode: 'scaled', scale: 1000, start: START });
    const before = clock.now();
    await new Promise((r) => setTimeout(r, 20));
    // 20 real ms at ×1000 is ≥ 20 simulated seconds.
    expect(clock.now() - before).toBeGreaterThanOrEqual(19_000);
  });

  it('rejects a non-positive scale and an invalid start', () => {
    expect(() => new Clock({ mode: 'scaled', scale: 0 })).toThrow(RangeError);
    expect(() => new Clock({ mode: 'manual', start: 'not a date' })).toThrow(RangeError);
  });
});

describe('Clock.wait on a scaled clock', () => {
  it('re-arms when the real timer fires before simulator time reaches the target', async () => {
    // Date.now() is what the clock reads; hold it back so the timer fires "early".
    let fakeNow = 1_000_000;
    const spy = vi.spyOn(Date, 'now').mockImplementation(() => fakeNow);
    try {
      const clock = new Clock({ mode: 'scaled', scale: 600, start: START });
      let resolved = false;
      const waiting = clock.wait(1200).then(() => {
        resolved = true;
      }); // 2 real ms at ×600
      fakeNow += 1; // only 1 ms has passed when the timer fires
      await new Promise((r) => setTimeout(r, 15));
      expect(resolved).toBe(false);
      fakeNow += 1; // now 2 ms: the wait is due and must not have been forgotten
      const outcome = await Promise.race([
        waiting.then(() => 'resolved'),
        new Promise((r) => setTimeout(() => r('stuck'), 200)),
      ]);
      expect(outcome).toBe('resolved');
      expect(clock.pendingWaits).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('Clock waiters (heap)', () => {
  it('wakes waiters in time order, equal instants first-in first-out', async () => {
    const clock = new Clock({ mode: 'manual', start: START });
    const order: string[] = [];
    const waits = [
      clock.wait(300).then(() => order.push('c')),
      clock.wait(100).then(() => order.push('a1')),
      clock.wait(200).then(() => order.push('b')),
      clock.wait(100).then(() => order.push('a2')),
    ];
    clock.advance(150);
    await Promise.resolve();
    expect(clock.pendingWaits).toBe(2);
    clock.advance(1000);
    await Promise.all(waits);
    expect(order).toEqual(['a1', 'a2', 'b', 'c']);
  });

  it('flood: 100,000 waiters that give up at once are released in time linear in their number', async () => {
    const clock = new Clock({ mode: 'manual', start: START });
    // A bare signal: AbortController's own dispatch would dominate what is measured here.
    const signal = () => {
      let listener: (() => void) | undefined;
      const s = {
        aborted: false,
        addEventListener: (_type: string, fn: () => void) => {
          listener = fn;
        },
        abort: () => {
          s.aborted = true;
          listener?.();
        },
      };
      return s;
    };
    const time = async (n: number) => {
      const controllers = Array.from({ length: n }, signal);
      const waits = controllers.map((c, i) => clock.wait(1000 + (i % 97), c as unknown as AbortSignal));
      const started = performance.now();
      for (const c of controllers) c.abort();
      await Promise.all(waits);
      const elapsed = performance.now() - started;
      expect(clock.pendingWaits).toBe(0);
      return elapsed;
    };
    await time(5_000); // warm-up
    // A list filtered on every abort (the old structure) visits ≈ n²/2 = 5·10⁹ entries here,
    // tens of seconds; the heap marks each abort in O(1) and compacts in amortised O(1).
    const large = await time(100_000);
    expect(large).toBeLessThan(3000);
    // A live waiter among the aborted ones still wakes on time.
    let woke = false;
    const kept = clock.wait(10).then(() => {
      woke = true;
    });
    clock.advance(10);
    await kept;
    expect(woke).toBe(true);
  });

  it('toClientSeconds converts simulator time to the client’s seconds under a time scale', () => {
    const scaled = new Clock({ mode: 'scaled', scale: 60, start: START });
    expect(scaled.toClientSeconds(51_000)).toBe(1);
    expect(scaled.toClientSeconds(600_000)).toBe(10);
    expect(scaled.toClientSeconds(0)).toBe(0);
    const manual = new Clock({ mode: 'manual', start: START });
    expect(manual.toClientSeconds(51_000)).toBe(51);
    expect(manual.toClientSeconds(1)).toBe(1);
  });

  it('rewind returns to the start and keeps what pending waits still had to wait', async () => {
    const clock = new Clock({ mode: 'manual', start: START });
    clock.advance(5000);
    let done = false;
    const w = clock.wait(1000).then(() => {
      done = true;
    });
    expect(clock.rewind()).toBe(START);
    clock.advance(999);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    await w;
    expect(done).toBe(true);
  });
});
