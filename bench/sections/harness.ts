import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PLUGINS } from '../../simulators/index.js';
import type { Context } from '../lib/context.js';
import { pinned, ROOT } from '../lib/proc.js';
import { summarize } from '../lib/profile.js';
import { type Spread, spread } from '../lib/stats.js';

/**
 * `billing-sim flows` (every vendor's flow) against the embedded simulators (virtual
 * clock: report generation costs no wall time), spawn → exit. The contract-validation share
 * comes from one extra run of the unbundled CLI (same code, module paths kept) under
 * `node --cpu-prof`: samples whose stack holds a frame of
 * contracts/ or harness/validation/, over all non-idle samples.
 *
 * Beside that anchor, in the same runs (interleaved, so load on a shared machine hits all
 * alike): `flows --record <dir>` (HAR and body files written) as a ratio to `flows`, and —
 * when BILLING_SIM_BENCH_BEFORE_CLI names another build's `bin/billing-sim.js` (e.g. main
 * before a change) — that build's `flows`, the "before" figure.
 */
export interface HarnessResult {
  vendors: string[];
  wallMs: Spread | undefined;
  exitCodes: number[];
  validationShare: number | undefined;
  /** CPU ms sampled in the profiled run (non-idle) and in validation. */
  profiledCpuMs: number | undefined;
  validationMs: number | undefined;
  /** `flows --record`: wall time and its ratio to `flows` (medians). */
  recordWallMs?: Spread;
  recordRatio?: number;
  /** The other build's `flows` (BILLING_SIM_BENCH_BEFORE_CLI) and `flows` / that. */
  beforeCli?: string;
  beforeWallMs?: Spread;
  vsBefore?: number;
}

/** What users run: the bundled CLI. */
const BUNDLED_CLI = join(ROOT, 'bin', 'billing-sim.js');
/** The same code unbundled: its profile keeps module paths, so validation can be told apart. */
const UNBUNDLED_CLI = join(ROOT, 'dist', 'bin', 'cli.js');

function flows(ctx: Context, out: string, nodeArgs: string[], cli = BUNDLED_CLI, extra: string[] = []) {
  const [cmd, args] = pinned(ctx.settings.pin.server, process.execPath, [
    ...nodeArgs,
    cli,
    'flows',
    '--out',
    out,
    ...extra,
  ]);
  return new Promise<{ code: number; ms: number; output: string }>((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (c: Buffer) => {
      if (output.length < 100_000) output += c.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, ms: performance.now() - t0, output });
    });
  });
}

export async function harnessFlows(ctx: Context): Promise<HarnessResult> {
  const vendors = PLUGINS.map((s) => s.name);
  ctx.log(`harness: billing-sim flows (every flow; simulators ${vendors.join(', ')})`);
  // Quick mode times the profiled run only (profiling slows it a little).
  const reps = ctx.settings.quick ? 0 : 3;
  const walls: number[] = [];
  const exitCodes: number[] = [];
  const recordWalls: number[] = [];
  const beforeWalls: number[] = [];
  const before = process.env.BILLING_SIM_BENCH_BEFORE_CLI;
  for (let i = 0; i < reps; i++) {
    const r = await flows(ctx, join(ctx.tmp, `flows-${i}`), []);
    exitCodes.push(r.code);
    walls.push(r.ms);
    ctx.log(`  run ${i + 1}: ${r.ms.toFixed(0)} ms, exit ${r.code}`);
    if (r.code !== 0 && i === 0)
      ctx.note(`billing-sim flows exited ${r.code}: ${r.output.trim().slice(-400)}`);
    const rec = await flows(ctx, join(ctx.tmp, `flows-rec-out-${i}`), [], BUNDLED_CLI, [
      '--record',
      join(ctx.tmp, `flows-rec-${i}`),
    ]);
    recordWalls.push(rec.ms);
    ctx.log(`  run ${i + 1} --record: ${rec.ms.toFixed(0)} ms, exit ${rec.code}`);
    if (rec.code !== 0 && i === 0)
      ctx.note(`billing-sim flows --record exited ${rec.code}: ${rec.output.trim().slice(-400)}`);
    if (before) {
      const b = await flows(ctx, join(ctx.tmp, `flows-before-${i}`), [], before);
      beforeWalls.push(b.ms);
      ctx.log(`  run ${i + 1} before (${before}): ${b.ms.toFixed(0)} ms, exit ${b.code}`);
    }
  }
  const profDir = join(ctx.tmp, 'flows-profile');
  const profiled = await flows(
    ctx,
    join(ctx.tmp, 'flows-prof'),
    ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
    UNBUNDLED_CLI,
  );
  if (reps === 0) {
    walls.push(profiled.ms);
    exitCodes.push(profiled.code);
    if (profiled.code !== 0)
      ctx.note(`billing-sim flows exited ${profiled.code}: ${profiled.output.trim().slice(-400)}`);
  }
  let validationShare: number | undefined;
  let profiledCpuMs: number | undefined;
  let validationMs: number | undefined;
  try {
    const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (file) {
      const s = summarize(join(profDir, file), {
        idle: (f) => f.functionName === '(idle)',
        validation: (f) => /\/contracts\/|\/harness\/validation\//.test(f.url),
      });
      const busy = 1 - (s.inclusive.idle ?? 0);
      profiledCpuMs = s.totalMs * busy;
      validationMs = s.totalMs * (s.inclusive.validation ?? 0);
      validationShare = busy > 0 ? (s.inclusive.validation ?? 0) / busy : undefined;
      ctx.log(
        `  contract validation: ${validationMs.toFixed(0)} of ${profiledCpuMs.toFixed(0)} CPU ms (${((validationShare ?? 0) * 100).toFixed(1)}%)`,
      );
    }
  } catch (e) {
    ctx.note(`harness profile unreadable: ${(e as Error).message}`);
  }
  const wallMs = walls.length ? spread(walls) : undefined;
  const recordWallMs = recordWalls.length ? spread(recordWalls) : undefined;
  const beforeWallMs = beforeWalls.length ? spread(beforeWalls) : undefined;
  return {
    vendors,
    wallMs,
    recordWallMs,
    recordRatio: wallMs && recordWallMs ? recordWallMs.median / wallMs.median : undefined,
    beforeCli: before,
    beforeWallMs,
    vsBefore: wallMs && beforeWallMs ? wallMs.median / beforeWallMs.median : undefined,
    exitCodes,
    validationShare,
    profiledCpuMs,
    validationMs,
  };
}
