import { describe, expect, it } from 'vitest';
import * as contracts from '../contracts/index.js';
import * as harness from '../harness/index.js';
import * as simulators from '../simulators/index.js';

/**
 * The package's three entry points (package.json `exports`) export documented entry points and
 * their types only. Adding a name here is a decision about public API; kernel internals
 * (memo, body cache, seeded data …) stay reachable through their own modules for tests and bench.
 */
describe('public API', () => {
  it('billing-sim', () => {
    expect(Object.keys(simulators).sort()).toEqual([
      'Clock',
      'ConfigError',
      'PLUGINS',
      'SimError',
      'configSchema',
      'createPureCloudApp',
      'createRprmApp',
      'createVendorApp',
      'createWebexApp',
      'findPlugin',
      'pluginNames',
      'purecloudPlugin',
      'rprmPlugin',
      'serve',
      'startSimulators',
      'webexPlugin',
    ]);
  });

  it('billing-sim/harness', () => {
    expect(Object.keys(harness).sort()).toEqual([
      'HttpClient',
      'RateCard',
      'RateCardError',
      'UsageError',
      'clockTime',
      'executeFlows',
      'externalTarget',
      'loadHarnesses',
      'previousMonth',
      'priceUsage',
      'runFlows',
      'startEmbedded',
      'totalsByCustomer',
      'virtualTime',
    ]);
  });

  it('billing-sim/contracts', () => {
    expect(Object.keys(contracts).sort()).toEqual([
      'ContractSet',
      'CsvContracts',
      'contracts',
      'contractsDir',
      'csvContracts',
      'packageRoot',
      'validateResponse',
    ]);
  });
});
