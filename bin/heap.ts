import { setFlagsFromString } from 'node:v8';

/** Old generation may grow to 2.5 × what survived the last full collection (V8 picks up to 4 ×). */
export const HEAP_GROWING_PERCENT = 150;

/**
 * The V8 flag `serve` sets, or undefined when the user already chose one on node's command line
 * (theirs wins). Node refuses this flag in NODE_OPTIONS, so the command line is the only place.
 */
export function heapGrowthFlag(execArgv: readonly string[]): string | undefined {
  const given = execArgv.some((a) => a.includes('heap-growing-percent'));
  return given ? undefined : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/**
 * Caps how far V8 lets the old generation grow between full collections. Under sustained load
 * the old generation climbs to ≈ 4 × its live size before V8 collects it: peak RSS under 50
 * connections was 153–161 MB, and 136–138 MB at 2.5 × with unchanged throughput (bench/README.md,
 * findings 11 and 15). V8 reads this flag each time it sets the next limit, so setting it at
 * start-up takes effect. Only the CLI calls this: a library must not retune its host process.
 */
export function tuneHeapForServing(): void {
  const flag = heapGrowthFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}
