import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../../harness/flows/flow.js';
import { nextLink, walkPages } from '../../harness/flows/paging.js';
import { RateCard } from '../../harness/rate-card/rate-card.js';
import { runFlows } from '../../harness/run.js';
import { virtualTime } from '../../harness/time.js';
import { toyContracts } from '../support/toy-contracts.js';
import { type StubServer, stubServer } from './support/stub-server.js';

let server: StubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('nextLink', () => {
  it('finds rel="next" among other relations, quoted or not', () => {
    expect(nextLink('<https://a/x?cursor=2>; rel="next"')).toBe('https://a/x?cursor=2');
    expect(nextLink('<https://a/1>; rel="first", <https://a/3>; rel="next"')).toBe('https://a/3');
    expect(nextLink('<https://a/3>; rel=next; title="more"')).toBe('https://a/3');
    expect(nextLink('<https://a/3>; rel="prev next"')).toBe('https://a/3');
    expect(nextLink('<https://a/1>; rel="prev"')).toBeUndefined();
    expect(nextLink('garbage')).toBeUndefined();
    expect(nextLink(undefined)).toBeUndefined();
  });
});

function pagingFlow(seen: string[]): FlowDefinition {
  return {
    id: 'toy-pages',
    vendor: 'toy',
    title: 'Toy pages',
    async run(ctx) {
      await ctx.step('walk', async (s) => {
        const pages = await walkPages(
          s,
          (spec) => s.call(spec),
          { path: '/toy/items/1', query: { max: 2 } },
          (res) => nextLink(res.headers.link),
          (res) => seen.push(s.json<{ id: string }>(res).id),
        );
        s.setNote(`${pages} page(s)`);
      });
    },
  };
}

async function walk(link: (page: number, base: string) => string | undefined) {
  server = await stubServer((req, res) => {
    const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? 1);
    const next = link(page, server!.url);
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-toy-trace': 't',
      ...(next ? { link: `<${next}>; rel="next"` } : {}),
    });
    res.end(JSON.stringify({ id: String(page), name: 'p', quantity: page }));
  });
  const seen: string[] = [];
  const report = await runFlows({
    flows: [pagingFlow(seen)],
    targets: { toy: { vendor: 'toy', baseUrl: server.url, credentials: {} } },
    mode: 'external',
    time: virtualTime(),
    stopwatch: () => 0,
    rateCard: RateCard.from({ vendors: { toy: {} } }),
    contracts: toyContracts,
  });
  return { report, seen, requests: server.requests.map((r) => r.url) };
}

describe('walkPages', () => {
  it('follows Link rel="next" to the last page, keeping the filters the server put in the link', async () => {
    const { report, seen, requests } = await walk((page, base) =>
      page < 3 ? `${base}/toy/items/1?max=2&page=${page + 1}` : undefined,
    );
    expect(report.passed).toBe(true);
    expect(seen).toEqual(['1', '2', '3']);
    expect(requests).toEqual([
      '/toy/items/1?max=2',
      '/toy/items/1?max=2&page=2',
      '/toy/items/1?max=2&page=3',
    ]);
    expect(report.flows[0]?.steps[0]?.message).toBe('3 page(s)');
  });

  it('stops a Link loop with a precise failure', async () => {
    const { report, requests } = await walk(
      (page, base) => `${base}/toy/items/1?max=2&page=${page === 3 ? 2 : page + 1}`,
    );
    expect(report.passed).toBe(false);
    expect(report.flows[0]?.steps[0]?.message).toBe(
      `next: page 3 links back to a page already read: ${server!.url}/toy/items/1?max=2&page=2`,
    );
    expect(requests).toHaveLength(3);
  });
});
