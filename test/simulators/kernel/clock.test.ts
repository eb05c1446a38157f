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
