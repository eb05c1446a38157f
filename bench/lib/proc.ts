import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/bench — where the compiled server and worker scripts live. */
export const BENCH_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root (dist/bench/../..). */
export const ROOT = resolve(BENCH_DIST, '..', '..');

export function benchScript(name: string): string {
  return join(BENCH_DIST, name);
}

/** Which cores the servers and the load generator get; both sides pinned apart when there are two. */
export interface Pinning {
  server: string | undefined;
  load: string | undefined;
}

export function choosePinning(disabled: boolean): Pinning {
  if (disabled) return { server: undefined, load: undefined };
  const probe = spawnSync('taskset', ['-c', '0', 'true']);
  if (probe.status !== 0) return { server: undefined, load: undefined };
  const cores = Number(spawnSync('nproc').stdout?.toString().trim() || '1');
  if (cores < 2) return { server: undefined, load: undefined };
  return { server: '0', load: '1' };
}

/** The command line, prefixed with `taskset -c <cores>` when pinning is on. */
export function pinned(cores: string | undefined, command: string, args: string[]): [string, string[]] {
  return cores === undefined ? [command, args] : ['taskset', ['-c', cores, command, ...args]];
}

export interface Started {
  child: ChildProcess;
  /** The first line matching `ready` (or the JSON after `READY `). */
  ready: string;
  /** ms from spawn to ready. */
  startMs: number;
  output: () => string;
}

export interface StartSpec {
  command: string;
  args: string[];
  cores: string | undefined;
  env?: Record<string, string>;
  cwd?: string;
  /** A line that says the server is up; default `READY `. */
  ready?: RegExp;
  /**
   * Or: up when this URL answers 200 — or any status with `anyStatus` (Prism `--errors` may
   * answer 500 to a request it deems invalid; it is up all the same).
   */
  readyUrl?: { url: string; headers?: Record<string, string>; anyStatus?: boolean };
  timeoutMs?: number;
}

const live = new Set<ChildProcess>();

/** Spawns a server (in its own process group, pinned) and waits for its ready line. */
export function startProcess(spec: StartSpec): Promise<Started> {
  const [cmd, args] = pinned(spec.cores, spec.command, spec.args);
  const t0 = performance.now();
  const child = spawn(cmd, args, {
    cwd: spec.cwd ?? ROOT,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let out = '';
  const ready = spec.ready ?? /^READY (.*)$/m;
  if (spec.readyUrl) {
    const drain = (chunk: Buffer) => {
      if (out.length < 200_000) out += chunk.toString();
    };
    child.stdout?.on('data', drain);
    child.stderr?.on('data', drain);
    const { url, headers, anyStatus } = spec.readyUrl;
    const alive = () => child.exitCode === null && child.signalCode === null;
    return waitFor200(url, headers ?? {}, t0, spec.timeoutMs ?? 30_000, alive, anyStatus).then(
      (startMs) => ({ child, ready: url, startMs, output: () => out }),
      async (e: Error) => {
        await stopProcess(child);
        throw new Error(`${e.message}\n${out.slice(-2000)}`);
      },
    );
  }
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void stopProcess(child);
      reject(new Error(`${spec.command} ${spec.args.join(' ')} not ready in time:\n${out.slice(-2000)}`));
    }, spec.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      if (out.length < 200_000) out += chunk.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        // Keep draining so a chatty server never blocks on a full pipe.
        child.stdout?.on('data', drain);
        child.stderr?.on('data', drain);
        resolvePromise({
          child,
          ready: m[1] ?? m[0],
          startMs: performance.now() - t0,
          output: () => out,
        });
      }
    };
    const drain = (chunk: Buffer) => {
      if (out.length < 200_000) out += chunk.toString();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.command} exited (${code}) before ready:\n${out.slice(-2000)}`));
    });
  });
}

/** SIGTERM to the whole process group, SIGKILL after a grace period. */
export async function stopProcess(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
    await Promise.race([exited, new Promise((r) => setTimeout(r, 1000).unref())]);
  }
}

/** Kills every server this process started (on failure or Ctrl-C). */
export function killAllSync(): void {
  for (const child of live) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }
  live.clear();
}

/** The process and all its descendants (Prism and `npm` spawn children). */
function tree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {}
  }
  const out: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Peak resident set (VmHWM, kernel-tracked high-water mark) in MB, summed over the process
 * tree; `taskset`/`sh` wrappers are a few hundred kB each.
 */
export function peakRssMb(child: ChildProcess): number {
  if (child.pid === undefined) return 0;
  return tree(child.pid).reduce((sum, p) => sum + statusKb(p, 'VmHWM'), 0) / 1024;
}

/** CPU seconds (user + system) used so far by the process tree, from /proc/<pid>/stat. */
export function cpuSeconds(child: ChildProcess): number {
  if (child.pid === undefined) return 0;
  let ticks = 0;
  for (const p of tree(child.pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / CLOCK_TICKS;
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;

export function rssMb(child: ChildProcess): number {
  if (child.pid === undefined) return 0;
  return tree(child.pid).reduce((sum, p) => sum + statusKb(p, 'VmRSS'), 0) / 1024;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** One request; resolves with the status (or throws on a connection error). */
export function probe(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(
      u,
      { method: 'GET', headers, agent: false, rejectUnauthorized: false, timeout: 5000 },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error('timeout')));
    req.once('error', reject);
    req.end();
  });
}

/** Polls until the URL answers 200 (any status with anyStatus), every 5 ms, bounded; ms since `since`. */
export async function waitFor200(
  url: string,
  headers: Record<string, string>,
  since: number,
  timeoutMs = 30_000,
  alive: () => boolean = () => true,
  anyStatus = false,
): Promise<number> {
  let last = 'no answer';
  while (performance.now() - since < timeoutMs) {
    if (!alive()) throw new Error(`server exited while waiting for ${url} (${last})`);
    try {
      const status = await probe(url, headers);
      if (status === 200 || (anyStatus && status > 0)) return performance.now() - since;
      last = `status ${status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await sleep(5);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (${last})`);
}

/** A port free right now on 127.0.0.1, for servers that cannot listen on 0 (Prism, WireMock). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
