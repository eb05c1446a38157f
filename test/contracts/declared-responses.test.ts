import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { contracts } from '../../contracts/index.js';
import type { PureCloudCredentials, WebexCredentials } from '../../simulators/index.js';
import { Clock, type SimApp } from '../../simulators/kernel/index.js';
import { PLUGINS } from '../../simulators/registry.js';
import { DEMO_USERS } from '../../simulators/rprm/index.js';
import { type Contract, loadContract, type Operation } from '../fuzz/contract-ops.js';
import { contractGuard, describeExchange } from '../support/contract-guard.js';

/**
 * Walks every operation of each vendor's contract with the requests that reach the simulator's
 * own error paths — no credentials, a malformed parameter, a body over the limit, a body of the
 * wrong media type, OPTIONS, an unknown method — plus injected 429/500/503 faults and a plain
 * request, and checks each answer: its status is one the operation names explicitly (or, for a
 * request that matches no operation, `x-unmatched-routes`), and its headers and body are
 * declared (the contract guard).
 */

const START = '2026-03-15T10:00:00Z';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Credentials for an operation (undefined: it needs none). */
type Auth = (op: Operation) => Record<string, string>;

async function credentials(name: string, app: SimApp): Promise<Auth> {
  if (name === 'purecloud') {
    const client = (app.sim.credentials as PureCloudCredentials).orgs[0]!.clients[0]!;
    const login = basic(client.clientId, client.clientSecret);
    const res = await request(app)
      .post('/oauth/token')
      .set('Authorization', login)
      .type('form')
      .send('grant_type=client_credentials');
    const token = res.body.access_token as string;
    return (op) => ({ authorization: op.template === '/oauth/token' ? login : `Bearer ${token}` });
  }
  if (name === 'webex') {
    const partner = (app.sim.credentials as WebexCredentials).partners[0]!;
    const token = partner.tokens.reduce((a, b) => (b.scopes.length > a.scopes.length ? b : a)).token;
    return () => ({ authorization: `Bearer ${token}` });
  }
  const admin = basic('admin', DEMO_USERS.admin!.password);
  return () => ({ authorization: admin });
}

/** The operation's path with every template parameter filled in. */
function concrete(op: Operation): string {
  return op.template.replace(/\{[^}]+\}/g, (m) => (m === '{file}' ? 'x.pdf' : 'x'));
}

/** A query that breaks the first query parameter's schema, when the schema says enough to break it. */
function malformedQuery(contract: Contract, op: Operation): string | undefined {
  for (const p of op.parameters) {
    if (p.in !== 'query') continue;
    const s = contract.resolve(p.schema);
    if (s.enum || s.pattern || s.format || s.type === 'integer' || s.type === 'number')
      return `${encodeURIComponent(p.name)}=%20not%20valid%20`;
  }
  return undefined;
}

function declaredStatuses(contract: Contract, op: Operation | undefined): Set<string> {
  const responses = op
    ? ((contract.doc.paths as Record<string, Record<string, { responses?: object }>>)[op.template]?.[
        op.method.toLowerCase()
      ]?.responses ?? {})
    : ((contract.doc['x-unmatched-routes'] as object | undefined) ?? {});
  return new Set(Object.keys(responses));
}

/** Served by another listener (Webex's download host): not this app's routes. */
const elsewhere = (name: string, op: Operation) => name === 'webex' && !op.template.startsWith('/v1/');

for (const plugin of PLUGINS) {
  describe(`${plugin.name}: every status a route sends is declared, with its headers and body`, () => {
    const guard = contractGuard(contracts(), { autoAssert: false });
    const contract = loadContract(plugin.name);
    const create = () =>
      plugin.create({
        clock: new Clock({ mode: 'manual', start: START }),
        onExchange: guard.onExchange,
        bodyLimitBytes: 1024,
      }) as SimApp;

    for (const op of contract.operations.filter((o) => !elsewhere(plugin.name, o))) {
      it(`${op.method} ${op.template}`, async () => {
        const app = create();
        const auth = await credentials(plugin.name, app);
        guard.exchanges.splice(0);
        guard.violations.splice(0);
        const path = concrete(op);
        const send = (method: string, url: string, headers: Record<string, string>, body?: string) => {
          let r = request(app)[method.toLowerCase() as 'get'](url).set(headers);
          if (body !== undefined) r = r.send(body);
          return r;
        };
        const withAuth = auth(op);
        const matched: { status: number; op: Operation | undefined; what: string }[] = [];
        const probe = async (
          what: string,
          method: string,
          url: string,
          headers: Record<string, string>,
          body?: string,
          matches = true,
        ) => {
          const res = await send(method, url, headers, body);
          matched.push({ status: res.status, op: matches ? op : undefined, what });
        };

        await probe('a plain request', op.method, path, withAuth);
        await probe('no credentials', op.method, path, {});
        await probe('wrong credentials', op.method, path, {
          authorization: plugin.name === 'rprm' ? basic('admin', 'wrong') : 'Bearer wrong',
        });
        const bad = malformedQuery(contract, op);
        if (bad) await probe('a malformed parameter', op.method, `${path}?${bad}`, withAuth);
        await probe(
          'a body over the limit',
          op.method,
          path,
          { ...withAuth, 'content-type': 'application/json' },
          JSON.stringify({ padding: 'x'.repeat(4096) }),
        );
        await probe(
          'a body of another media type',
          op.method,
          path,
          { ...withAuth, 'content-type': 'text/plain' },
          'hello',
        );
        for (const fault of ['429; retry-after=3', '500', '503'])
          await probe(`an injected ${fault}`, op.method, path, { ...withAuth, 'X-Sim-Fault': fault });
        await probe('OPTIONS', 'OPTIONS', path, withAuth, undefined, false);
        await probe('an undeclared method', 'PATCH', path, withAuth, undefined, false);

        const undeclared = matched
          .filter((m) => !declaredStatuses(contract, m.op).has(String(m.status)))
          .map((m) => `${m.what} → ${m.status} (${m.op ? 'operation' : 'x-unmatched-routes'})`);
        expect(undeclared, 'statuses the contract does not name explicitly').toEqual([]);
        expect(guard.violations, guard.exchanges.map(describeExchange).join('\n')).toEqual([]);
      });
    }
  });
}
