import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import type { LoadRun, LoadSpec } from '../load-worker.js';
import { benchScript, cpuSeconds, pinned, ROOT } from './proc.js';
import { type Spread, spread } from './stats.js';

export type { LoadRun, LoadSpec };

/** A throughput figure: median req/s of the runs with their spread, latencies of the median run. */
export interface LoadFigure {
  connections: number;
  rps: Spread;
  p50: number;
  p99: number;
  runs: LoadRun[];
  statusCodes: Record<string, number>;
  errors: number;
  bytesPerRequest: number;
  /**
   * Server CPU time (user + system, whole process tree) per answered request, warm-up
   * included: unlike req/s it barely moves when other processes take the cores.
   */
  cpuUsPerRequest: number | undefined;
}

/** Runs autocannon in a separate (pinned) process and sums its runs up. */
export async function load(
  spec: LoadSpec,
  cores: string | undefined,
  server?: ChildProcess,
): Promise<LoadFigure> {
  const cpu0 = server ? cpuSeconds(server) : 0;
  const [cmd, args] = pinned(cores, process.execPath, [benchScript('load-worker.js'), JSON.stringify(spec)]);
  const { runs, warmupRequests } = await new Promise<{ runs: LoadRun[]; warmupRequests: number }>(
    (resolve, reject) => {
      const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
      });
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString();
      });
      const budget = (spec.warmupSec + spec.runs * (spec.durationSec + 2) + 30) * 1000;
      const timer = setTimeout(() => child.kill('SIGKILL'), budget);
      child.once('exit', (code) => {
        clearTimeout(timer);
        try {
          if (code !== 0) throw new Error(`load worker exited ${code}: ${err.slice(-1000)}`);
          resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}'));
        } catch (e) {
          reject(e);
        }
      });
    },
  );
  const cpu = server ? cpuSeconds(server) - cpu0 : undefined;
  const answered = warmupRequests + runs.reduce((s, r) => s + r.total, 0);
  const byRps = [...runs].sort((a, b) => a.rps - b.rps);
  const mid = byRps[byRps.length >> 1]!;
  const statusCodes: Record<string, number> = {};
  for (const r of runs)
    for (const [k, v] of Object.entries(r.statusCodes)) statusCodes[k] = (statusCodes[k] ?? 0) + v;
  return {
    connections: spec.connections,
    rps: spread(runs.map((r) => r.rps)),
    p50: mid.p50,
    p99: mid.p99,
    runs,
    statusCodes,
    errors: runs.reduce((s, r) => s + r.errors + r.timeouts, 0),
    bytesPerRequest: mid.bytesPerRequest,
    cpuUsPerRequest: cpu !== undefined && answered > 0 ? (cpu * 1e6) / answered : undefined,
  };
}
