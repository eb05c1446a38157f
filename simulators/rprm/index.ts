import type { VendorPlugin } from '../kernel/plugin.js';
import { createRprmApp, type RprmCredentials } from './app.js';
import { DATA_SCHEMA, OPTIONS_SCHEMA, type RprmOptions } from './options.js';

export { createRprmApp, type RprmCredentials } from './app.js';
export { QUOTING_EDGE_NAMES } from './data/pools.js';
export { type CdrSource, type CdrSourceOptions, createCdrSource } from './data/source.js';
export { CDR_FILES, type CdrFileName } from './data/zip.js';
export {
  DEMO_USERS,
  type GenerationSpeed,
  type RprmData,
  type RprmOptions,
  type RprmUser,
} from './options.js';

export const rprmPlugin: VendorPlugin = {
  name: 'rprm',
  title: 'Polycom RPRM / DMA billing CDR export',
  defaultPort: 8443,
  tls: true,
  optionsSchema: OPTIONS_SCHEMA,
  dataSchema: DATA_SCHEMA,
  create: (options) => createRprmApp(options as RprmOptions),
  harness: async () => (await import('../../harness/flows/rprm.js')).rprmHarness,
  contracts: {
    openapi: 'contracts/rprm.openapi.yaml',
    csv: [
      'contracts/csv/rprm-calls.csv.yaml',
      'contracts/csv/rprm-calls-1.csv.yaml',
      'contracts/csv/rprm-conferences.csv.yaml',
      'contracts/csv/rprm-callcounts.csv.yaml',
    ],
  },
  rates: 'harness/rate-card/default-rate-card.yaml#/vendors/rprm',
  doc: 'docs/rprm.md',
  describe(app, url) {
    const { users } = app.sim.credentials as RprmCredentials;
    return [
      `billing: ${url}/api/rest/billing/status (POST ${url}/api/rest/billing/generate-cdrs)`,
      ...Object.entries(users).map(([name, u]) => `user ${name} / ${u.password} (${u.roles.join(', ')})`),
      'TLS: the shipped self-signed localhost certificate unless --cert/--generate-cert; trust it (docs/rprm.md) or use curl -k',
    ];
  },
};
