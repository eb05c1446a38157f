import { createVendorApp, type SimApp } from '../kernel/index.js';
import { createCdrContext } from './data/context.js';
import { loadCdrLayouts } from './data/layout.js';
import { createPlcmErrorRenderer } from './errors.js';
import { DEMO_USERS, type RprmOptions, type RprmUser, resolveOptions } from './options.js';
import { createBasicAuth } from './routes/auth.js';
import { BASE, billingRoutes } from './routes/billing.js';
import { Negotiator } from './routes/media.js';
import { CdrExports } from './state.js';

const DEFAULT_BODY_LIMIT = 64 * 1024;

export interface RprmCredentials {
  users: Record<string, RprmUser>;
  /** A user with billing access, for quick starts. */
  billing: { username: string; password: string };
}

/** The Polycom RPRM / DMA billing CDR export: HTTPS, Basic auth, one asynchronous export at a time. */
export function createRprmApp(options: RprmOptions = {}): SimApp<RprmCredentials> {
  const resolved = resolveOptions(options);
  const users = resolved.users;
  const billingUser =
    Object.entries(users).find(([, u]) => u.roles.some((r) => resolved.billingRoles.has(r.toLowerCase()))) ??
    Object.entries(DEMO_USERS)[0]!;
  return createVendorApp({
    name: 'rprm',
    options,
    // The appliance documents no rate limit; a generous window keeps the 429 path reachable.
    defaults: {
      rateLimit: { kind: 'fixed-window', limit: 1200, windowMs: 60_000 },
      bodyLimitBytes: DEFAULT_BODY_LIMIT,
    },
    credentials: { users, billing: { username: billingUser[0], password: billingUser[1].password } },
    adapter: (kernel) => {
      const cdr = createCdrContext(kernel.data, {
        zone: resolved.zone,
        callsPerDay: resolved.callsPerDay,
        clusters: resolved.clusters,
        unreachableClusters: resolved.unreachableClusters,
        layouts: loadCdrLayouts,
        version: resolved.cdrVersion,
      });
      const exports = new CdrExports(kernel, resolved);
      const auth = createBasicAuth(resolved.users, resolved.billingRoles, resolved.realm, `${BASE}/billing`);
      const negotiator = new Negotiator();
      return {
        renderError: createPlcmErrorRenderer(negotiator),
        // The claimed login only matches faults; the rate limiter keys by the authenticated user.
        identify: (req) => ({ token: auth.claimedUser(req) }),
        authenticate: (req) => auth.authenticate(req),
        // Requests that need no credentials (unknown paths) share their client address's bucket.
        rateLimitKey: (req) => `address:${req.ip ?? 'unknown'}`,
        jsonTypes: ['application/json', 'application/*+json'],
        routes: (router) =>
          billingRoutes(router, {
            kernel,
            options: resolved,
            cdr,
            exports,
            negotiator,
            bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
          }),
        reset: () => exports.clear(),
      };
    },
  });
}
