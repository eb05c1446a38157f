import type { Request, Response } from 'express';
import { createVendorApp, type RateLimitConfig, type SimApp, type SimError } from '../kernel/index.js';
import type { VendorPlugin } from '../kernel/plugin.js';
import { oauthRoutes, renderOAuthError } from './auth/oauth.js';
import { basicCredentials, bearerToken } from './auth/tokens.js';
import { CORRELATION_HEADER, isLoginPath, renderApiError } from './errors.js';
import {
  DEFAULT_BODY_LIMIT,
  DEFAULT_RATE_LIMIT,
  OPTIONS_SCHEMA,
  type PureCloudOptions,
  type PureCloudOrg,
  resolveOptions,
} from './options.js';
import { contractRoutes } from './routes/contracts.js';
import { jsonBodiesOnly } from './routes/media.js';
import { overviewRoutes } from './routes/overview.js';
import { usageRoutes } from './routes/usage.js';
import { PureCloudState } from './state.js';

export * from './fixtures.js';
export type {
  GenerationTime,
  PureCloudClient,
  PureCloudOptions,
  PureCloudOrg,
  SubscriptionType,
} from './options.js';

/** What the banner prints and tests log in with: every org with its OAuth clients. */
export interface PureCloudCredentials {
  orgs: Array<Pick<PureCloudOrg, 'id' | 'name' | 'trustorOrgIds' | 'clients'>>;
}

function rateLimitValue(config: RateLimitConfig): number {
  if (config.kind === 'fixed-window') return config.limit;
  if (config.kind === 'token-bucket') return config.capacity;
  return 0;
}

/**
 * Genesys Cloud (PureCloud) billing on one origin: the login service's `/oauth/token` and the
 * platform API's `/api/v2/billing/...`.
 */
export function createPureCloudApp(options: PureCloudOptions = {}): SimApp<PureCloudCredentials> {
  const resolved = resolveOptions(options);
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const rateLimit = rateLimitValue(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  return createVendorApp({
    name: 'purecloud',
    options,
    defaults: { rateLimit: DEFAULT_RATE_LIMIT, bodyLimitBytes: DEFAULT_BODY_LIMIT },
    credentials: {
      orgs: resolved.orgs.map((o) => ({
        id: o.id,
        name: o.name,
        trustorOrgIds: o.trustorOrgIds,
        clients: o.clients,
      })),
    },
    adapter: (kernel) => {
      const state = new PureCloudState(kernel, resolved);
      return {
        identify(req: Request) {
          if (isLoginPath(req)) {
            const id = basicCredentials(req.get('authorization'))?.id;
            return { tenant: id === undefined ? undefined : state.tokens.client(id)?.org.id };
          }
          const token = bearerToken(req.get('authorization'));
          return { token, tenant: token === undefined ? undefined : state.tokens.find(token)?.orgId };
        },
        everyResponse(_req: Request, res: Response) {
          res.setHeader(CORRELATION_HEADER, state.nextCorrelationId());
        },
        rateLimitKey: (req, identity) => identity.token ?? `address:${req.ip}`,
        // The login service has its own limits; the platform API's per-token window does not apply.
        rateLimitSkip: (req) => isLoginPath(req),
        rateLimitHeaders(res, decision) {
          if (!resolved.legacyRateLimitHeaders) return;
          res.setHeader('inin-ratelimit-allowed', String(decision.limit));
          res.setHeader('inin-ratelimit-count', String(decision.limit - decision.remaining));
          res.setHeader('inin-ratelimit-reset', String(decision.resetSeconds));
        },
        renderError(req: Request, res: Response, error: SimError) {
          if (isLoginPath(req)) renderOAuthError(res, error);
          else renderApiError(res, error, rateLimit);
        },
        jsonTypes: ['application/json'],
        routes(router) {
          oauthRoutes(router, state.tokens, {
            bodyLimitBytes,
            invalidClientStatus: resolved.invalidClientStatus,
          });
          router.use('/api/v2', jsonBodiesOnly);
          usageRoutes(router, state);
          overviewRoutes(router, state);
          contractRoutes(router, state);
        },
        reset() {
          state.reset();
        },
      };
    },
  });
}

export const purecloudPlugin: VendorPlugin = {
  name: 'purecloud',
  title: 'Genesys Cloud (PureCloud) billing',
  defaultPort: 8401,
  tls: false,
  optionsSchema: OPTIONS_SCHEMA,
  create: (options) => createPureCloudApp(options as PureCloudOptions),
  harness: async () => (await import('../../harness/flows/purecloud.js')).purecloudHarness,
  contracts: { openapi: 'contracts/purecloud.openapi.yaml', csv: [] },
  rates: 'harness/rate-card/default-rate-card.yaml#/vendors/purecloud',
  doc: 'docs/purecloud.md',
  describe(app, url) {
    const credentials = (app as SimApp<PureCloudCredentials>).sim.credentials;
    const lines = [`API and login: ${url} (POST /oauth/token, GET /api/v2/billing/...)`];
    for (const org of credentials.orgs) {
      const trusts = org.trustorOrgIds?.length ? `, trustee of ${org.trustorOrgIds.join(', ')}` : '';
      lines.push(`org ${org.name} (${org.id}${trusts})`);
      for (const c of org.clients)
        lines.push(`  client ${c.clientId} / ${c.clientSecret}  [${c.permissions.join(', ')}]`);
    }
    return lines;
  },
};
