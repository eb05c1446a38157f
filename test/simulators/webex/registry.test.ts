import { describe, expect, it } from 'vitest';
import { PLUGINS, startSimulators } from '../../../simulators/index.js';
import type { WebexCredentials } from '../../../simulators/webex/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { TOKENS } from './helpers.js';

const guard = contractGuard();

describe('webex simulator registration', () => {
  it('is registered and starts through startSimulators with its demo credentials', async () => {
    expect(PLUGINS.find((s) => s.name === 'webex')).toMatchObject({
      title: 'Webex Wholesale + BroadWorks billing reports',
      defaultPort: 8402,
      tls: false,
    });
    const running = await startSimulators({
      only: ['webex'],
      ports: { webex: 0 },
      seed: 7,
      clock: { mode: 'manual', start: '2026-03-15T10:00:00Z' },
      simulators: { webex: { generation: { kind: 'immediate' } } },
      kernel: { onExchange: guard.onExchange },
    });
    try {
      const url = running.urls.webex!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const creds = running.credentials.webex as WebexCredentials;
      expect(creds.partners.map((p) => p.name)).toEqual(['Acme Telecom', 'Globex Communications']);
      expect(creds.partners[0]!.tokens.map((t) => t.token)).toContain(TOKENS.acme);
      const headers = { Authorization: `Bearer ${TOKENS.acme}`, 'Content-Type': 'application/json' };
      const created = await fetch(`${url}/v1/wholesale/billing/reports`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ billingStartDate: '2026-03-01', billingEndDate: '2026-03-14', type: 'USER' }),
      });
      expect(created.status).toBe(200);
      const { id } = (await created.json()) as { id: string };
      const report = (await (
        await fetch(`${url}/v1/wholesale/billing/reports/${id}`, { headers })
      ).json()) as {
        status: string;
        tempDownloadURL: string;
      };
      expect(report.status).toBe('COMPLETED');
      const csv = await fetch(report.tempDownloadURL);
      expect(csv.status).toBe(200);
      expect((await csv.text()).split('\n')[0]).toMatch(/^billingStartDate,billingEndDate,partnerOrgId/);
    } finally {
      await running.close();
    }
  });
});
