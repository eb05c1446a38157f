import { setFlagsFromString } from 'node:v8';

/** Old generation may grow to 2.5 × what survived the last full collection (V8 picks up to 4 ×). */
export const HEAP_GROWING_PERCENT = 150;

/**
 * The V8 flag `serve` sets, or undefined when the user already chose one on the command line
 * or in NODE_OPTIONS (theirs wins).
 */
export function heapGrowthFlag(
  execArgv: readonly string[],
  nodeOptions: string | undefined,
): string | undefined {
  const given = [...execArgv, nodeOptions ?? ''].some((a) => a.includes('heap-growing-percent'));
  return given ? undefined : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/**
 * Caps how far V8 lets the old generation grow between full collections. Under sustained load
 * most of a request's objects outlive a scavenge and are promoted, so the old generation climbs
 * to ≈ 4 × its live size before V8 collects it: peak RSS under 50 connections was ≈ 165 MB.
 * At 2.5 × it was ≈ 142 MB at unchanged throughput (bench/README.md, finding 11). V8 reads this
 * flag each time it sets the next limit, so setting it at start-up takes effect. Only the CLI
 * calls this: a library must not retune its host process.
 */
export function tuneHeapForServing(): void {
  const flag = heapGrowthFlag(process.execArgv, process.env.NODE_OPTIONS);
  if (flag) setFlagsFromString(flag);
}
