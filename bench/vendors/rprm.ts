import { rprmPlugin } from '../../simulators/rprm/index.js';
import { expectStatus, type VendorBench } from './types.js';

export const RPRM_BASIC = `Basic ${Buffer.from('admin:Polycom12#').toString('base64')}`;
export const RPRM_STATUS_TYPE = 'application/vnd.plcm.plcm-billing-status+json';
const BASE = '/api/rest/billing';

/** GET /billing/status after a finished generation (downloadReady, entityTag …). */
export const rprmBench: VendorBench = {
  name: 'rprm',
  module: rprmPlugin,
  async prepare(sim) {
    const headers = { authorization: RPRM_BASIC, accept: RPRM_STATUS_TYPE };
    const window = '?from-date=2026-03-01T00:00:00Z&to-date=2026-03-02T00:00:00Z';
    expectStatus(
      await sim.request('POST', `${BASE}/generate-cdrs${window}`, { headers }),
      202,
      'rprm generate-cdrs',
    );
    sim.clock.advance(86_400_000);
    const status = JSON.parse(
      expectStatus(await sim.request('GET', `${BASE}/status`, { headers }), 200, 'rprm status').body,
    ) as { downloadReady?: boolean };
    if (!status.downloadReady) throw new Error(`rprm status not ready: ${JSON.stringify(status)}`);
    return [
      {
        label: 'rprm status',
        vendor: 'rprm',
        pathAndQuery: `${BASE}/status`,
        headers,
        contract: 'contracts/rprm.openapi.yaml',
      },
    ];
  },
  prismProbe: {
    contract: 'contracts/rprm.openapi.yaml',
    pathAndQuery: `${BASE}/status`,
    headers: { authorization: RPRM_BASIC, accept: RPRM_STATUS_TYPE },
  },
};
