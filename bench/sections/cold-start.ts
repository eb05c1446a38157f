import { join } from 'node:path';
import { PLUGINS } from '../../simulators/index.js';
import type { Context } from '../lib/context.js';
import { PRISM_BIN, wiremockPeer } from '../lib/peers.js';
import {
  benchScript,
  freePort,
  ROOT,
  type Started,
  startProcess,
  stopProcess,
  waitFor200,
} from '../lib/proc.js';
import { type Spread, spread } from '../lib/stats.js';
import { VENDOR_BENCHES } from '../vendors/index.js';

/**
 * Spawn → first 200, as a CI job pays it: a new process each time, the clock started just
 * before spawn, polled every 5 ms. billing-sim counts until every simulator has answered.
 */
export interface ColdStartResult {
  /** ms, min/median/max over the repetitions. */
  servers: Record<string, Spread & { samples: number[] }>;
  simulators: string[];
}

interface Candidate {
  name: string;
  make(): Promise<{ command: string; args: string[]; env?: Record<string, string>; urls: string[] }>;
  headers?: Record<string, string>;
}

export async function coldStart(ctx: Context): Promise<ColdStartResult> {
  ctx.log('cold start (spawn → first 200)');
  const reps = ctx.settings.quick ? 1 : 5;
  const names = PLUGINS.map((s) => s.name);
  const payloadPath = '/bench/payload';
  const prismTarget = VENDOR_BENCHES.find((v) => names.includes(v.name))?.prismProbe;
  const candidates: Candidate[] = [
    {
      name: 'bare',
      make: async () => {
        const port = await freePort();
        return {
          command: process.execPath,
          args: [benchScript('servers/bare.js')],
          env: { BENCH_PORT: String(port) },
          urls: [`http://127.0.0.1:${port}${payloadPath}`],
        };
      },
    },
    {
      name: 'express',
      make: async () => {
        const port = await freePort();
        return {
          command: process.execPath,
          args: [benchScript('servers/express.js')],
          env: { BENCH_PORT: String(port) },
          urls: [`http://127.0.0.1:${port}${payloadPath}`],
        };
      },
    },
    {
      name: 'billing-sim serve',
      make: async () => {
        const simulators: Record<string, { port: number }> = {};
        for (const n of names) simulators[n] = { port: await freePort() };
        const config = ctx.writeTemp('serve.json', JSON.stringify({ simulators }));
        return {
          command: process.execPath,
          args: [join(ROOT, 'bin', 'billing-sim.js'), 'serve', '--config', config],
          urls: PLUGINS.map(
            (s) => `${s.tls ? 'https' : 'http'}://127.0.0.1:${simulators[s.name]!.port}/_sim/health`,
          ),
        };
      },
    },
  ];
  if (prismTarget) {
    candidates.push({
      name: 'prism',
      headers: prismTarget.headers,
      make: async () => {
        const port = await freePort();
        return {
          command: process.execPath,
          args: [PRISM_BIN, 'mock', join(ROOT, prismTarget.contract), '-h', '127.0.0.1', '-p', String(port)],
          urls: [`http://127.0.0.1:${port}${prismTarget.pathAndQuery}`],
        };
      },
    });
  }
  candidates.push({
    name: 'wiremock',
    make: async () => {
      const peer = await wiremockPeer(
        ctx,
        false,
        { path: payloadPath, contentType: 'application/json', body: { ok: true } },
        payloadPath,
      );
      return { command: peer.start.command, args: peer.start.args, urls: [peer.url] };
    },
  });

  const servers: ColdStartResult['servers'] = {};
  for (const c of candidates) {
    const samples: number[] = [];
    for (let i = 0; i < reps; i++) {
      const spec = await c.make();
      const started = performance.now();
      // Spawned directly (not through startProcess) so that the clock covers only spawn → 200.
      const proc = startProcess({
        command: spec.command,
        args: spec.args,
        env: spec.env,
        cores: ctx.settings.pin.server,
        readyUrl: { url: spec.urls[0]!, headers: c.headers },
        timeoutMs: 60_000,
      });
      let s: Started | undefined;
      try {
        s = await proc;
        const child = s.child;
        const alive = () => child.exitCode === null;
        const rest = await Promise.all(
          spec.urls.slice(1).map((u) => waitFor200(u, c.headers ?? {}, started, 60_000, alive)),
        );
        samples.push(Math.max(s.startMs, ...rest));
      } catch (e) {
        ctx.note(`cold start of ${c.name} failed: ${(e as Error).message.split('\n')[0]}`);
        break;
      } finally {
        if (s) await stopProcess(s.child);
      }
    }
    if (samples.length) {
      servers[c.name] = { ...spread(samples), samples };
      ctx.log(`  ${c.name}: ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
    }
  }
  return { servers, simulators: names };
}
