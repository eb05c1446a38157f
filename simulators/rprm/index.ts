import type { SimulatorModule } from '../registry.js';
import { createRprmApp, type RprmCredentials } from './app.js';
import type { RprmOptions } from './options.js';

export { createRprmApp, type RprmCredentials } from './app.js';
export { QUOTING_EDGE_NAMES } from './data/pools.js';
export { type CdrSource, type CdrSourceOptions, createCdrSource } from './data/source.js';
export { CDR_FILES, type CdrFileName } from './data/zip.js';
export { DEMO_USERS, type GenerationSpeed, type RprmOptions, type RprmUser } from './options.js';

export const rprmSimulator: SimulatorModule = {
  name: 'rprm',
  title: 'Polycom RPRM / DMA billing CDR export',
  defaultPort: 8443,
  tls: true,
  create: (options) => createRprmApp(options as RprmOptions),
  describe(app, url) {
    const { users } = app.sim.credentials as RprmCredentials;
    return [
      `billing: ${url}/api/rest/billing/status (POST ${url}/api/rest/billing/generate-cdrs)`,
      ...Object.entries(users).map(([name, u]) => `user ${name} / ${u.password} (${u.roles.join(', ')})`),
      'TLS: the shipped self-signed localhost certificate unless --cert/--generate-cert; trust it (docs/rprm.md) or use curl -k',
    ];
  },
};
