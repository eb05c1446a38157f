import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contracts } from '../../../contracts/index.js';
import { executeFlows } from '../../../harness/execute.js';
import { webexBroadWorksFlow, webexHarness, webexWholesaleFlow } from '../../../harness/flows/webex.js';
import { RateCard } from '../../../harness/rate-card/rate-card.js';
import { runFlows } from '../../../harness/run.js';
import { clockTime } from '../../../harness/time.js';
import { Clock, startSimulators } from '../../../simulators/index.js';
import type { WebexCredentials } from '../../../simulators/webex/index.js';
import { CLOCK_START } from './helpers.js';

const sink = { write: () => true } as unknown as NodeJS.WritableStream;

describe('the Webex flows in the vendor view', () => {
  it('billing-sim flows --profile vendor against the embedded simulator passes, every package priced', async () => {
    const { report, exitCode } = await executeFlows({
      select: ['webex'],
      profile: 'vendor',
      at: '2026-10-15T08:00:00Z',
      out: join(tmpdir(), 'billing-sim-webex-vendor-profile'),
      env: {},
      stdout: sink as never,
      time: { now: () => 0, sleep: async () => {} } as never,
      stopwatch: () => 0,
    });
    expect(report.flows.map((f) => [f.flow, f.outcome])).toEqual([
      ['webex-wholesale', 'passed'],
      ['webex-broadworks', 'passed'],
    ]);
    expect(exitCode).toBe(0);
    const lines = report.flows.flatMap((f) => f.lines);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => (l as { rateSource?: string }).rateSource === 'default')).toEqual([]);
  });

  it('a target reached like an external one (vendor view): an expiring token is refreshed on 401, downloads carry no Authorization', async () => {
    const clock = new Clock({ mode: 'manual', start: CLOCK_START });
    const running = await startSimulators({
      only: ['webex'],
      ports: { webex: 0 },
      clock,
      simulators: { webex: { generation: { kind: 'time', ms: 120_000 }, accessTokenLifetimeSeconds: 30 } },
    });
    try {
      const creds = running.credentials.webex as WebexCredentials;
      const integration = creds.integrations[0]!;
      const time = clockTime(clock);
      const report = await runFlows({
        flows: [webexWholesaleFlow, webexBroadWorksFlow],
        targets: {
          webex: {
            vendor: 'webex',
            baseUrl: running.urls.webex as string,
            // No demo token: an access token from the integration, which expires mid-run.
            credentials: {
              token: 'expired-or-unknown',
              refreshToken: integration.refreshToken,
              clientId: integration.clientId,
              clientSecret: integration.clientSecret,
            },
            time,
          },
        },
        mode: 'external',
        time,
        stopwatch: () => 0,
        rateCard: await RateCard.load(undefined),
        contracts: contracts(),
      });
      expect(
        report.flows.map((f) => [f.flow, f.outcome, f.steps.find((s) => s.outcome === 'failed')?.message]),
      ).toEqual([
        ['webex-wholesale', 'passed', undefined],
        ['webex-broadworks', 'passed', undefined],
      ]);
      const statuses = report.transcript.map((e) => `${e.method} ${new URL(e.url).pathname} ${e.status}`);
      const refreshes = statuses.filter((l) => l === 'POST /v1/access_token 200');
      expect(statuses.filter((l) => l.endsWith(' 401')).length).toBeGreaterThanOrEqual(2);
      expect(refreshes.length).toBeGreaterThanOrEqual(2);
      // The file host is another origin, and the flow sent it no bearer token.
      const downloads = report.transcript.filter((e) => /\.csv$/.test(new URL(e.url).pathname));
      expect(downloads.length).toBe(2);
      for (const d of downloads) {
        expect(new URL(d.url).origin).toBe(running.servers['webex.downloads']?.url);
        expect(Object.keys(d.requestHeaders).map((h) => h.toLowerCase())).not.toContain('authorization');
      }
      expect(webexHarness.env.map((e) => e.env)).toContain('BILLING_SIM_WEBEX_REFRESH_TOKEN');
    } finally {
      await running.close();
    }
  });
});
