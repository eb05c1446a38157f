import type { Context } from '../lib/context.js';
import type { LoadFigure } from '../lib/load.js';
import { peakRssMb } from '../lib/proc.js';
import type { JsonTarget } from '../vendors/types.js';
import { simServer } from './json.js';

/**
 * The same endpoints while the rate limiter rejects: the simulators run with a 100-per-hour
 * window on a manual clock, so after the warm-up every measured request is a 429 in the
 * vendor's envelope. Compared (in the report) with the endpoint's 200 path at c=50.
 */
export interface RateLimitResult {
  endpoints: { label: string; figure: LoadFigure; share429: number }[];
  peakRssMb: number;
}

export async function rateLimited(ctx: Context): Promise<RateLimitResult> {
  ctx.log('rate-limited path (429s)');
  const result: RateLimitResult = { endpoints: [], peakRssMb: 0 };
  await ctx.withServer(simServer({ rateLimit: 'reject', tls: false }), async (s) => {
    const { targets } = JSON.parse(s.ready) as { targets: (JsonTarget & { url: string })[] };
    const chosen = ctx.settings.quick ? targets.slice(0, 1) : targets;
    for (const t of chosen) {
      const c = Math.max(...ctx.settings.connections);
      const figure = await ctx.load({ url: t.url, headers: t.headers }, c, s);
      const total = Object.values(figure.statusCodes).reduce((a, b) => a + b, 0);
      const share429 = total ? (figure.statusCodes['429'] ?? 0) / total : 0;
      ctx.log(
        `  ${t.label} c=${c}: ${figure.rps.median.toFixed(0)} req/s, p99 ${figure.p99} ms, ${(share429 * 100).toFixed(1)}% 429, ${figure.cpuUsPerRequest?.toFixed(0)} µs CPU/req`,
      );
      result.endpoints.push({ label: t.label, figure, share429 });
    }
    result.peakRssMb = peakRssMb(s.child);
  });
  return result;
}
