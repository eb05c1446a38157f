import type { Context, Measured } from '../lib/context.js';
import { benchScript } from '../lib/proc.js';
import { ratio } from '../lib/stats.js';
import type { Payload } from '../servers/payload.js';

/**
 * Issue 2: what the kernel's per-request middleware (journal, fault lookup, rate limiter, body
 * checks) costs on an empty route, against the same route on bare Express. Variants switch
 * parts off to attribute the cost; `rejecting` is the 429 path of the same route.
 */
export interface KernelResult {
  servers: Record<string, Measured>;
  /** req/s of each variant / bare Express (ETag off, as the kernel sets it), per connection count. */
  ratios: Record<string, Record<string, number | undefined>>;
}

const EMPTY: Payload = { path: '/bench/empty', contentType: 'application/json', body: {} };

export async function kernelOverhead(ctx: Context): Promise<KernelResult> {
  ctx.log('kernel overhead (empty route)');
  const payloadFile = ctx.writeTemp('empty.json', JSON.stringify(EMPTY));
  const headers = { authorization: 'Bearer bench.token' };
  const servers: Record<string, Measured> = {};
  const runs: [string, string, Record<string, string>][] = [
    ['express', 'express.js', {}],
    ['express-defaults', 'express.js', { BENCH_EXPRESS: 'defaults' }],
    ['express-kernel-shape', 'express.js', { BENCH_EXPRESS: 'layers' }],
    ['express-aligned', 'express.js', { BENCH_EXPRESS: 'aligned' }],
    ['kernel', 'kernel.js', { BENCH_KERNEL: 'full' }],
    ['kernel-no-journal', 'kernel.js', { BENCH_KERNEL: 'no-journal' }],
    ['kernel-no-limiter', 'kernel.js', { BENCH_KERNEL: 'no-limiter' }],
    ['kernel-bare', 'kernel.js', { BENCH_KERNEL: 'bare-kernel' }],
    ['kernel-429', 'kernel.js', { BENCH_KERNEL: 'rejecting' }],
    ['prototype: one sync middleware', 'collapsed.js', {}],
  ];
  const quick = ctx.settings.quick ? new Set(['express', 'express-aligned', 'kernel']) : undefined;
  for (const [name, script, env] of runs) {
    if (quick && !quick.has(name)) continue;
    ctx.log(`  ${name}`);
    servers[name] = await ctx.withServer(
      {
        command: process.execPath,
        args: [benchScript(`servers/${script}`)],
        env: { ...env, BENCH_PAYLOAD_FILE: payloadFile },
      },
      (s) => {
        const { url } = JSON.parse(s.ready) as { url: string };
        return ctx.measure({ url: url + EMPTY.path, headers }, s);
      },
    );
  }
  const ratios: KernelResult['ratios'] = {};
  const base = servers.express;
  for (const [name, m] of Object.entries(servers)) {
    ratios[name] = {};
    for (const c of Object.keys(m.figures))
      ratios[name][c] = ratio(m.figures[c]?.rps.median, base?.figures[c]?.rps.median);
  }
  return { servers, ratios };
}
