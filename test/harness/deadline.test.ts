import { afterEach, describe, expect, it } from 'vitest';
import { parseDuration, RunBudget } from '../../harness/deadline.js';
import type { FlowDefinition } from '../../harness/flows/flow.js';
import { poll } from '../../harness/flows/poll.js';
import { RateCard } from '../../harness/rate-card/rate-card.js';
import { type RunOptions, runFlows } from '../../harness/run.js';
import { virtualTime } from '../../harness/time.js';
import { toyContracts } from '../support/toy-contracts.js';
import { type StubServer, script, stubServer } from './support/stub-server.js';
import { toyFlow } from './support/toy-flow.js';

const rateCard = RateCard.from({ vendors: { toy: { products: {} } } });
let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(flows: FlowDefinition[], extra: Partial<RunOptions> = {}) {
  const time = virtualTime();
  const started = time.now();
  const report = await runFlows({
    flows,
    targets: { toy: { vendor: 'toy', baseUrl: server!.url, credentials: {} } },
    mode: 'external',
    time,
    stopwatch: () => 0,
    rateCard,
    contracts: toyContracts,
    ...extra,
  });
  return { report, time, spent: time.now() - started };
}

const trace = { 'x-toy-trace': 't' };

describe('run deadline and longest single wait', () => {
  it('fails the step at once on a 429 with Retry-After: 86400, naming the wait (default limits)', async () => {
    server = await stubServer(
      script({ status: 429, headers: { ...trace, 'retry-after': '86400' }, body: '{}' }),
    );
    const { report, time, spent } = await run([toyFlow]);
    expect(report.passed).toBe(false);
    const [get, ...rest] = report.flows[0]!.steps;
    expect(get).toMatchObject({ name: 'get item', outcome: 'failed', requests: 1 });
    expect(get?.message).toBe(
      'HTTP 429 with Retry-After: 86400 asks for a wait of 24 h, more than the longest single wait allowed (--max-wait 2 min); not waiting',
    );
    expect(rest).toEqual([]);
    expect(time.sleeps).toEqual([]);
    expect(spent).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a wait within --max-wait that would pass the deadline, and says how much was left', async () => {
    server = await stubServer(
      script(
        { status: 503, headers: { ...trace, 'retry-after': '60' }, body: '{}' },
        { status: 503, headers: { ...trace, 'retry-after': '90' }, body: '{}' },
      ),
    );
    const { report, time, spent } = await run([toyFlow], { deadlineMs: 120_000, maxWaitMs: 600_000 });
    const get = report.flows[0]!.steps[0];
    expect(get?.outcome).toBe('failed');
    expect(get?.message).toBe(
      'HTTP 503 with Retry-After: 90 asks for a wait of 1.5 min, which would pass the run deadline (--deadline 2 min, 1 min left); not waiting',
    );
    expect(time.sleeps).toEqual([60_000]);
    expect(spent).toBeLessThanOrEqual(120_000);
  });

  it('applies to the polling waits of a flow as well, and skips the flows after the deadline', async () => {
    server = await stubServer(
      script({ status: 200, headers: trace, body: '{"id":"1","name":"w","quantity":1}' }),
    );
    const polling: FlowDefinition = {
      id: 'toy-poll',
      vendor: 'toy',
      title: 'polls forever',
      async run(ctx) {
        await ctx.step('poll', (s) =>
          poll(s, { what: 'thing', everyMs: 50_000, timeoutMs: 3_600_000 }, async () => {
            s.expect(await s.call({ path: '/toy/items/1' }), 200);
            return { done: false, state: 'PENDING' };
          }),
        );
      },
    };
    const { report, time } = await run([polling, toyFlow], { deadlineMs: 100_000 });
    expect(report.flows[0]!.steps[0]?.message).toBe(
      'the flow asks for a wait of 50 s, which would pass the run deadline (--deadline 1.67 min, 0 s left); not waiting',
    );
    expect(time.sleeps).toEqual([50_000, 50_000]);
    expect(report.flows[1]).toMatchObject({
      outcome: 'skipped',
      steps: [{ outcome: 'skipped', message: 'not run: the run deadline (1.67 min) has passed' }],
    });
  });

  it('sums the time of each flow on the time that flow ran on', () => {
    const a = virtualTime(0);
    const b = virtualTime(1_000_000);
    const budget = new RunBudget(10_000, 5000);
    budget.enter(a);
    void a.sleep(3000);
    budget.enter(b);
    void b.sleep(4000);
    expect(budget.spentMs()).toBe(7000);
    expect(() => budget.admit(3001, 'x')).toThrow(/would pass the run deadline/);
    expect(() => budget.admit(5001, 'x')).toThrow(/more than the longest single wait/);
    expect(() => budget.admit(3000, 'x')).not.toThrow();
  });
});

describe('parseDuration', () => {
  it('reads seconds, units and combinations, and rejects junk', () => {
    expect(parseDuration('300')).toBe(300_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1.5s')).toBe(1500);
    for (const bad of ['', 'soon', '5 m', '-3', '5x', 'm5']) expect(parseDuration(bad), bad).toBeUndefined();
  });
});

describe("the flows' own waits", () => {
  it('are cut to the longest single wait: polling sooner is harmless', async () => {
    const time = virtualTime(0);
    const budget = new RunBudget(3_600_000, 20_000);
    budget.enter(time);
    await budget.guard(time).sleep(60_000);
    expect(time.sleeps).toEqual([20_000]);
  });
});
