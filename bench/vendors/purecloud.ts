import { purecloudPlugin } from '../../simulators/purecloud/index.js';
import { expectStatus, type VendorBench } from './types.js';

const PATH = '/api/v2/billing/reports/billableusage';
const QUERY = '?startDate=2026-02-01T00:00:00.000Z&endDate=2026-03-01T00:00:00.000Z';

/** billableusage for a month, polled until Complete (the payload an integration downloads). */
export const purecloudBench: VendorBench = {
  name: 'purecloud',
  module: purecloudPlugin,
  async prepare(sim) {
    const basic = Buffer.from('contoso-billing:contoso-billing-secret').toString('base64');
    const token = JSON.parse(
      expectStatus(
        await sim.request('POST', '/oauth/token', {
          headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        }),
        200,
        'purecloud token',
      ).body,
    ) as { access_token: string };
    const headers = { authorization: `Bearer ${token.access_token}` };
    expectStatus(await sim.request('GET', PATH + QUERY, { headers }), 200, 'billableusage start');
    sim.clock.advance(3_600_000);
    const done = JSON.parse(
      expectStatus(await sim.request('GET', PATH + QUERY, { headers }), 200, 'billableusage').body,
    ) as { status: string };
    if (done.status !== 'Complete') throw new Error(`billableusage still ${done.status}`);
    return [
      {
        label: 'purecloud billableusage',
        vendor: 'purecloud',
        pathAndQuery: PATH + QUERY,
        headers,
        contract: 'contracts/purecloud.openapi.yaml',
      },
    ];
  },
  prismProbe: {
    contract: 'contracts/purecloud.openapi.yaml',
    pathAndQuery: PATH + QUERY,
    headers: { authorization: 'Bearer bench' },
  },
};
