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
      'RequestMatchError',
      'SimError',
      'SnapshotError',
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
      'DEFAULT_DEADLINE_MS',
      'DEFAULT_MAX_WAIT_MS',
      'HttpClient',
      'RateCard',
      'RateCardError',
      'Recorder',
      'ReplayStore',
      'UsageError',
      'clockTime',
      'compareRecording',
      'executeFlows',
      'externalTarget',
      'loadHarnesses',
      'parseDuration',
      'previousMonth',
      'priceUsage',
      'renderDriftJson',
      'renderDriftMarkdown',
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
