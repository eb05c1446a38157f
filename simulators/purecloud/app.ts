import type { Request, Response } from 'express';
import { createVendorApp, type RateLimitConfig, type SimApp, type SimError } from '../kernel/index.js';
import { authenticate, basicCredentials, bearerToken } from './auth.js';
import type { PureCloudData } from './data/golden.js';
import { ApiErrorRenderer, CORRELATION_HEADER, isLoginPath } from './errors.js';
import {
  DEFAULT_BODY_LIMIT,
  DEFAULT_RATE_LIMIT,
  type PureCloudOptions,
  type PureCloudOrg,
  resolveOptions,
} from './options.js';
import { contractRoutes } from './routes/contracts.js';
import { DOCUMENT_PATH, documentRoutes } from './routes/documents.js';
import { oauthRoutes, renderOAuthError } from './routes/oauth.js';
import { organizationRoutes } from './routes/organizations.js';
import { overviewRoutes } from './routes/overview.js';
import { usageRoutes } from './routes/usage.js';
import { PureCloudState } from './state.js';

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
 * Genesys Cloud (PureCloud) billing on one origin: the login service's `/oauth/token`, the
 * platform API's `/api/v2/...` and the invoice-document host's signed links.
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
      const state = new PureCloudState(kernel, resolved, options.data as PureCloudData | undefined);
      const apiErrors = new ApiErrorRenderer(rateLimit);
      return {
        identify(req: Request) {
          if (isLoginPath(req)) {
            const id = basicCredentials(req.get('authorization'))?.id;
            return { tenant: id === undefined ? undefined : state.tokens.client(id)?.org.id };
          }
          const token = bearerToken(req.get('authorization'));
          return { token, tenant: token === undefined ? undefined : state.tokens.verify(token)?.orgId };
        },
        authenticate: (req, res) => authenticate(state.tokens, req, res),
        everyResponse(_req: Request, res: Response) {
          res.setHeader(CORRELATION_HEADER, state.nextCorrelationId());
        },
        // The login service has its own limits and a signed link is its own credential: the
        // platform API's per-token window applies to neither.
        rateLimitSkip: (req) => isLoginPath(req) || req.path.startsWith(`${DOCUMENT_PATH}/`),
        rateLimitHeaders(res, decision) {
          if (!resolved.legacyRateLimitHeaders) return;
          res.setHeader('inin-ratelimit-allowed', String(decision.limit));
          res.setHeader('inin-ratelimit-count', String(decision.limit - decision.remaining));
          res.setHeader('inin-ratelimit-reset', String(decision.resetSeconds));
        },
        renderError(req: Request, res: Response, error: SimError) {
          if (isLoginPath(req)) renderOAuthError(res, error);
          else apiErrors.render(res, error);
        },
        jsonTypes: ['application/json'],
        // Parameter rules are the contract's (contracts/purecloud.openapi.yaml); errors.ts words them.
        validateRequests: true,
        routes(router) {
          oauthRoutes(router, state.tokens, {
            bodyLimitBytes,
            invalidClientStatus: resolved.invalidClientStatus,
          });
          usageRoutes(router, state);
          overviewRoutes(router, state);
          contractRoutes(router, state);
          organizationRoutes(router, state);
          documentRoutes(router, state);
        },
        reset() {
          state.reset();
        },
        setData: (data) => state.setData(data as PureCloudData | undefined),
        snapshot: () => state.snapshot(),
        // What document links start with: not the world.
        runtimeOptions: ['documentBaseUrl'],
        restore: (snapshot, jobs) => state.prepareRestore(snapshot, jobs),
      };
    },
  });
}
