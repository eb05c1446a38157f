import { describe, expect, it } from 'vitest';
import { previousMonth } from '../../harness/run.js';
import { clockTime, virtualTime } from '../../harness/time.js';
import { Clock } from '../../simulators/kernel/index.js';

describe('harness time', () => {
  it('drives a manual simulator clock: sleeping advances it at once', async () => {
    const clock = new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' });
    const time = clockTime(clock);
    await time.sleep(42_000);
    expect(new Date(clock.now()).toISOString()).toBe('2026-03-15T10:00:42.000Z');
    expect(time.now()).toBe(clock.now());
  });

  it('waits on a scaled clock until it has really reached the target, every time', async () => {
    const clock = new Clock({ mode: 'scaled', scale: 100_000, start: '2026-03-15T10:00:00Z' });
    const time = clockTime(clock);
    for (let i = 0; i < 50; i++) {
      const target = clock.now() + 1000;
      await time.sleep(1000);
      expect(clock.now()).toBeGreaterThanOrEqual(target);
    }
  });

  it('virtual time records sleeps and refuses an aborted signal', async () => {
    const time = virtualTime('2026-01-01T00:00:00Z');
    await time.sleep(5);
    await time.sleep(7);
    expect(time.sleeps).toEqual([5, 7]);
    expect(time.now()).toBe(Date.parse('2026-01-01T00:00:00.012Z'));
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(time.sleep(1, controller.signal)).rejects.toThrow('stop');
  });

  it('bills the previous calendar month by default', () => {
    expect(previousMonth(Date.parse('2026-03-15T10:00:00Z'))).toEqual({
      start: '2026-02-01',
      end: '2026-02-28',
    });
    expect(previousMonth(Date.parse('2026-01-01T00:00:00Z'))).toEqual({
      start: '2025-12-01',
      end: '2025-12-31',
    });
    expect(previousMonth(Date.parse('2024-03-31T23:59:59Z'))).toEqual({
      start: '2024-02-01',
      end: '2024-02-29',
    });
  });
});

describe('PureCloud billing period index', () => {
  it('counts months back from the open one', async () => {
    const { billingPeriodIndex } = await import('../../harness/flows/purecloud.js');
    const now = Date.parse('2026-03-15T10:00:00Z');
    expect(billingPeriodIndex('2026-03-01', now)).toBe(0);
    expect(billingPeriodIndex('2026-02-01', now)).toBe(1);
    expect(billingPeriodIndex('2025-12-01', now)).toBe(3);
    expect(billingPeriodIndex('2027-01-01', now)).toBe(0);
  });
});
