import type { Clock, SimApp, VendorPlugin } from '../../simulators/index.js';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One simulator, started by the bench's sim server with a manual clock. */
export interface BenchSim {
  url: string;
  app: SimApp;
  clock: Clock;
  request(
    method: string,
    pathAndQuery: string,
    init?: { headers?: Record<string, string>; body?: string },
  ): Promise<Reply>;
}

/** A JSON GET the throughput figures load, prepared so that it answers 200. */
export interface JsonTarget {
  /** e.g. "webex get-report". */
  label: string;
  vendor: string;
  pathAndQuery: string;
  headers: Record<string, string>;
  /** Contract Prism mocks for the same path (repo-relative). */
  contract: string;
}

/** What the bench knows about one vendor: how to bring its endpoint to the state it measures. */
export interface VendorBench {
  name: string;
  /** The vendor's module (used when the registry does not list it yet). */
  module: VendorPlugin;
  /** Extra simulator options for the bench (e.g. instant generation). */
  options?: Record<string, unknown>;
  prepare(sim: BenchSim): Promise<JsonTarget[]>;
  /** A request Prism's mock of this vendor's contract answers 200 (cold start of Prism). */
  prismProbe?: { contract: string; pathAndQuery: string; headers: Record<string, string> };
}

export function expectStatus(reply: Reply, want: number | number[], what: string): Reply {
  const ok = Array.isArray(want) ? want.includes(reply.status) : reply.status === want;
  if (!ok) throw new Error(`${what}: HTTP ${reply.status} ${reply.body.slice(0, 500)}`);
  return reply;
}
