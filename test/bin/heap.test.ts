import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from '../../bin/heap.js';

describe('serve heap tuning', () => {
  it('caps old-generation growth when the user set nothing', () => {
    expect(heapGrowthFlag([])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(['--enable-source-maps', '--max-old-space-size=512'])).toBe(
      '--heap-growing-percent=150',
    );
  });

  it("leaves a value given on node's command line alone", () => {
    expect(heapGrowthFlag(['--heap-growing-percent=300'])).toBeUndefined();
  });
});
