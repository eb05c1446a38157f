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
 * most of a request's objects outlive a scavenge and are promoted, so the old generation climbs
 * to ≈ 4 × its live size before V8 collects it: peak RSS under 50 connections was ≈ 165 MB.
 * At 2.5 × it was ≈ 142 MB at unchanged throughput (bench/README.md, finding 11). V8 reads this
 * flag each time it sets the next limit, so setting it at start-up takes effect. Only the CLI
 * calls this: a library must not retune its host process.
 */
export function tuneHeapForServing(): void {
  const flag = heapGrowthFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}

/** How a process was started: node's own flags, then the script and its arguments. */
export interface Invocation {
  execArgv: readonly string[];
  /** process.argv: the node binary, the script, the script's arguments. */
  argv: readonly string[];
}

/**
 * A banner line for a process that has one CPU (a pinned process, a one-CPU container) and runs
 * V8's default GC: there its helper threads take turns with the main thread, so pauses and the
 * latency tail under load are longer (p99 ≈ 40 % higher, bench/README.md finding 13). V8 cannot
 * switch to single-threaded GC in a running process and node refuses the flag in NODE_OPTIONS,
 * so `serve` prints the command that starts it the faster way.
 */
export function singleCpuGcHint(cpus: number, { execArgv, argv }: Invocation): string | undefined {
  if (cpus > 1 || execArgv.includes('--single-threaded-gc')) return undefined;
  const command = ['node', '--single-threaded-gc', ...execArgv, ...argv.slice(1)].map(shellWord);
  return `one CPU available: for shorter GC pauses under load, start it as\n  ${command.join(' ')}`;
}

/** A word as a POSIX shell reads it back: quoted only when it has to be. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
