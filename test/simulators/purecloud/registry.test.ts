import { describe, expect, it } from 'vitest';
import { startSimulators } from '../../../simulators/index.js';
import { purecloudPlugin } from '../../../simulators/purecloud/index.js';
import { PLUGINS } from '../../../simulators/registry.js';
import { contractGuard } from '../../support/contract-guard.js';
import { manualClock } from './helpers.js';

const guard = contractGuard();

describe('purecloud registration', () => {
  it('is registered on port 8401 without TLS and starts through startSimulators', async () => {
    expect(PLUGINS).toContain(purecloudPlugin);
    expect(purecloudPlugin).toMatchObject({
      name: 'purecloud',
      title: 'Genesys Cloud (PureCloud) billing',
      defaultPort: 8401,
      tls: false,
    });
    const running = await startSimulators({
      only: ['purecloud'],
      ports: { purecloud: 0 },
      clock: manualClock(),
      kernel: { onExchange: guard.onExchange },
      simulators: { purecloud: { generation: { polls: 0 } } },
    });
    try {
      const url = running.urls.purecloud!;
      const token = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from('fabrikam-billing:fabrikam-billing-secret').toString('base64')}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      }).then((r) => r.json() as Promise<{ access_token: string }>);
      const report = await fetch(
        `${url}/api/v2/billing/reports/billableusage?startDate=2026-01-01T00:00:00Z&endDate=2026-01-31T23:59:59Z`,
        { headers: { Authorization: `Bearer ${token.access_token}` } },
      ).then((r) => r.json() as Promise<{ status: string }>);
      expect(report.status).toBe('Complete');
      const banner = purecloudPlugin.describe(running.apps.purecloud!, url).join('\n');
      expect(banner).toContain(url);
      expect(banner).toContain('northwind-billing / northwind-billing-secret');
      expect(banner).toContain('Northwind Partners');
    } finally {
      await running.close();
    }
  });
});
