import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapGrowthFlag, singleCpuGcHint } from '../../bin/heap.js';

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

describe('serve one-CPU hint', () => {
  const argv = ['/usr/bin/node', '/srv/app/node_modules/.bin/billing-sim', 'serve', '--only', 'webex'];

  it('prints the command that starts the same serve with single-threaded GC, on one CPU', () => {
    expect(singleCpuGcHint(1, { execArgv: [], argv })).toBe(
      'one CPU available: for shorter GC pauses under load, start it as\n' +
        '  node --single-threaded-gc /srv/app/node_modules/.bin/billing-sim serve --only webex',
    );
  });

  it("keeps the user's node flags and quotes arguments a shell would split", () => {
    const hint = singleCpuGcHint(1, {
      execArgv: ['--max-old-space-size=512'],
      argv: ['/usr/bin/node', '/opt/my tools/billing-sim.js', 'serve', '--config', "it's.yaml"],
    });
    expect(hint).toContain(
      "node --single-threaded-gc --max-old-space-size=512 '/opt/my tools/billing-sim.js' serve --config 'it'\\''s.yaml'",
    );
  });

  it('says nothing with two or more CPUs', () => {
    expect(singleCpuGcHint(2, { execArgv: [], argv })).toBeUndefined();
    expect(singleCpuGcHint(8, { execArgv: ['--inspect'], argv })).toBeUndefined();
  });

  it('says nothing when node already runs with single-threaded GC', () => {
    expect(singleCpuGcHint(1, { execArgv: ['--single-threaded-gc'], argv })).toBeUndefined();
  });
});
