import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractSet } from '../../contracts/index.js';
import { RateCard } from '../../harness/rate-card/rate-card.js';
import { renderSummary } from '../../harness/reports/console.js';
import { renderJunit } from '../../harness/reports/junit.js';
import { runFlows } from '../../harness/run.js';
import { virtualTime } from '../../harness/time.js';
import { toyContracts } from '../support/toy-contracts.js';
import { type StubServer, stubServer } from './support/stub-server.js';
import { toyFlow } from './support/toy-flow.js';

const rateCard = RateCard.from({
  vendors: { toy: { products: { widget: { unitPrice: 2.5, unit: 'each' } } } },
});
let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(body: unknown, headers: Record<string, string> = {}, strict = false) {
  server = await stubServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-toy-trace': 't-1', ...headers });
    res.end(JSON.stringify(body));
  });
  return runFlows({
    flows: [toyFlow],
    targets: { toy: { vendor: 'toy', baseUrl: server.url, credentials: {} } },
    mode: 'external',
    time: virtualTime(),
    stopwatch: () => 0,
    rateCard,
    contracts: toyContracts,
    strict,
  });
}

describe('contract validation of live traffic', () => {
  it('passes a conforming response and prices it', async () => {
    const report = await run({ id: '1', name: 'widget', quantity: 4 });
    expect(report.passed).toBe(true);
    expect(report.flows[0]?.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['get item', 'passed'],
      ['use item', 'passed'],
    ]);
    expect(report.flows[0]?.lines).toMatchObject([
      { product: 'widget', quantity: 4, unitPrice: 2.5, amount: 10 },
    ]);
  });

  it('detects a wrong body from a deliberately broken server: step, JSON path, message', async () => {
    const report = await run({ id: '1', name: 'widget', quantity: '4' });
    expect(report.passed).toBe(false);
    const [get, use] = report.flows[0]!.steps;
    expect(get).toMatchObject({
      name: 'get item',
      outcome: 'failed',
      message: 'contract violation at $.quantity: must be integer',
      findings: [{ severity: 'error', step: 'get item', path: '$.quantity', message: 'must be integer' }],
    });
    // The flow goes on with what it got, and the next step fails precisely instead of crashing.
    expect(use).toMatchObject({
      outcome: 'failed',
      message: '$.quantity: expected number, got string "4"',
    });
    const junit = renderJunit(report);
    expect(junit).toContain('<testcase classname="toy" name="get item" time="0.000">');
    expect(junit).toContain(
      '<failure message="contract violation at $.quantity: must be integer" type="StepFailure">',
    );
    expect(junit).toContain('[error] get item $.quantity: must be integer');
    expect(renderSummary(report)).toContain('1 of 1 flow(s) failed.');
  });

  it('reports missing required fields and undeclared statuses', async () => {
    const report = await run({ id: '1' });
    expect(report.flows[0]?.steps[0]?.findings).toEqual([
      { severity: 'error', step: 'get item', path: '$', message: 'missing required property "name"' },
      { severity: 'error', step: 'get item', path: '$', message: 'missing required property "quantity"' },
    ]);
  });

  it('treats an unknown header as a warning, and as an error in strict mode', async () => {
    const lenient = await run({ id: '1', name: 'widget', quantity: 1 }, { 'x-cdn-id': 'abc' });
    expect(lenient.passed).toBe(true);
    expect(lenient.flows[0]?.steps[0]?.findings).toEqual([
      {
        severity: 'warning',
        step: 'get item',
        path: 'header:x-cdn-id',
        message: 'header is not declared for this response',
      },
    ]);
    await server?.close();
    const strict = await run({ id: '1', name: 'widget', quantity: 1 }, { 'x-cdn-id': 'abc' }, true);
    expect(strict.passed).toBe(false);
    expect(strict.flows[0]?.steps[0]?.findings[0]?.severity).toBe('error');
  });

  it('fails with a precise message when the body is not JSON at all', async () => {
    server = await stubServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-toy-trace': 't' });
      res.end('<html>');
    });
    const report = await runFlows({
      flows: [toyFlow],
      targets: { toy: { vendor: 'toy', baseUrl: server.url, credentials: {} } },
      mode: 'external',
      time: virtualTime(),
      stopwatch: () => 0,
      rateCard,
      contracts: toyContracts,
    });
    const [get] = report.flows[0]!.steps;
    expect(get?.outcome).toBe('failed');
    expect(get?.message).toMatch(/^\$: HTTP 200 body is not JSON: Unexpected token/);
    expect(report.flows[0]?.steps).toHaveLength(1);
  });

  it('reports an unreachable target instead of throwing', async () => {
    const report = await runFlows({
      flows: [toyFlow],
      targets: { toy: { vendor: 'toy', baseUrl: 'http://127.0.0.1:9', credentials: {} } },
      mode: 'external',
      time: virtualTime(),
      stopwatch: () => 0,
      rateCard,
      contracts: toyContracts,
      http: { maxAttempts: 2, backoff: { baseMs: 1, maxMs: 1, jitter: 0 } },
    });
    expect(report.passed).toBe(false);
    expect(report.flows[0]?.steps[0]?.message).toMatch(
      /gave up after 2 attempt\(s\).*connection refused by http:\/\/127\.0\.0\.1:9/,
    );
  });

  it('reports fields the contract does not know as warnings (errors in strict mode)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'closed-contract-'));
    try {
      const source = await readFile(
        new URL('../fixtures/contracts/toy.openapi.yaml', import.meta.url),
        'utf8',
      );
      const closed = source.replace(
        'required: [id, name, quantity]',
        'additionalProperties: false\n      required: [id, name, quantity]',
      );
      expect(closed).not.toBe(source);
      await writeFile(join(dir, 'toy.openapi.yaml'), closed);
      server = await stubServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'x-toy-trace': 't' });
        res.end(JSON.stringify({ id: '1', name: 'widget', quantity: 1, colour: 'red' }));
      });
      const options = {
        flows: [toyFlow],
        targets: { toy: { vendor: 'toy', baseUrl: server.url, credentials: {} } },
        mode: 'external' as const,
        time: virtualTime(),
        stopwatch: () => 0,
        rateCard,
        contracts: new ContractSet(dir),
      };
      const lenient = await runFlows(options);
      expect(lenient.passed).toBe(true);
      expect(lenient.flows[0]?.steps[0]?.findings).toEqual([
        { severity: 'warning', step: 'get item', path: '$', message: 'unexpected property "colour"' },
      ]);
      const strict = await runFlows({ ...options, strict: true });
      expect(strict.flows[0]?.steps[0]).toMatchObject({
        outcome: 'failed',
        message: 'contract violation at $: unexpected property "colour"',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
