import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import pactum from 'pactum';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundMoney } from '../../../harness/billing/lines.js';
import { type ExecuteResult, executeFlows } from '../../../harness/execute.js';
import { virtualTime } from '../../../harness/time.js';
import { contractGuard } from '../../support/contract-guard.js';
import { capture } from '../support/capture.js';
import { AT, embeddedRun } from '../support/embedded.js';

const guard = contractGuard();
let dir: string;
let first: ExecuteResult;
let console1: ReturnType<typeof capture>;

async function runAll(out: string, stdout = capture()) {
  return executeFlows({
    env: {},
    stdout,
    time: virtualTime(AT),
    stopwatch: () => 0,
    seed: 1,
    at: AT,
    out,
    strict: true,
    kernel: { onExchange: guard.onExchange },
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-full-run-'));
  console1 = capture();
  first = await runAll(join(dir, 'a'), console1);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('billing-sim flows against the embedded simulators (seed 1, 2026-03-15)', () => {
  it('passes every flow and exits 0', () => {
    expect(first.exitCode).toBe(0);
    expect(first.report.flows.map((f) => [f.flow, f.outcome])).toEqual([
      ['purecloud', 'passed'],
      ['webex-wholesale', 'passed'],
      ['webex-broadworks', 'passed'],
      ['rprm', 'passed'],
    ]);
    expect(first.report.mode).toBe('embedded');
    expect(first.report.transcript.length).toBeGreaterThan(30);
  });

  it('prints a line per step and a closing table', () => {
    const text = console1.text();
    expect(text).toMatch(
      /^embedded simulators: purecloud http:\/\/127\.0\.0\.1:\d+, webex http:\/\/127\.0\.0\.1:\d+, rprm https:\/\/127\.0\.0\.1:\d+\n/,
    );
    expect(text).toContain('  ok   oauth token\n');
    expect(text).toContain('  ok   conditional download (If-None-Match) — 304 for ETag "');
    expect(text).toMatch(/result\s+flow\s+steps\s+requests\s+violations\s+warnings\s+lines\s+amount/);
    expect(text).toMatch(/PASS\s+rprm\s+4\s+5\s+0\s+0\s+\d+\s/);
    expect(text).toContain('All 4 flow(s) passed.\n');
  });

  it('writes report.json, junit.xml and the billing lines', async () => {
    expect(first.files.map((f) => f.slice(join(dir, 'a').length + 1))).toEqual([
      'report.json',
      'junit.xml',
      'billing-lines.csv',
      'billing-lines.json',
    ]);
    const report = JSON.parse(await readFile(first.files[0]!, 'utf8'));
    expect(report.passed).toBe(true);
    expect(report.startedAt).toBe('2026-03-15T10:00:00.000Z');
    const junit = await readFile(first.files[1]!, 'utf8');
    expect(junit).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="billing-sim flows" tests="18" failures="0" skipped="0"/,
    );
    expect(junit.match(/<testsuite /g)).toHaveLength(4);
  });

  it('prices every line as quantity × rate, with known values for this seed', async () => {
    const rows = parse(await readFile(first.files[2]!, 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(first.report.flows.reduce((n, f) => n + f.lines.length, 0));
    for (const r of rows)
      expect(Number(r.amount)).toBe(roundMoney(Number(r.quantity) * Number(r.unitPrice), 2));
    const pick = (vendor: string, customer: string, product: string) =>
      rows.find((r) => r.vendor === vendor && r.customer === customer && r.product === product);
    expect(pick('purecloud', 'Contoso Health', 'Genesys Cloud CX 3')).toMatchObject({
      unit: 'seat',
      unitPrice: '155',
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
      rateSource: 'product',
    });
    expect(pick('webex', 'Huels and Sons', 'webex_calling')).toMatchObject({
      unitPrice: '14',
      rateSource: 'product',
    });
    expect(pick('rprm', 'dma-east.example.com', 'PT-PT minutes')).toMatchObject({
      unit: 'minute',
      unitPrice: '0.01',
    });
    expect(pick('rprm', 'dma-east.example.com', 'Gold conference')).toMatchObject({
      unit: 'conference',
      unitPrice: '5',
    });
    const json = JSON.parse(await readFile(first.files[3]!, 'utf8'));
    const contoso = json.totals.find((t: { customer: string }) => t.customer === 'Contoso Health');
    const sum = rows.filter((r) => r.customer === 'Contoso Health').reduce((n, r) => n + Number(r.amount), 0);
    expect(contoso.amount).toBe(roundMoney(sum, 2));
  });

  it('agrees with an independent read of the vendor data for seed 1 (pactum against a fresh simulator)', async () => {
    const sim = await embeddedRun(['purecloud']);
    try {
      const base = sim.embedded.targets.purecloud!.baseUrl;
      const { clientId, clientSecret, trustorOrgIds } = sim.embedded.targets.purecloud!.credentials as {
        clientId: string;
        clientSecret: string;
        trustorOrgIds: string[];
      };
      const token = await pactum
        .spec()
        .post(`${base}/oauth/token`)
        .withAuth(clientId, clientSecret)
        .withForm({ grant_type: 'client_credentials' })
        .expectStatus(200)
        .returns('access_token');
      const overview = await pactum
        .spec()
        .get(`${base}/api/v2/billing/trusteebillingoverview/${trustorOrgIds[0]}`)
        .withQueryParams('billingPeriodIndex', '1')
        .withBearerToken(token)
        .expectStatus(200)
        .expectJsonLike({ organization: { name: 'Contoso Health' } })
        .returns('res.body');
      const usage = (overview.usages as { name: string; usageQuantity: string }[]).find(
        (u) => u.name === 'Genesys Cloud CX 3',
      );
      const line = first.report.flows[0]!.lines.find(
        (l) => l.customer === 'Contoso Health' && l.product === 'Genesys Cloud CX 3',
      );
      expect(line?.quantity).toBe(Number(usage?.usageQuantity));
      expect(line?.amount).toBe(roundMoney(Number(usage?.usageQuantity) * 155, 2));
    } finally {
      await sim.close();
    }
  });

  it('is deterministic: the same seed and start give the same billing lines', async () => {
    const second = await runAll(join(dir, 'b'));
    expect(await readFile(second.files[2]!, 'utf8')).toBe(await readFile(first.files[2]!, 'utf8'));
  });
});
