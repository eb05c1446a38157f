import type { SimApp } from '../kernel/index.js';
import type { VendorPlugin } from '../kernel/plugin.js';
import { createPureCloudApp, type PureCloudCredentials } from './app.js';
import { DATA_SCHEMA, OPTIONS_SCHEMA, type PureCloudOptions } from './options.js';

export { createPureCloudApp, type PureCloudCredentials } from './app.js';
export * from './data/demo-orgs.js';
export type {
  GenerationTime,
  PureCloudClient,
  PureCloudData,
  PureCloudOptions,
  PureCloudOrg,
  SubscriptionType,
} from './options.js';
export { JOB_KIND } from './routes/usage.js';

/** The plug-in: what the registry, the CLI and startSimulators know of this vendor. */
export const purecloudPlugin: VendorPlugin = {
  name: 'purecloud',
  title: 'Genesys Cloud (PureCloud) billing',
  defaultPort: 8401,
  tls: false,
  optionsSchema: OPTIONS_SCHEMA,
  dataSchema: DATA_SCHEMA,
  create: (options) => createPureCloudApp(options as PureCloudOptions),
  harness: async () => (await import('../../harness/flows/purecloud.js')).purecloudHarness,
  contracts: { openapi: 'contracts/purecloud.openapi.yaml', csv: [] },
  rates: 'harness/rate-card/default-rate-card.yaml#/vendors/purecloud',
  doc: 'docs/purecloud.md',
  describe(app, url) {
    const credentials = (app as SimApp<PureCloudCredentials>).sim.credentials;
    const lines = [
      `API and login: ${url} (POST /oauth/token, GET /api/v2/billing/..., /api/v2/organizations/me, /api/v2/orgauthorization/trustors)`,
    ];
    for (const org of credentials.orgs) {
      const trusts = org.trustorOrgIds?.length ? `, trustee of ${org.trustorOrgIds.join(', ')}` : '';
      lines.push(`org ${org.name} (${org.id}${trusts})`);
      for (const c of org.clients)
        lines.push(`  client ${c.clientId} / ${c.clientSecret}  [${c.permissions.join(', ')}]`);
    }
    return lines;
  },
};
