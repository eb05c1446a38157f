import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Context } from '../lib/context.js';
import { benchScript, pinned } from '../lib/proc.js';

/**
 * PureCloud's one-history model: a year of billable usage for a 10,000-user org against its
 * anchor, `JSON.stringify` of the same report, and the RSS that 1,000 distinct ranges add.
 * Measured in child processes (bench/purecloud-history-worker.ts, one per figure) run with
 * --expose-gc; the ranges' HTTP client runs in a process of its own.
 */
export interface PureCloudHistoryResult {
  generation: {
    historyBuildMs: number;
    coldMs: number;
    warmMs: number;
    stringifyMs: number;
    reportBytes: number;
    resources: number;
    coldVsStringify: number;
    warmVsStringify: number;
  };
  ranges: {
    ranges: number;
    seconds: number;
    rssBeforeMb: number;
    rssAfterMb: number;
    addedMb: number;
    /** RSS added by a second round of as many distinct ranges. */
    nextAddedMb: number;
  };
}

export async function purecloudHistory(ctx: Context): Promise<PureCloudHistoryResult> {
  ctx.log('PureCloud history: a year for 10,000 users; 1,000 distinct ranges');
  const runs = ctx.settings.quick ? 3 : 7;
  // One process per figure: the generation runs' garbage must not inflate the RSS before the
  // ranges (nor their warmed-up code the cold generation).
  const worker = async (args: string[]) => {
    const [command, argv] = pinned(ctx.settings.pin.server, process.execPath, [
      '--expose-gc',
      benchScript('purecloud-history-worker.js'),
      ...args,
    ]);
    const { stdout } = await promisify(execFile)(command, argv, { maxBuffer: 1 << 20, timeout: 600_000 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as Partial<PureCloudHistoryResult>;
  };
  const { generation } = await worker([String(runs), '0']);
  const { ranges } = await worker(['0', '1000']);
  const result = { generation: generation!, ranges: ranges! };
  const g = result.generation;
  ctx.log(
    `  year report: ${g.resources} resources, ${(g.reportBytes / 2 ** 20).toFixed(1)} MiB; generation ${g.coldMs.toFixed(1)} ms cold, ${g.warmMs.toFixed(1)} ms warm; JSON.stringify ${g.stringifyMs.toFixed(1)} ms → ${g.coldVsStringify.toFixed(2)}× (history built once: ${g.historyBuildMs.toFixed(0)} ms)`,
  );
  const r = result.ranges;
  ctx.log(
    `  ${r.ranges} ranges in ${r.seconds.toFixed(1)} s: RSS ${r.rssBeforeMb.toFixed(0)} → ${r.rssAfterMb.toFixed(0)} MB (+${r.addedMb.toFixed(1)} MB); the next ${r.ranges} add ${r.nextAddedMb.toFixed(1)} MB`,
  );
  return result;
}
