import type { RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { contracts } from '../../contracts/index.js';
import {
  createPureCloudApp,
  createRprmApp,
  createWebexApp,
  type PureCloudCredentials,
  type WebexCredentials,
} from '../../simulators/index.js';
import { Clock, type RunningServer, type SimApp, serve } from '../../simulators/kernel/index.js';
import { DEMO_USERS } from '../../simulators/rprm/index.js';
import { downloadHost } from '../../simulators/webex/index.js';
import { contractGuard } from '../support/contract-guard.js';
import { loadContract, type Operation } from './contract-ops.js';
import { type FuzzTarget, fuzzInvalid, fuzzValid } from './harness.js';

const START = '2026-03-15T10:00:00Z';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface VendorSetup {
  name: string;
  create(guard: ReturnType<typeof contractGuard>): SimApp;
  auth(app: SimApp, url: string): Promise<(op: Operation) => Record<string, string>>;
  /** Statuses a valid request may get beyond 2xx/3xx/404, each with its domain rule. */
  domain(op: Operation): Record<number, string>;
  /** Operations served by another listener of the app (Webex's download host), by template. */
  elsewhere?(app: SimApp, op: Operation): RequestListener | undefined;
}

const VENDORS: VendorSetup[] = [
  {
    name: 'purecloud',
    create: (guard) =>
      createPureCloudApp({
        clock: new Clock({ mode: 'manual', start: START }),
        onExchange: guard.onExchange,
        rateLimit: { kind: 'off' },
      }),
    async auth(app, url) {
      const client = (app.sim.credentials as PureCloudCredentials).orgs[0]!.clients[0]!;
      const login = basic(client.clientId, client.clientSecret);
      const res = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: { authorization: login, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      const token = ((await res.json()) as { access_token: string }).access_token;
      return (op) => ({ authorization: op.template === '/oauth/token' ? login : `Bearer ${token}` });
    },
    domain: (op): Record<number, string> =>
      op.template === '/oauth/token'
        ? { 400: 'a grant type the client may not use (unsupported_grant_type)' }
        : op.template.startsWith('/documents/')
          ? { 403: 'a document link whose signature is not the simulator’s', 410: 'an expired link' }
          : op.template.includes('billableusage')
            ? { 400: 'startDate after endDate or a range the vendor does not accept' }
            : op.parameters.some((p) => p.name === 'pageSize')
              ? { 400: 'pageSize outside 1..200, before with after, a foreign cursor (the contract’s notes)' }
              : {},
  },
  {
    name: 'webex',
    create: (guard) =>
      createWebexApp({
        clock: new Clock({ mode: 'manual', start: START }),
        onExchange: guard.onExchange,
        rateLimit: { kind: 'off' },
      }),
    async auth(app) {
      const partner = (app.sim.credentials as WebexCredentials).partners[0]!;
      const token = partner.tokens.reduce((a, b) => (b.scopes.length > a.scopes.length ? b : a)).token;
      return (op): Record<string, string> =>
        op.template.startsWith('/v1/') ? { authorization: `Bearer ${token}` } : {};
    },
    elsewhere: (app, op) => (op.template.startsWith('/v1/') ? undefined : downloadHost(app)),
    domain: (op): Record<number, string> =>
      op.template === '/v1/access_token'
        ? {
            400: 'a grant the integration may not use, or a redirect_uri it did not register',
            401: 'client credentials, a code or a refresh token the simulator did not issue',
          }
        : op.template.startsWith('/v1/')
          ? {
              400: 'date rules the schema cannot state (end before start, a future or too-old period)',
              409: 'a report for that period already exists',
              423: 'the report is still generating',
            }
          : { 403: 'a download URL whose signature is not the simulator’s', 410: 'an expired download URL' },
  },
  {
    name: 'rprm',
    create: (guard) =>
      createRprmApp({
        clock: new Clock({ mode: 'manual', start: START }),
        onExchange: guard.onExchange,
        rateLimit: { kind: 'off' },
      }),
    async auth() {
      const admin = basic('admin', DEMO_USERS.admin!.password);
      return () => ({ authorization: admin });
    },
    domain: () => ({
      400: 'a date range the vendor refuses (end before start)',
      409: 'an export is already running',
      423: 'the export is still generating',
    }),
  },
];

for (const vendor of VENDORS) {
  describe(`fuzz: ${vendor.name} operations from its contract`, () => {
    const guard = contractGuard(contracts(), { autoAssert: false });
    const contract = loadContract(vendor.name);
    let target: FuzzTarget;
    let server: RunningServer;
    const others = new Map<RequestListener, RunningServer>();
    beforeAll(async () => {
      const app = vendor.create(guard);
      server = await serve(app);
      for (const op of contract.operations) {
        const listener = vendor.elsewhere?.(app, op);
        if (listener && !others.has(listener)) others.set(listener, await serve(listener));
      }
      const auth = await vendor.auth(app, server.url);
      guard.violations.splice(0);
      target = { app, server, guard, contract, auth, domain: vendor.domain };
    });
    afterAll(async () => {
      await server.close();
      for (const other of others.values()) await other.close();
    });

    for (const op of contract.operations) {
      it(`${op.method} ${op.template}: valid requests are accepted, malformed ones get 4xx, never 5xx`, async () => {
        // Each operation starts from a clean simulator with fresh credentials.
        target.app.sim.reset();
        target.auth = await vendor.auth(target.app, server.url);
        const listener = vendor.elsewhere?.(target.app, op);
        target.server = listener ? others.get(listener)! : server;
        guard.violations.splice(0);
        await fuzzValid(target, op);
        await fuzzInvalid(target, op);
      });
    }
  });
}
