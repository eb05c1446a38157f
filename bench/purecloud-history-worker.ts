/**
 * The PureCloud history figures, in a process of their own so that RSS belongs to one org:
 * - a year of billable usage for an org of 10,000 users, generated from the org's history
 *   (cold month cache) against `JSON.stringify` of the same report (the anchor);
 * - RSS added by 1,000 distinct ranges asked over HTTP of one org (report store bounded). The
 *   HTTP client runs in a child process (this script with `--client`): its own buffers and
 *   parsed reports (~0.7 MB per 30-day range) would otherwise count as the simulator's RSS.
 * Run with --expose-gc: `<runs> <ranges>` (either may be 0 to skip that figure). stdout: one JSON
 * line.
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { serve } from '../simulators/kernel/index.js';
import { SeededData } from '../simulators/kernel/seed.js';
import { createPureCloudApp } from '../simulators/purecloud/app.js';
import { OrgHistory } from '../simulators/purecloud/data/history.js';
import { usagesJson } from '../simulators/purecloud/data/usage.js';
import type { PureCloudOrg } from '../simulators/purecloud/options.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const NOW = Date.UTC(2026, 11, 1, 12);
const YEAR = { start: Date.UTC(2025, 11, 1), end: Date.UTC(2026, 10, 30, 23, 59, 59, 999) };
const CUTOFF = Date.UTC(2026, 11, 1);
const runs = Number(process.argv[2] ?? 5);
const ranges = Number(process.argv[3] ?? 1000);

const ORG: PureCloudOrg = {
  id: '10000000-0000-4000-8000-000000000001',
  name: 'Bench Ten Thousand',
  users: 10_000,
  devices: 50,
  contracts: 3,
  tokenBased: true,
  clients: [{ clientId: 'bench', clientSecret: 'bench-secret', name: 'bench', permissions: ['billing:*:*'] }],
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function generation() {
  const data = new SeededData(1);
  const t0 = performance.now();
  const history = new OrgHistory(data, ORG);
  const historyMs = performance.now() - t0;
  const cold: number[] = [];
  const warm: number[] = [];
  const stringify: number[] = [];
  let bytes = 0;
  let resources = 0;
  for (let i = 0; i < runs; i++) {
    const fresh = new OrgHistory(data, ORG); // its month cache is empty
    gc();
    let t = performance.now();
    const text = usagesJson(fresh, YEAR.start, YEAR.end, CUTOFF);
    cold.push(performance.now() - t);
    t = performance.now();
    usagesJson(fresh, YEAR.start, YEAR.end, CUTOFF);
    warm.push(performance.now() - t);
    const report = JSON.parse(text.toString('utf8')) as { resources: unknown[] }[];
    resources = report.reduce((n, u) => n + u.resources.length, 0);
    gc();
    t = performance.now();
    bytes = JSON.stringify(report).length;
    stringify.push(performance.now() - t);
  }
  void history;
  return {
    historyBuildMs: historyMs,
    coldMs: median(cold),
    warmMs: median(warm),
    stringifyMs: median(stringify),
    reportBytes: bytes,
    resources,
    coldVsStringify: median(cold) / median(stringify),
    warmVsStringify: median(warm) / median(stringify),
  };
}

/** The 1,000 asks, from a process of its own: `--client <url> <token> <ranges>`. */
async function client(url: string, token: string, count: number) {
  const headers = { authorization: `Bearer ${token}` };
  const ask = async (start: number, end: number) => {
    const q = new URLSearchParams({
      startDate: new Date(start).toISOString(),
      endDate: new Date(end).toISOString(),
    });
    const res = await fetch(`${url}/api/v2/billing/reports/billableusage?${q}`, { headers });
    const body = (await res.json()) as { status: string };
    if (res.status !== 200 || body.status !== 'Complete')
      throw new Error(`report ${res.status} ${body.status}`);
  };
  const next = () => new Promise((resolve) => process.once('message', resolve));
  // Warm: the org's history and its year of months, as any first report would build them.
  await ask(YEAR.start, YEAR.end);
  process.send!('warm');
  await next();
  // Two rounds of `count` distinct ranges (the second starts half a day later, to the second):
  // the second shows whether memory keeps growing with the number of ranges asked.
  let x = 12345;
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < count; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const start = YEAR.start + (x % 330) * 86_400_000 + round * 43_200_000 + i * 1000; // distinct
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      await ask(start, start + (1 + (x % 30)) * 86_400_000);
    }
    if (round === 0) {
      process.send!('round');
      await next();
    }
  }
  process.send!('done');
}

async function manyRanges() {
  const app = createPureCloudApp({
    orgs: [ORG],
    clock: { mode: 'manual', start: NOW },
    generation: { ms: 0 },
    journalSize: 0,
    rateLimit: { kind: 'off' },
  });
  const server = await serve(app, { port: 0 });
  try {
    const basic = Buffer.from('bench:bench-secret').toString('base64');
    const token = (await (
      await fetch(`${server.url}/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      })
    ).json()) as { access_token: string };
    const child = fork(
      fileURLToPath(import.meta.url),
      ['--client', server.url, token.access_token, String(ranges)],
      {
        execArgv: [],
      },
    );
    const message = () =>
      new Promise<unknown>((resolve, reject) => {
        child.once('message', resolve);
        child.once('exit', (code) => reject(new Error(`client exited (${code})`)));
      });
    const rss = () => {
      gc();
      gc();
      return process.memoryUsage().rss / 2 ** 20;
    };
    await message(); // warm
    const before = rss();
    const t0 = performance.now();
    child.send('go');
    await message(); // the first round
    const seconds = (performance.now() - t0) / 1000;
    const after = rss();
    child.send('go');
    await message(); // the second round
    const next = rss();
    child.kill();
    return {
      ranges,
      seconds,
      rssBeforeMb: before,
      rssAfterMb: after,
      addedMb: after - before,
      nextAddedMb: next - after,
    };
  } finally {
    await server.close();
  }
}

if (process.argv[2] === '--client') {
  await client(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
  process.exit(0);
} else {
  // `<runs> 0` or `0 <ranges>`: each figure can have a process of its own (the section does).
  const gen = runs > 0 ? generation() : undefined;
  const many = ranges > 0 ? await manyRanges() : undefined;
  process.stdout.write(`${JSON.stringify({ generation: gen, ranges: many })}\n`);
}
