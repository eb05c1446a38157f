/**
 * The load generator, run as its own process (pinned to its own core by the driver) so that
 * autocannon never competes with the server inside one event loop.
 * argv[2]: JSON LoadSpec. stdout: one JSON line of LoadRun[].
 */
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  connections: number;
  durationSec: number;
  warmupSec: number;
  runs: number;
}

export interface LoadRun {
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  bytesPerRequest: number;
}

interface Result {
  requests: { total: number };
  latency: { p50: number; p99: number; mean: number };
  throughput: { total: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}

async function once(spec: LoadSpec, durationSec: number): Promise<Result> {
  return (await autocannon({
    url: spec.url,
    method: spec.method ?? 'GET',
    headers: spec.headers ?? {},
    connections: spec.connections,
    duration: durationSec,
    // Every run is bounded in time; a stuck server surfaces as timeouts, not a hang.
    timeout: 10,
  })) as Result;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
// Requests answered during the warm-up, so the driver can divide the server's CPU time by all requests.
const warmupRequests = spec.warmupSec > 0 ? (await once(spec, spec.warmupSec)).requests.total : 0;
const runs: LoadRun[] = [];
for (let i = 0; i < spec.runs; i++) {
  const r = await once(spec, spec.durationSec);
  const total = r.requests.total;
  runs.push({
    rps: total / (r.duration || spec.durationSec),
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.mean,
    total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
    bytesPerRequest: total ? r.throughput.total / total : 0,
  });
}
process.stdout.write(`${JSON.stringify({ warmupRequests, runs })}\n`);
