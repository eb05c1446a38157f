import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purecloudHarness } from '../../../harness/flows/purecloud.js';
import { rprmHarness } from '../../../harness/flows/rprm.js';
import { webexHarness } from '../../../harness/flows/webex.js';
import { RateCard } from '../../../harness/rate-card/rate-card.js';
import { runFlows } from '../../../harness/run.js';
import { clockTime } from '../../../harness/time.js';
import { Clock, type RunningSimulators, startSimulators } from '../../../simulators/index.js';
import { AT } from '../support/embedded.js';
import { type PrismProxy, startPrismProxy } from '../support/prism.js';

/**
 * Prism polices the simulators' real traffic: the harness runs the JSON flows through
 * `prism proxy … --errors`, which answers an error instead of any response (or request) that
 * breaks the OpenAPI contract — so a passing flow means Prism found nothing.
 */
const clock = new Clock({ mode: 'manual', start: AT });
let sims: RunningSimulators;
const proxies: Record<string, PrismProxy> = {};

beforeAll(async () => {
  sims = await startSimulators({
    only: ['purecloud', 'webex', 'rprm'],
    seed: 1,
    clock,
    ports: { purecloud: 0, webex: 0, rprm: 0 },
    simulators: {
      purecloud: purecloudHarness.embeddedOptions,
      webex: webexHarness.embeddedOptions,
      rprm: rprmHarness.embeddedOptions,
    },
  });
  const [purecloud, webex, rprm] = await Promise.all([
    startPrismProxy('purecloud', sims.urls.purecloud!),
    startPrismProxy('webex', sims.urls.webex!),
    startPrismProxy('rprm', sims.urls.rprm!, { trustAnyUpstreamCertificate: true }),
  ]);
  proxies.purecloud = purecloud;
  proxies.webex = webex;
  proxies.rprm = rprm;
}, 120_000);

afterAll(async () => {
  await Promise.all(Object.values(proxies).map((p) => p.stop()));
  await sims?.close();
});

describe('prism proxy --errors between the harness and the simulators', () => {
  it('sees only conforming traffic in the PureCloud and Webex flows', async () => {
    const report = await runFlows({
      flows: [...purecloudHarness.flows, ...webexHarness.flows],
      targets: {
        purecloud: {
          vendor: 'purecloud',
          baseUrl: proxies.purecloud!.url,
          credentials: purecloudHarness.embeddedCredentials(sims.credentials.purecloud),
        },
        webex: {
          vendor: 'webex',
          baseUrl: proxies.webex!.url,
          credentials: webexHarness.embeddedCredentials(sims.credentials.webex),
        },
      },
      mode: 'external',
      time: clockTime(clock),
      stopwatch: () => 0,
      rateCard: await RateCard.load(),
      // Prism adds CORS headers the vendor contracts do not declare: warnings, not failures.
      strict: false,
    });
    const failures = report.flows.flatMap((f) =>
      f.steps.filter((s) => s.outcome === 'failed').map((s) => `${f.flow} / ${s.name}: ${s.message}`),
    );
    expect(
      failures,
      `prism output:\n${Object.values(proxies)
        .map((p) => p.log().slice(-3000))
        .join('\n')}`,
    ).toEqual([]);
    expect(report.passed).toBe(true);
    const viaPrism = report.transcript.filter(
      (e) => e.url.startsWith(proxies.purecloud!.url) || e.url.startsWith(proxies.webex!.url),
    );
    expect(viaPrism.length).toBeGreaterThan(20);
    expect(report.transcript.filter((e) => e.responseHeaders?.['sl-violations'])).toEqual([]);
  }, 120_000);

  it('polices the RPRM generate-cdrs exchange (prism → the self-signed simulator)', async () => {
    const report = await runFlows({
      flows: rprmHarness.flows,
      targets: {
        rprm: {
          vendor: 'rprm',
          baseUrl: proxies.rprm!.url,
          credentials: rprmHarness.embeddedCredentials(sims.credentials.rprm),
          // The Location answer names the simulator itself (prism forwards the upstream Host),
          // so the status polls and the ZIP download go there directly, over its TLS.
          ca: sims.servers.rprm!.certificate,
        },
      },
      mode: 'external',
      time: clockTime(clock),
      stopwatch: () => 0,
      rateCard: await RateCard.load(),
      strict: false,
    });
    expect(
      report.flows[0]?.steps.filter((s) => s.outcome === 'failed'),
      proxies.rprm!.log().slice(-3000),
    ).toEqual([]);
    const [generate] = report.transcript;
    expect(generate).toMatchObject({ method: 'POST', status: 202 });
    expect(generate?.url.startsWith(proxies.rprm!.url)).toBe(true);
  }, 120_000);
});
