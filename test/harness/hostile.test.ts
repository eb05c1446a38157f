import { afterEach, describe, expect, it } from 'vitest';
import { RateCard } from '../../harness/rate-card/rate-card.js';
import { runFlows } from '../../harness/run.js';
import { virtualTime } from '../../harness/time.js';
import { loadHarnesses } from '../../harness/vendors.js';
import { type StubHandler, type StubServer, stubServer } from './support/stub-server.js';

/**
 * A server that answers every request with the same nonsense: each flow must end with a
 * failed step and a message — never a throw, a hang, or the "unexpected error" of a harness bug.
 */
const ANSWERS: Record<string, StubHandler> = {
  'JSON null': (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('null'),
  'JSON array': (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('[1,2]'),
  'wrong types everywhere': (_q, res) =>
    res
      .writeHead(200, {
        'content-type': 'application/json',
        location: '::nonsense::',
        link: '<>; rel="next"',
      })
      .end(
        JSON.stringify({
          access_token: 5,
          status: 42,
          usages: 'x',
          items: { a: 1 },
          entities: null,
          statusType: null,
          downloadReady: 'yes',
        }),
      ),
  'an HTML page': (_q, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>'),
  'an empty 200': (_q, res) => res.writeHead(200).end(),
  'a 500 in plain text': (_q, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'),
  'a dropped connection': (req) => req.socket.destroy(),
};

const VENDORS = await loadHarnesses();
const flows = VENDORS.flatMap((v) => v.flows.map((f) => ({ vendor: v, flow: f })));
const credentials = {
  clientId: 'c',
  clientSecret: 's',
  token: 't',
  username: 'u',
  password: 'p',
  trustorOrgIds: ['o1'],
};
let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('hostile servers', () => {
  for (const [answer, handler] of Object.entries(ANSWERS)) {
    it(`every flow fails precisely on ${answer}`, async () => {
      server = await stubServer(handler);
      const report = await runFlows({
        flows: flows.map((f) => f.flow),
        targets: Object.fromEntries(
          VENDORS.map((v) => [v.vendor, { vendor: v.vendor, baseUrl: server!.url, credentials }]),
        ),
        mode: 'external',
        time: virtualTime(),
        stopwatch: () => 0,
        rateCard: RateCard.from({ vendors: { x: {} } }),
        pollTimeoutMs: 60_000,
        http: { backoff: { baseMs: 10, maxMs: 10, jitter: 0 } },
      });
      expect(report.passed).toBe(false);
      for (const flow of report.flows) {
        expect(flow.outcome, flow.flow).toBe('failed');
        const failed = flow.steps.filter((s) => s.outcome === 'failed');
        expect(failed.length, flow.flow).toBeGreaterThan(0);
        for (const s of failed) expect(s.message, `${flow.flow} / ${s.name}`).toMatch(/\S/);
        expect(
          flow.steps.map((s) => s.name),
          flow.flow,
        ).not.toContain('flow');
      }
    });
  }
});
