import fc from 'fast-check';
import { expect } from 'vitest';
import type { RunningServer, SimApp } from '../../simulators/kernel/index.js';
import type { ContractGuard } from '../support/contract-guard.js';
import { type Contract, invalid, type Operation, valid } from './contract-ops.js';

/** Runs per operation and variant; the whole suite stays near a minute on a shared CI core. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 18);

export interface FuzzTarget {
  app: SimApp;
  server: RunningServer;
  guard: ContractGuard;
  contract: Contract;
  /** Credentials for an operation (Basic for a login, Bearer elsewhere). */
  auth(op: Operation): Record<string, string>;
  /**
   * Statuses a request valid by the contract may still get, beyond 2xx/3xx and 404 (an unknown
   * id): each a documented domain rule the schema cannot express, with the reason.
   */
  domain(op: Operation): Record<number, string>;
}

interface Built {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface Sent {
  status: number;
  text: string;
}

/** The state a rejected request must leave alone: faults, clock, jobs and their progress. */
export function digest(app: SimApp): string {
  const k = app.sim.kernel;
  const jobs = k.jobs.page({ limit: 1000 }).jobs.map((j) => [j.id, j.state, j.polls, j.processedUnits]);
  return JSON.stringify({ faults: k.faults.list(), now: k.clock.now(), jobs });
}

function encodeBody(mediaType: string, value: unknown): string {
  if (mediaType.includes('x-www-form-urlencoded')) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) params.set(k, String(v));
    return params.toString();
  }
  return JSON.stringify(value);
}

/** A request valid by the contract: every required parameter, optional ones sometimes, a valid body. */
export function validRequest(t: FuzzTarget, op: Operation): fc.Arbitrary<Built> {
  const now = t.app.sim.kernel.clock.now();
  const params: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const p of op.parameters) {
    params[`${p.in}:${p.name}`] = valid(t.contract, p.schema, now);
    if (p.required) required.push(`${p.in}:${p.name}`);
  }
  const body = op.body ? valid(t.contract, op.body.schema, now) : fc.constant(undefined);
  return fc.tuple(fc.record(params, { requiredKeys: required }), body).map(([values, b]) => {
    const built = build(t, op, values as Record<string, unknown>);
    if (op.body && (b !== undefined || op.body.required)) {
      built.headers['content-type'] = op.body.mediaType;
      built.body = encodeBody(op.body.mediaType, b ?? {});
    }
    return built;
  });
}

type Mutation = (t: FuzzTarget, op: Operation, base: Built) => Built | undefined;

/** Variants the contract refuses; each returns undefined when it does not apply to the operation. */
const MUTATIONS: Record<string, (t: FuzzTarget, op: Operation) => fc.Arbitrary<Mutation> | undefined> = {
  'a required query parameter left out': (_t, op) => {
    const req = op.parameters.filter((p) => p.in === 'query' && p.required);
    if (req.length === 0) return undefined;
    return fc.constantFrom(...req).map((p) => (_t2, _op, base) => {
      const url = new URL(base.path, 'http://x');
      url.searchParams.delete(p.name);
      return { ...base, path: url.pathname + url.search };
    });
  },
  'a query parameter of the wrong type or form': (t, op) => {
    const candidates = op.parameters
      .filter((p) => p.in === 'query')
      .map((p) => ({ p, bad: invalid(t.contract, p.schema) }))
      .filter((c) => c.bad !== undefined);
    if (candidates.length === 0) return undefined;
    return fc
      .constantFrom(...candidates)
      .chain((c) => (c.bad as fc.Arbitrary<string>).map((bad) => ({ p: c.p, bad })))
      .map(({ p, bad }) => (_t2, _op, base) => {
        const url = new URL(base.path, 'http://x');
        url.searchParams.set(p.name, bad);
        return { ...base, path: url.pathname + url.search };
      });
  },
  'a body that is not JSON': (_t, op) => {
    if (!op.body?.mediaType.includes('json')) return undefined;
    return fc.constantFrom('{', '{"a":', '\u0000', 'null null', '[1,]').map((text) => (_t2, _op, base) => ({
      ...base,
      headers: { ...base.headers, 'content-type': 'application/json' },
      body: text,
    }));
  },
  'a body that is not JSON on a route that takes none': (_t, op) => {
    if (op.body) return undefined;
    // fetch sends no body with GET; the other methods carry one.
    if (op.method === 'GET') return undefined;
    return fc.constantFrom('{', '[1,', '\u0000').map((text) => (_t2, _op, base) => ({
      ...base,
      headers: { ...base.headers, 'content-type': 'application/json' },
      body: text,
    }));
  },
  'a JSON body of the wrong shape': (t, op) => {
    if (!op.body?.mediaType.includes('json')) return undefined;
    const s = t.contract.resolve(op.body.schema);
    if (s.type !== 'object' || !Array.isArray(s.required) || s.required.length === 0) return undefined;
    return fc
      .constantFrom('[]', '42', '"text"', '{}', '{"unexpected":true}')
      .map((text) => (_t2, _op, base) => ({
        ...base,
        headers: { ...base.headers, 'content-type': 'application/json' },
        body: text,
      }));
  },
  'a path with a traversal or an undecodable segment': () =>
    fc
      .constantFrom('/..%2f..%2fetc%2fpasswd', '/%E0%A4%A', '/%', '/extra/segment')
      .map((tail) => (_t2, _op, base) => {
        const url = new URL(base.path, 'http://x');
        return { ...base, path: `${url.pathname}${tail}${url.search}` };
      }),
  'no credentials': (_t, op) =>
    Object.keys(_t.auth(op)).length === 0
      ? undefined
      : fc.constant((_t2, _op, base) => {
          const headers = { ...base.headers };
          delete headers.authorization;
          return { ...base, headers };
        }),
};

