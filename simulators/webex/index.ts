import type { VendorPlugin } from '../kernel/plugin.js';
import { createWebexApp, type WebexCredentials } from './app.js';
import { DATA_SCHEMA, OPTIONS_SCHEMA, type WebexOptions } from './options.js';

export { createWebexApp, DOWNLOAD_LISTENER, downloadHost, type WebexCredentials } from './app.js';
export { decodeId, encodeId } from './data/ids.js';
export {
  DEMO_INTEGRATIONS,
  DEMO_PARTNERS,
  SCOPES,
  WEBEX_DEFAULTS,
  type WebexData,
  type WebexGeneration,
  type WebexIntegration,
  type WebexOptions,
  type WebexPartner,
  type WebexToken,
} from './options.js';

/** The Webex plug-in: Wholesale and BroadWorks billing reports, their download host, OAuth tokens. */
export const webexPlugin: VendorPlugin = {
  name: 'webex',
  title: 'Webex Wholesale + BroadWorks billing reports',
  defaultPort: 8402,
  tls: false,
  optionsSchema: OPTIONS_SCHEMA,
  dataSchema: DATA_SCHEMA,
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
    lines.push(`downloads:  ${creds.downloadOrigin} (tempDownloadURL host, no token)`);
    for (const i of creds.integrations) {
      lines.push(
        `oauth:      ${url}/v1/access_token  client_id ${i.clientId}  client_secret ${i.clientSecret}`,
      );
    }
    return lines;
  },
};
