import type { NextFunction, Request, Response, Router } from 'express';
import { createVendorApp, type SimApp, SimError } from '../kernel/index.js';
import type { VendorPlugin } from '../kernel/plugin.js';
import { broadworksRoutes } from './broadworks.js';
import { broadworksRows, streamCsv, wholesaleRows } from './csv.js';
import { matchFile } from './download.js';
import { renderWebexError, TrackingIds } from './envelope.js';
import { encodeId } from './ids.js';
import { OPTIONS_SCHEMA, resolveOptions, WEBEX_DEFAULTS, type WebexOptions } from './options.js';
import { type ReportData, WebexState } from './state.js';
import { wholesaleRoutes } from './wholesale.js';

export { BROADWORKS_COLUMNS, WHOLESALE_COLUMNS } from './csv.js';
export { decodeId, encodeId } from './ids.js';
export {
  DEMO_PARTNERS,
  SCOPES,
  WEBEX_DEFAULTS,
  type WebexGeneration,
  type WebexOptions,
  type WebexPartner,
  type WebexToken,
} from './options.js';

export interface WebexCredentials {
  /** Base URL path of the API (`<simulator>/v1`). */
  basePath: '/v1';
  partners: {
    name: string;
    orgId: string;
    subPartners: { name: string; orgId: string }[];
    tokens: { token: string; scopes: string[]; label?: string }[];
  }[];
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
  };
  return createVendorApp({
    name: 'webex',
    options,
    defaults: { rateLimit: WEBEX_DEFAULTS.rateLimit, bodyLimitBytes: WEBEX_DEFAULTS.bodyLimitBytes },
    credentials,
    adapter: (kernel) => {
      const state = new WebexState(kernel, resolved);
      const tracking = new TrackingIds(kernel.data);
      return {
        renderError: renderWebexError,
        identify: (req) => state.identify(req),
        everyResponse: (req, res) => {
          tracking.assign(req, res);
        },
        rateLimitKey: (req, identity) => identity.token ?? req.ip ?? 'anonymous',
        // Signed download links are served by a CDN in the real service: not rate limited.
        rateLimitSkip: (req) =>
          (req.method === 'GET' || req.method === 'HEAD') && matchFile(req.path) !== undefined,
        jsonTypes: ['application/json', 'application/*+json'],
        // Report routes answer every other method, OPTIONS included, with 405 and Allow.
        answersOptions: true,
        routes(router: Router) {
          wholesaleRoutes(router, state);
          broadworksRoutes(router, state);
          router.use((req, res, next) => download(state, req, res, next));
        },
        reset: () => state.reset(),
      };
    },
  });
}

/** GET of a tempDownloadURL: no bearer token; signature and expiry checked; CSV streamed. */
function download(state: WebexState, req: Request, res: Response, next: NextFunction): void {
  const file = req.method === 'GET' || req.method === 'HEAD' ? matchFile(req.path) : undefined;
  if (!file || file.prefix !== state.downloadPrefix()) {
    next();
    return;
  }
  state.signer.verify(file.objectPath, req.query as Record<string, unknown>, state.kernel.clock.now());
  const job = state.reportByFile(file.fileUuid);
  if (!job || job.data.partnerOrgUuid !== file.orgUuid || job.state !== 'COMPLETED') {
    throw new SimError(404, 'The billing report file does not exist (the report may have been deleted).');
  }
  const partner = state.partner(job.data.partnerOrgUuid);
  if (!partner) throw new SimError(404, 'The billing report file does not exist.');
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileUuid}.csv"`);
  res.setHeader('Cache-Control', 'private, no-store');
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  void streamCsv(res, rowsOf(state, job.data, partner));
}

function rowsOf(state: WebexState, data: ReportData, partner: Parameters<WebexState['dataset']>[0]) {
  const ds = state.dataset(partner);
  if (data.family === 'broadworks') return broadworksRows(ds, data.year, data.month);
  return wholesaleRows(ds, {
    start: data.start,
    end: data.end,
    type: data.type,
    subPartnerOrgUuid: data.subPartnerOrgUuid,
    internal: data.internal,
  });
}

export const webexPlugin: VendorPlugin = {
  name: 'webex',
  title: 'Webex Wholesale + BroadWorks billing reports',
  defaultPort: 8402,
  tls: false,
  optionsSchema: OPTIONS_SCHEMA,
  create: (options) => createWebexApp(options as WebexOptions),
  harness: async () => (await import('../../harness/flows/webex.js')).webexHarness,
  contracts: {
    openapi: 'contracts/webex.openapi.yaml',
    csv: [
      'contracts/csv/webex-wholesale-customer.csv.yaml',
      'contracts/csv/webex-wholesale-partner.csv.yaml',
      'contracts/csv/webex-wholesale-user.csv.yaml',
      'contracts/csv/webex-broadworks.csv.yaml',
    ],
  },
  rates: 'harness/rate-card/default-rate-card.yaml#/vendors/webex',
  doc: 'docs/webex.md',
  describe(app, url) {
    const creds = app.sim.credentials as WebexCredentials;
    const lines = [
      `wholesale:  ${url}/v1/wholesale/billing/reports`,
      `broadworks: ${url}/v1/broadworks/billing/reports`,
      'bearer tokens (Authorization: Bearer <token>):',
    ];
    for (const p of creds.partners) {
      lines.push(`  ${p.name} (org ${p.orgId})`);
      for (const t of p.tokens) lines.push(`    ${t.token.padEnd(22)} ${t.label ?? t.scopes.join(' ')}`);
    }
    return lines;
  },
};
