import { describe, expect, it } from 'vitest';
import { CdrUsage } from '../../../harness/flows/rprm-usage.js';

describe('RPRM CDR usage', () => {
  it('bills an ITP system row once, for its primary codec, and single rows as they are', () => {
    const usage = new CdrUsage();
    usage.addCall({ cluster: 'dma-east', callType: 'PT-PT', durationSeconds: '61' });
    usage.addCall({
      cluster: 'dma-east,dma-east,dma-east',
      callType: 'VMR',
      durationSeconds: '600,599,598',
    });
    const period = { start: '2026-02-01', end: '2026-02-28' };
    const records = usage.records('rprm', period);
    expect(records.map((r) => [r.customer, r.product, r.quantity])).toEqual([
      ['dma-east', 'PT-PT minutes', 2],
      ['dma-east', 'VMR minutes', 10],
    ]);
    expect(usage.calls).toBe(2);
  });
});
