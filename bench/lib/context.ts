import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type LoadFigure, load } from './load.js';
import {
  type Pinning,
  peakRssMb,
  rssMb,
  type Started,
  type StartSpec,
  startProcess,
  stopProcess,
} from './proc.js';

export interface Settings {
  quick: boolean;
  /** Seconds of each measured autocannon run. */
  durationSec: number;
  /** Unmeasured load before the runs (JIT, connection pools, WireMock's JVM). */
  warmupSec: number;
  /** Runs per figure; the median is reported with min and max. */
  runs: number;
  connections: number[];
  pin: Pinning;
  /** Sections to run (all when empty). */
  only: string[];
  /** CDR windows (calls) instead of the defaults. */
  cdrSizes: number[] | undefined;
  /** Folder for `node --cpu-prof` profiles of every Node server the bench starts (--profile). */
  profileDir: string | undefined;
}

export class Context {
  readonly tmp = mkdtempSync(join(tmpdir(), 'billing-sim-bench-'));
  readonly notes: string[] = [];
  private files = 0;
  private profiles = 0;

  constructor(readonly settings: Settings) {}

  log(line: string): void {
    process.stderr.write(`${line}\n`);
  }

  note(line: string): void {
    this.notes.push(line);
    this.log(`  note: ${line}`);
  }

  writeTemp(name: string, content: string): string {
    const file = join(this.tmp, `${++this.files}-${name}`);
    writeFileSync(file, content);
    return file;
  }

  cleanup(): void {
    rmSync(this.tmp, { recursive: true, force: true });
  }

  /** Starts a server pinned to the server core, runs fn, always stops it. */
  async withServer<T>(spec: Omit<StartSpec, 'cores'>, fn: (s: Started) => Promise<T>): Promise<T> {
    const dir = this.settings.profileDir;
    const args =
      dir && spec.command === process.execPath
        ? [
            `--cpu-prof`,
            `--cpu-prof-dir=${dir}`,
            `--cpu-prof-name=${++this.profiles}-${basename(spec.args[0] ?? 'node')}.cpuprofile`,
            ...spec.args,
          ]
        : spec.args;
    const started = await startProcess({ ...spec, args, cores: this.settings.pin.server });
    try {
      return await fn(started);
    } finally {
      await stopProcess(started.child);
    }
  }

  load(
    target: Target,
    connections: number,
    server?: Started,
    overrides: Partial<{ runs: number; durationSec: number }> = {},
  ) {
    const s = this.settings;
    return load(
      {
        url: target.url,
        method: target.method,
        headers: target.headers,
        connections,
        durationSec: overrides.durationSec ?? s.durationSec,
        warmupSec: s.warmupSec,
        runs: overrides.runs ?? s.runs,
      },
      s.pin.load,
      server?.child,
    );
  }

  /** Every connection count against one running server; peak RSS read after the loads. */
  async measure(target: Target, server: Started): Promise<Measured> {
    const figures: Record<string, LoadFigure> = {};
    const idleRssMb = rssMb(server.child);
    for (const c of this.settings.connections) {
      const f = await this.load(target, c, server);
      figures[c] = f;
      const codes = Object.keys(f.statusCodes).join(',');
      this.log(
        `    c=${c}: ${f.rps.median.toFixed(0)} req/s (${f.rps.min.toFixed(0)}–${f.rps.max.toFixed(0)}) p50 ${f.p50} ms p99 ${f.p99} ms, ${f.cpuUsPerRequest?.toFixed(0) ?? '?'} µs CPU/req [${codes}]${f.errors ? ` errors ${f.errors}` : ''}`,
      );
    }
    return { figures, peakRssMb: peakRssMb(server.child), startMs: server.startMs, idleRssMb };
  }
}

export interface Target {
  url: string;
  method?: string;
  headers?: Record<string, string>;
}

export interface Measured {
  figures: Record<string, LoadFigure>;
  peakRssMb: number;
  /** Resident set before the first load (what loading the code costs). */
  idleRssMb: number;
  startMs: number;
}