function build(t: FuzzTarget, op: Operation, values: Record<string, unknown>): Built {
  let path = op.template;
  const query = new URLSearchParams();
  const headers: Record<string, string> = { ...lower(t.auth(op)) };
  for (const p of op.parameters) {
    const v = values[`${p.in}:${p.name}`];
    if (v === undefined) continue;
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(text));
    else if (p.in === 'query') query.set(p.name, text);
    else if (p.in === 'header') headers[p.name.toLowerCase()] = text.replace(/[^\x20-\x7e]/g, '');
  }
  const qs = query.toString();
  return { method: op.method, path: qs ? `${path}?${qs}` : path, headers, body: undefined };
}

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

async function send(t: FuzzTarget, r: Built): Promise<Sent> {
  const res = await fetch(`${t.server.url}${r.path}`, {
    method: r.method,
    headers: r.headers,
    body: r.body,
    redirect: 'manual',
  });
  return { status: res.status, text: Buffer.from(await res.arrayBuffer()).toString('utf8') };
}

/** Checks every answer: no 5xx, declared by the contract (body and headers), nothing changed if rejected. */
async function exchange(t: FuzzTarget, r: Built): Promise<Sent> {
  const before = digest(t.app);
  const res = await send(t, r);
  const where = `${r.method} ${r.path} → ${res.status}: ${res.text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  expect(t.guard.violations.splice(0), where).toEqual([]);
  if (res.status >= 400) expect(digest(t.app), `rejected request changed state: ${where}`).toBe(before);
  return res;
}

export async function fuzzValid(t: FuzzTarget, op: Operation, runs = RUNS): Promise<void> {
  const domain = t.domain(op);
  await fc.assert(
    fc.asyncProperty(validRequest(t, op), async (r) => {
      const res = await exchange(t, r);
      const ok = res.status < 400 || res.status === 404 || res.status in domain;
      expect(
        ok,
        `valid request refused: ${r.method} ${r.path} ${r.body ?? ''} → ${res.status} ${res.text.slice(0, 300)}`,
      ).toBe(true);
    }),
    { numRuns: runs, seed: SEED, endOnFailure: true },
  );
}

export async function fuzzInvalid(t: FuzzTarget, op: Operation, runs = RUNS): Promise<string[]> {
  const applicable = Object.entries(MUTATIONS)
    .map(([name, make]) => ({ name, arb: make(t, op) }))
    .filter((m): m is { name: string; arb: fc.Arbitrary<Mutation> } => m.arb !== undefined);
  const arb = fc
    .tuple(validRequest(t, op), fc.constantFrom(...applicable))
    .chain(([base, m]) => m.arb.map((mutate) => ({ name: m.name, request: mutate(t, op, base) })));
  await fc.assert(
    fc.asyncProperty(arb, async ({ name, request }) => {
      if (!request) return;
      const res = await exchange(t, request);
      expect(
        res.status,
        `${name}: ${request.method} ${request.path} → ${res.status} ${res.text.slice(0, 300)}`,
      ).toBeGreaterThanOrEqual(400);
    }),
    { numRuns: runs, seed: SEED, endOnFailure: true },
  );
  return applicable.map((m) => m.name);
}
