import { afterEach, describe, expect, it } from 'vitest';
import { RateCard } from '../../harness/rate-card/rate-card.js';
import { renderJunit } from '../../harness/reports/junit.js';
import { runFlows } from '../../harness/run.js';
import { virtualTime } from '../../harness/time.js';
import { toyContracts } from '../support/toy-contracts.js';
import { type StubServer, script, stubServer } from './support/stub-server.js';
import { toyFlow } from './support/toy-flow.js';

let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(...answers: Parameters<typeof script>) {
  server = await stubServer(script(...answers));
  return runFlows({
    flows: [toyFlow],
    targets: { toy: { vendor: 'toy', baseUrl: server.url, credentials: {} } },
    mode: 'external',
    time: virtualTime(),
    stopwatch: () => 0,
    rateCard: RateCard.from({ vendors: { toy: { products: {} } } }),
    contracts: toyContracts,
  });
}

const trace = { 'x-toy-trace': 't' };

describe('JUnit: one test case per step', () => {
  it('gives every step its case with time, and its requests (retries included) in system-out', async () => {
    const report = await run(
      { status: 429, headers: { ...trace, 'retry-after': '7' }, body: '{}' },
      { status: 200, headers: trace, body: '{"id":"1","name":"widget","quantity":"4"}' },
    );
    const junit = renderJunit(report);
    expect(junit).toContain('<testsuite name="toy" tests="2" failures="2"');
    const cases = junit.split('<testcase ').slice(1);
    expect(cases).toHaveLength(2);
    const [get, use] = cases;
    expect(get).toMatch(/^classname="toy" name="get item" time="0\.000">/);
    expect(get).toContain(
      '<failure message="contract violation at $.quantity: must be integer" type="StepFailure">',
    );
    const out = /<system-out>([^<]*)<\/system-out>/.exec(get!)?.[1]?.split('\n');
    expect(out).toEqual([
      `#1 GET ${server!.url}/toy/items/1 → 429 in 0 ms, 2 bytes, retry after 7 s (retry-after: HTTP 429)`,
      `#2 GET ${server!.url}/toy/items/1 → 200 in 0 ms, 41 bytes`,
    ]);
    // The second step made no request: its case has the failure and no system-out.
    expect(use).toContain('name="use item"');
    expect(use).toContain('<failure message="$.quantity: expected number, got string &quot;4&quot;"');
    expect(use).not.toContain('<system-out>');
  });

  it('a passing step with requests lists them; one without is an empty case', async () => {
    const report = await run({
      status: 200,
      headers: trace,
      body: '{"id":"1","name":"widget","quantity":4}',
    });
    const junit = renderJunit(report);
    expect(junit).toContain(
      `<testcase classname="toy" name="get item" time="0.000">\n      <system-out>#1 GET ${server!.url}/toy/items/1 → 200 in 0 ms, 39 bytes</system-out>\n    </testcase>`,
    );
    expect(junit).toContain('<testcase classname="toy" name="use item" time="0.000"/>');
  });
});
