import { join } from 'node:path';
import type { Context, Measured } from '../lib/context.js';
import { nodePeer, type PeerSpec, prismPeer, wiremockPeer } from '../lib/peers.js';
import { benchScript, peakRssMb, ROOT, type Started } from '../lib/proc.js';
import { ratio } from '../lib/stats.js';
import type { Payload } from '../servers/payload.js';
import { VENDOR_BENCHES } from '../vendors/index.js';
import type { JsonTarget } from '../vendors/types.js';

export interface ServerFigures extends Measured {
  kind: string;
}

export interface EndpointResult {
  label: string;
  vendor: string;
  pathAndQuery: string;
  payloadBytes: number;
  servers: Record<string, ServerFigures>;
  /** req/s of each server / bare Node http, per connection count. */
  vsBare: Record<string, Record<string, number | undefined>>;
  /** req/s of each server / the bare Express route, per connection count. */
  vsExpress: Record<string, Record<string, number | undefined>>;
}

export interface JsonResult {
  endpoints: EndpointResult[];
  /** billing-sim's peak RSS (VmHWM) after every endpoint's loads, journal on (1000 entries). */
  simPeakRssMb: number | undefined;
}

type LiveTarget = JsonTarget & { url: string };

/** Start spec of the bench's sim server (servers/sim.ts) with its BENCH_SIM config. */
export function simServer(config: Record<string, unknown>, timeoutMs = 60_000) {
  return {
    command: process.execPath,
    args: [benchScript('servers/sim.js')],
    env: { BENCH_SIM: JSON.stringify(config) },
    timeoutMs,
  };
}

export async function jsonEndpoints(ctx: Context): Promise<JsonResult> {
  ctx.log('JSON GET endpoints');
  const result: JsonResult = { endpoints: [], simPeakRssMb: undefined };
  const simSpec = simServer({ rateLimit: 'never', tls: false });
  const captured: { target: LiveTarget; payload: Payload; sim: ServerFigures }[] = [];
  await ctx.withServer(simSpec, async (s: Started) => {
    const { targets } = JSON.parse(s.ready) as { targets: LiveTarget[] };
    if (targets.length === 0) ctx.note('no simulator endpoint to load yet (no vendor bench registered)');
    for (const target of targets) {
      const payload = await capture(target);
      ctx.log(`  billing-sim ${target.label} (${JSON.stringify(payload.body).length} B)`);
      const m = await ctx.measure({ url: target.url, headers: target.headers }, s);
      captured.push({ target, payload, sim: { ...m, kind: 'billing-sim' } });
    }
    result.simPeakRssMb = targets.length ? peakRssMb(s.child) : undefined;
  });

  // Simulators served over TLS by default (RPRM) once more as shipped, for the cost of TLS.
  const tlsVendors = VENDOR_BENCHES.filter((b) => b.module.tls).map((b) => b.name);
  const overTls: Record<string, ServerFigures> = {};
  const tlsTargets = captured.filter((c) => tlsVendors.includes(c.target.vendor));
  if (tlsTargets.length && !ctx.settings.quick) {
    await ctx.withServer(simServer({ rateLimit: 'never', tls: true, only: tlsVendors }), async (s) => {
      const { targets } = JSON.parse(s.ready) as { targets: LiveTarget[] };
      for (const target of targets) {
        ctx.log(`  billing-sim ${target.label} over TLS (as served)`);
        overTls[target.label] = {
          ...(await ctx.measure({ url: target.url, headers: target.headers }, s)),
          kind: 'billing-sim',
        };
      }
    });
  }

  for (const [i, { target, payload, sim }] of captured.entries()) {
    const servers: Record<string, ServerFigures> = { 'billing-sim': sim };
    const tls = overTls[target.label];
    if (tls) servers['billing-sim over TLS'] = tls;
    if (i === 0 || !ctx.settings.quick) {
      for (const makePeer of peersFor(ctx, target, payload)) {
        const peer = await makePeer();
        ctx.log(`  ${peer.name} ${target.label}`);
        try {
          const m = await ctx.withServer(peer.start, (s) => {
            // Node anchors listen on port 0 and say where in their READY line.
            const url = peer.url || (JSON.parse(s.ready) as { url: string }).url + target.pathAndQuery;
            return ctx.measure({ url, headers: target.headers }, s);
          });
          servers[peer.name] = { ...m, kind: peer.kind };
          const codes = new Set(Object.values(m.figures).flatMap((f) => Object.keys(f.statusCodes)));
          if ([...codes].some((c) => !c.startsWith('2')))
            ctx.note(
              `${peer.name} answered ${[...codes].join('/')} for ${target.label} (its req/s is of those answers)`,
            );
        } catch (e) {
          ctx.note(`${peer.name} for ${target.label} failed: ${(e as Error).message.split('\n')[0]}`);
        }
      }
    }
    const vsBare: EndpointResult['vsBare'] = {};
    const vsExpress: EndpointResult['vsExpress'] = {};
    for (const [name, m] of Object.entries(servers)) {
      vsBare[name] = {};
      vsExpress[name] = {};
      for (const c of Object.keys(m.figures)) {
        vsBare[name][c] = ratio(m.figures[c]?.rps.median, servers.bare?.figures[c]?.rps.median);
        vsExpress[name][c] = ratio(m.figures[c]?.rps.median, servers.express?.figures[c]?.rps.median);
      }
    }
    result.endpoints.push({
      label: target.label,
      vendor: target.vendor,
      pathAndQuery: target.pathAndQuery,
      payloadBytes: Buffer.byteLength(JSON.stringify(payload.body)),
      servers,
      vsBare,
      vsExpress,
    });
  }
  return result;
}

async function capture(target: LiveTarget): Promise<Payload> {
  const res = await fetch(target.url, { headers: target.headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${target.label}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return {
    path: new URL(target.url).pathname,
    contentType: res.headers.get('content-type') ?? 'application/json',
    body: JSON.parse(text) as unknown,
  };
}

/** The anchors and peers, made one at a time (each picks its free port just before it starts). */
function peersFor(ctx: Context, target: LiveTarget, payload: Payload): (() => Promise<PeerSpec>)[] {
  const file = ctx.writeTemp('payload.json', JSON.stringify(payload));
  const pq = target.pathAndQuery;
  const contract = join(ROOT, target.contract);
  const node =
    (name: string, script: string, env: Record<string, string> = {}): (() => Promise<PeerSpec>) =>
    async () => ({ ...nodePeer(name, script, file, env), url: '' });
  const quick = ctx.settings.quick;
  return [
    node('bare', 'bare.js'),
    node('express', 'express.js'),
    node('express aligned', 'express.js', { BENCH_EXPRESS: 'aligned' }),
    () => prismPeer('default', contract, pq, target.headers),
    ...(quick
      ? []
      : [
          () => prismPeer('errors', contract, pq, target.headers),
          () => prismPeer('silent', contract, pq, target.headers),
        ]),
    () => wiremockPeer(ctx, false, payload, pq),
    ...(quick ? [] : [() => wiremockPeer(ctx, true, payload, pq)]),
  ];
}
