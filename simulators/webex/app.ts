import type { Router } from 'express';
import { createVendorApp, type SimApp } from '../kernel/index.js';
import { encodeId } from './data/ids.js';
import { downloadHostHandler } from './downloads/host.js';
import { renderWebexError, TrackingIds } from './errors.js';
import { resolveOptions, WEBEX_DEFAULTS, type WebexData, type WebexOptions } from './options.js';
import { broadworksRoutes } from './routes/broadworks.js';
import { issueTokens, oauthRoutes } from './routes/oauth.js';
import { wholesaleRoutes } from './routes/wholesale.js';
import { WebexState } from './state.js';

export interface WebexCredentials {
  /** Base URL path of the API (`<simulator>/v1`). */
  basePath: '/v1';
  partners: {
    name: string;
    orgId: string;
    subPartners: { name: string; orgId: string }[];
    tokens: { token: string; scopes: string[]; label?: string }[];
  }[];
  /**
   * OAuth integrations with a refresh token issued at start (signed with the kernel secret):
   * `POST /v1/access_token` with `grant_type=refresh_token` turns it into expiring access tokens.
   */
  integrations: { clientId: string; clientSecret: string; redirectUri: string; refreshToken: string }[];
  /** Origin of tempDownloadURL (the download host's listener once it listens). */
  readonly downloadOrigin: string;
}

/**
 * Webex Wholesale and BroadWorks billing reports (`/v1/wholesale/billing/reports`,
 * `/v1/broadworks/billing/reports`) and the signed CSV download links their reports point to.
 */
export function createWebexApp(options: WebexOptions = {}): SimApp<WebexCredentials> {
  const resolved = resolveOptions(options);
  const credentials: WebexCredentials = {
    basePath: '/v1',
    partners: resolved.partners.map((p) => ({
      name: p.name,
      orgId: encodeId('ORGANIZATION', p.orgUuid),
      subPartners: (p.subPartners ?? []).map((s) => ({
        name: s.name,
        orgId: encodeId('ORGANIZATION', s.orgUuid),
      })),
      tokens: p.tokens.map((t) => ({ token: t.token, scopes: [...t.scopes], label: t.label })),
    })),
    integrations: [],
    get downloadOrigin() {
      return webex?.downloadBase() ?? '';
    },
  };
  let webex: WebexState | undefined;
  const app = createVendorApp({
    name: 'webex',
    options,
    defaults: { rateLimit: WEBEX_DEFAULTS.rateLimit, bodyLimitBytes: WEBEX_DEFAULTS.bodyLimitBytes },
    credentials,
    adapter: (kernel) => {
      const state = new WebexState(kernel, resolved, options.data);
      webex = state;
      const tracking = new TrackingIds(kernel.data);
      return {
        renderError: renderWebexError,
        identify: (req) => state.identify(req),
        authenticate: (req) => state.authenticate(req),
        everyResponse: (req, res) => {
          tracking.assign(req, res);
        },
        rateLimitKey: (req, identity) => identity.token ?? req.ip ?? 'anonymous',
        jsonTypes: ['application/json', 'application/*+json'],
        // Parameter and body rules are the contract's (contracts/webex.openapi.yaml); errors.ts words them.
        validateRequests: true,
        // Report routes answer every other method, OPTIONS included, with 405 and Allow.
        answersOptions: true,
        routes(router: Router) {
          oauthRoutes(router, state);
          wholesaleRoutes(router, state);
          broadworksRoutes(router, state);
        },
        reset: () => state.reset(),
        setData: (data) => state.setData(data as WebexData | undefined),
        snapshot: () => state.snapshot(tracking.position),
        // Where the download host listens and what its links start with: not the world.
        runtimeOptions: ['downloads', 'downloadBaseUrl'],
        restore: (snapshot, jobs) => state.prepareRestore(snapshot, jobs, (n) => tracking.seek(n)),
      };
    },
  });
  const state = webex as WebexState;
  for (const i of resolved.integrations) {
    // The demo refresh token when there is one: credentials stay the same in every process.
    const issued = i.demoRefreshToken ?? issueTokens(state, i, i.scopes).refresh_token;
    credentials.integrations.push({
      clientId: i.clientId,
      clientSecret: i.clientSecret,
      redirectUri: i.redirectUri,
      // Signed with the key in force when read: still valid after a state restore replaced it.
      get refreshToken() {
        return i.demoRefreshToken ?? state.oauth.resign(issued);
      },
    });
  }
  // tempDownloadURL lives on another origin, like Webex's CloudFront host: a listener of its own.
  const d = resolved.downloads;
  app.sim.listeners = [
    {
      name: DOWNLOAD_LISTENER,
      handler: downloadHostHandler(state),
      port: d.port,
      host: d.host,
      tls: d.tls === false ? undefined : d.tls,
      listening: (url) => state.downloadListening(url),
    },
  ];
  return app;
}

/** Name of the download host listener (`servers['webex.downloads']` of startSimulators). */
export const DOWNLOAD_LISTENER = 'downloads';

/** The download host's request handler of a Webex app (tests drive it with supertest). */
export function downloadHost(app: SimApp) {
  const listener = app.sim.listeners?.find((l) => l.name === DOWNLOAD_LISTENER);
  if (!listener) throw new Error('not a Webex simulator app: it has no download host');
  return listener.handler;
}
