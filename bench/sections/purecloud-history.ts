import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Context } from '../lib/context.js';
import { benchScript, pinned } from '../lib/proc.js';

/**
 * PureCloud's one-history model: a year of billable usage for a 10,000-user org against its
 * anchor, `JSON.stringify` of the same report, and the RSS that 1,000 distinct ranges add.
 * Measured in a child process (bench/purecloud-history-worker.ts) run with --expose-gc.
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
  ranges: { ranges: number; seconds: number; rssBeforeMb: number; rssAfterMb: number; addedMb: number };
}

export async function purecloudHistory(ctx: Context): Promise<PureCloudHistoryResult> {
  ctx.log('PureCloud history: a year for 10,000 users; 1,000 distinct ranges');
  const runs = ctx.settings.quick ? 3 : 7;
  const [command, args] = pinned(ctx.settings.pin.server, process.execPath, [
    '--expose-gc',
    benchScript('purecloud-history-worker.js'),
    String(runs),
    '1000',
  ]);
  const { stdout } = await promisify(execFile)(command, args, { maxBuffer: 1 << 20, timeout: 600_000 });
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as PureCloudHistoryResult;
  const g = result.generation;
  ctx.log(
    `  year report: ${g.resources} resources, ${(g.reportBytes / 2 ** 20).toFixed(1)} MiB; generation ${g.coldMs.toFixed(1)} ms cold, ${g.warmMs.toFixed(1)} ms warm; JSON.stringify ${g.stringifyMs.toFixed(1)} ms → ${g.coldVsStringify.toFixed(2)}× (history built once: ${g.historyBuildMs.toFixed(0)} ms)`,
  );
  const r = result.ranges;
  ctx.log(
    `  ${r.ranges} ranges in ${r.seconds.toFixed(1)} s: RSS ${r.rssBeforeMb.toFixed(0)} → ${r.rssAfterMb.toFixed(0)} MB (+${r.addedMb.toFixed(1)} MB)`,
  );
  return result;
}
