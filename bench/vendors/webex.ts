import { webexPlugin } from '../../simulators/webex/index.js';
import { expectStatus, type VendorBench } from './types.js';

const BASE = '/v1/wholesale/billing/reports';
const TOKEN = 'acme-all-scopes';

/** Wholesale get-report of a COMPLETED report (with its signed tempDownloadURL). */
export const webexBench: VendorBench = {
  name: 'webex',
  module: webexPlugin,
  async prepare(sim) {
    const headers = { authorization: `Bearer ${TOKEN}` };
    const created = JSON.parse(
      expectStatus(
        await sim.request('POST', BASE, {
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            billingStartDate: '2026-02-01',
            billingEndDate: '2026-02-28',
            type: 'CUSTOMER',
          }),
        }),
        [200, 201, 202],
        'webex create report',
      ).body,
    ) as { id: string };
    sim.clock.advance(3_600_000);
    const path = `${BASE}/${created.id}`;
    const report = JSON.parse(
      expectStatus(await sim.request('GET', path, { headers }), 200, 'webex get-report').body,
    ) as { status: string };
    if (report.status !== 'COMPLETED') throw new Error(`webex report still ${report.status}`);
    return [
      {
        label: 'webex get-report',
        vendor: 'webex',
        pathAndQuery: path,
        headers,
        contract: 'contracts/webex.openapi.yaml',
      },
    ];
  },
  prismProbe: {
    contract: 'contracts/webex.openapi.yaml',
    pathAndQuery: `${BASE}/Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzE`,
    headers: { authorization: `Bearer ${TOKEN}` },
  },
};
