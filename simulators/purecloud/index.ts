import type { SimApp } from '../kernel/index.js';
import type { SimulatorModule } from '../registry.js';
import { createPureCloudApp, type PureCloudCredentials } from './app.js';
import type { PureCloudOptions } from './options.js';

export { createPureCloudApp, type PureCloudCredentials } from './app.js';
export * from './data/demo-orgs.js';
export type {
  GenerationTime,
  PureCloudClient,
  PureCloudOptions,
  PureCloudOrg,
  SubscriptionType,
} from './options.js';
export { JOB_KIND } from './routes/usage.js';

/** The plug-in: what the registry, the CLI and startSimulators know of this vendor. */
export const purecloudSimulator: SimulatorModule = {
  name: 'purecloud',
  title: 'Genesys Cloud (PureCloud) billing',
  defaultPort: 8401,
  tls: false,
  create: (options) => createPureCloudApp(options as PureCloudOptions),
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
