/**
 * billing-sim's simulators in one process, as `billing-sim serve` runs them, but on port 0,
 * each on its own manual clock (state stays put while loaded; token lifetimes and rate windows
 * never roll over mid-run) and with the bench's rate limit. Each vendor's endpoint is brought to the
 * state the figures load (report complete …) before READY.
 * BENCH_SIM (JSON): { rateLimit: 'never' | 'reject', tls: boolean, only?: string[],
 *                     journalSize?: number, simulators?: {<vendor>: options} }
 */
import http from 'node:http';
import https from 'node:https';
import {
  Clock,
  PLUGINS,
  type RateLimitConfig,
  type RunningServer,
  type SimApp,
  serve,
} from '../../simulators/index.js';
import { VENDOR_BENCHES } from '../vendors/index.js';
import type { BenchSim, Reply } from '../vendors/types.js';
import { announce, exitOnSignal } from './payload.js';

interface SimConfig {
  rateLimit?: 'never' | 'reject';
  tls?: boolean;
  only?: string[];
  journalSize?: number;
  simulators?: Record<string, Record<string, unknown>>;
}

const config = JSON.parse(process.env.BENCH_SIM ?? '{}') as SimConfig;
const LIMITS: Record<string, RateLimitConfig> = {
  // The limiter does its work on every request and never says no.
  never: { kind: 'fixed-window', limit: Number.MAX_SAFE_INTEGER, windowMs: 3_600_000 },
  // Enough for the preparation; the warm-up spends the rest, the measured runs are all 429s.
  reject: { kind: 'fixed-window', limit: 100, windowMs: 3_600_000 },
};

const servers: RunningServer[] = [];
const targets: unknown[] = [];
const urls: Record<string, string> = {};

function requester(base: string): BenchSim['request'] {
  return (method, pathAndQuery, init = {}) =>
    new Promise<Reply>((resolve, reject) => {
      const u = new URL(pathAndQuery, base);
      const mod = u.protocol === 'https:' ? https : http;
      const req = mod.request(
        u,
        { method, headers: init.headers, rejectUnauthorized: false, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.once('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            }),
          );
          res.once('error', reject);
        },
      );
      req.once('error', reject);
      req.end(init.body);
    });
}

try {
  // The registry is what `billing-sim serve` runs; a vendor the bench knows joins it if absent.
  const modules = [...PLUGINS];
  for (const b of VENDOR_BENCHES) if (!modules.some((m) => m.name === b.name)) modules.push(b.module);
  for (const mod of modules) {
    if (config.only && !config.only.includes(mod.name)) continue;
    const bench = VENDOR_BENCHES.find((b) => b.name === mod.name);
    // One clock per simulator: a vendor's preparation moving time (report generation) must not
    // expire another vendor's tokens.
    const clock = new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' });
    const app: SimApp = mod.create({
      seed: 1,
      clock,
      journalSize: config.journalSize ?? 1000,
      rateLimit: LIMITS[config.rateLimit ?? 'never'],
      ...bench?.options,
      ...config.simulators?.[mod.name],
    });
    const server = await serve(app, { port: 0, tls: mod.tls && config.tls ? true : undefined });
    servers.push(server);
    urls[mod.name] = server.url;
    if (!bench) continue;
    const sim: BenchSim = { url: server.url, app, clock, request: requester(server.url) };
    for (const t of await bench.prepare(sim)) targets.push({ ...t, url: server.url + t.pathAndQuery });
  }
  const order = (t: unknown) => VENDOR_BENCHES.findIndex((b) => b.name === (t as { vendor: string }).vendor);
  targets.sort((a, b) => order(a) - order(b));
  announce({ urls, targets });
} catch (e) {
  process.stderr.write(`sim server failed: ${(e as Error).stack}\n`);
  await Promise.all(servers.map((s) => s.close()));
  process.exit(1);
}
exitOnSignal(() => Promise.all(servers.map((s) => s.close())));
