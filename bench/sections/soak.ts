import http from 'node:http';
import type { Context } from '../lib/context.js';
import { peakRssMb, rssMb } from '../lib/proc.js';
import { simServer } from './json.js';

/**
 * Bounded state under a long flood (issue 18): logins, then distinct billable-usage ranges, each
 * for `seconds`, against the PureCloud simulator as `serve` runs it. Every token and every
 * report range used to be kept for good; the anchor is RSS at the end within SOAK_BOUND_MB of
 * RSS after warm-up. Measures whatever the simulator on this branch keeps.
 */
export const SOAK_BOUND_MB = 60;
/** Seconds of the login flood before the baseline is read. */
export const WARMUP_SECONDS = 3;

export interface SoakResult {
  secondsPerPhase: number;
  /** Seconds of logins (at the soak's concurrency) before `startRssMb` is read. */
  warmupSeconds: number;
  logins: number;
  reports: number;
  /** Non-2xx answers per status (a 429 from a login limit is fine; errors are not). */
  statuses: Record<string, number>;
  /** RSS once the simulator is ready, before the warm-up. */
  rssBeforeWarmupMb: number;
  startRssMb: number;
  afterLoginsRssMb: number;
  endRssMb: number;
  growthMb: number;
  peakRssMb: number;
  boundMb: number;
}

const LOGIN = `Basic ${Buffer.from('contoso-billing:contoso-billing-secret').toString('base64')}`;
const REPORTS = '/api/v2/billing/reports/billableusage';
const CONCURRENCY = 8;

function call(
  agent: http.Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** Runs `one` from CONCURRENCY workers until `seconds` have passed; returns how many ran. */
async function flood(seconds: number, one: (i: number) => Promise<number>, statuses: Record<string, number>) {
  const until = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const status = await one(n++);
        if (status < 200 || status >= 300) statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  return n;
}

export async function soak(ctx: Context): Promise<SoakResult> {
  const seconds = ctx.settings.quick ? 10 : 60;
  ctx.log(`soak: ${seconds} s of logins, then ${seconds} s of distinct billable-usage ranges`);
  return ctx.withServer(simServer({ rateLimit: 'never', tls: false, only: ['purecloud'] }), async (s) => {
    const { urls } = JSON.parse(s.ready) as { urls: Record<string, string> };
    const base = urls.purecloud as string;
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const statuses: Record<string, number> = {};
    const login = () =>
      call(
        agent,
        `${base}/oauth/token`,
        'POST',
        { authorization: LOGIN, 'content-type': 'application/x-www-form-urlencoded' },
        'grant_type=client_credentials',
      );
    // Warm-up: the login flood itself, for WARMUP_SECONDS, before the baseline is read — code
    // paths compiled, pools sized, and V8's young generation grown to the size it gives this
    // load (16 → 32 MB within ≈ 1.5 s, a one-off that is not state). Logins keep no state, so
    // nothing the soak is there to bound is in the baseline. (It used to be 200 logins one by
    // one, read before the young generation had grown: bench/README.md, finding 20.)
    const rssBeforeWarmupMb = rssMb(s.child);
    await flood(WARMUP_SECONDS, async () => (await login()).status, statuses);
    const startRssMb = rssMb(s.child);
    const logins = await flood(seconds, async () => (await login()).status, statuses);
    const afterLoginsRssMb = rssMb(s.child);
    const token = (JSON.parse((await login()).body) as { access_token: string }).access_token;
    const day = 86_400_000;
    const first = Date.parse('2025-01-01T00:00:00Z');
    const reports = await flood(
      seconds,
      async (i) => {
        // A distinct range per request: start minutes apart, each one day long.
        const start = new Date(first + i * 60_000);
        const end = new Date(start.getTime() + day);
        const q = `?startDate=${start.toISOString()}&endDate=${end.toISOString()}`;
        return (await call(agent, `${base}${REPORTS}${q}`, 'GET', { authorization: `Bearer ${token}` }))
          .status;
      },
      statuses,
    );
    const endRssMb = rssMb(s.child);
    agent.destroy();
    const result: SoakResult = {
      secondsPerPhase: seconds,
      warmupSeconds: WARMUP_SECONDS,
      logins,
      reports,
      statuses,
      rssBeforeWarmupMb,
      startRssMb,
      afterLoginsRssMb,
      endRssMb,
      growthMb: endRssMb - startRssMb,
      peakRssMb: peakRssMb(s.child),
      boundMb: SOAK_BOUND_MB,
    };
    ctx.log(
      `  ${logins} logins, ${reports} report ranges; RSS ${rssBeforeWarmupMb.toFixed(0)} (ready) → ${startRssMb.toFixed(0)} (after ${WARMUP_SECONDS} s of logins) → ${afterLoginsRssMb.toFixed(0)} → ${endRssMb.toFixed(0)} MB (growth ${result.growthMb.toFixed(1)} MB, bound ${SOAK_BOUND_MB} MB), peak ${result.peakRssMb.toFixed(0)} MB${Object.keys(statuses).length ? `, non-2xx ${JSON.stringify(statuses)}` : ''}`,
    );
    return result;
  });
}
