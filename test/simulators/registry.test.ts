import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/files.js';
import { RateCard } from '../../harness/rate-card/rate-card.js';
import { runFlows } from '../../harness/run.js';
import { startEmbedded } from '../../harness/targets/embedded.js';
import { loadHarnesses, pluginContracts, pluginRates } from '../../harness/vendors.js';
import { ConfigError, startSimulators } from '../../simulators/index.js';
import { PLUGINS } from '../../simulators/registry.js';
import { toyPlugin } from '../fixtures/vendors/toy/index.js';

const withToy = [...PLUGINS, toyPlugin];
const root = packageRoot();

describe('the registry', () => {
  it('lists each vendor once, each plug-in complete and pointing at files that exist', async () => {
    expect(PLUGINS.map((p) => p.name)).toEqual(['purecloud', 'webex', 'rprm']);
    for (const p of PLUGINS) {
      expect(p.name).toMatch(/^[a-z][a-z0-9]*$/);
      expect(existsSync(join(root, p.contracts.openapi)), p.contracts.openapi).toBe(true);
      expect(p.contracts.openapi).toBe(`contracts/${p.name}.openapi.yaml`);
      for (const csv of p.contracts.csv) {
        expect(existsSync(join(root, csv)), csv).toBe(true);
        expect(csv).toMatch(new RegExp(`^contracts/csv/${p.name}-[a-z0-9-]+\\.csv\\.yaml$`));
      }
      expect(p.doc).toBe(`docs/${p.name}.md`);
      expect(existsSync(join(root, p.doc)), p.doc).toBe(true);
      expect(pluginRates(p)).toMatchObject({ default: { unitPrice: expect.any(Number) } });
      expect((await p.harness()).vendor).toBe(p.name);
      expect(p.optionsSchema.type).toBe('object');
    }
  });

  it('owns every CSV contract: each belongs to exactly one plug-in', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(join(root, 'contracts', 'csv'))
      .filter((f) => f.endsWith('.csv.yaml'))
      .map((f) => `contracts/csv/${f}`)
      .sort();
    expect(PLUGINS.flatMap((p) => p.contracts.csv).sort()).toEqual(files);
  });

  it('is the harness: its flows are the plug-ins’ flows, in registry order', async () => {
    const harnesses = await loadHarnesses();
    expect(harnesses.map((h) => h.vendor)).toEqual(PLUGINS.map((p) => p.name));
  });
});

describe('a vendor added from its folder alone (test/fixtures/vendors/toy)', () => {
  it('starts through startSimulators, answers its routes and the admin API', async () => {
    await using running = await startSimulators({
      plugins: withToy,
      only: ['toy'],
      ports: { toy: 0 },
      simulators: { toy: { journalSize: 10, brokenItem: false } },
    });
    const url = running.urls.toy!;
    expect(toyPlugin.describe(running.apps.toy!, url)).toContain(`items: ${url}/toy/items`);
    const health = await fetch(`${url}/_sim/health`);
    expect(health.status).toBe(200);
    const fault = await fetch(`${url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ match: { path: '/toy/items/*' }, effect: { status: 503 }, times: 1 }),
    });
    expect(fault.status).toBe(201);
    const faulted = await fetch(`${url}/toy/items/1`);
    expect(faulted.status).toBe(503);
    expect(await faulted.json()).toMatchObject({ status: 503 });
    const missing = await fetch(`${url}/toy/items/1`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-toy-trace')).toBe('trace-1');
  });

  it('checks its options against its own schema composed with the kernel’s', async () => {
    const attempt = startSimulators({
      plugins: withToy,
      only: ['toy'],
      ports: { toy: 0 },
      simulators: { toy: { brokenitem: true } },
    });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(
      '/simulators/toy/brokenitem: unknown key (did you mean "brokenItem"?)',
    );
  });

  it('runs its flow, checked against its contract and priced with its rates', async () => {
    const [harness] = await loadHarnesses([toyPlugin]);
    const embedded = await startEmbedded({
      vendors: [harness!],
      plugins: withToy,
      at: '2026-03-15T10:00:00Z',
    });
    try {
      const report = await runFlows({
        flows: harness!.flows,
        targets: embedded.targets,
        mode: 'embedded',
        time: embedded.time,
        stopwatch: () => 0,
        contracts: pluginContracts([toyPlugin]),
        rateCard: RateCard.from({ vendors: { toy: pluginRates(toyPlugin) } }),
      });
      const flow = report.flows.find((f) => f.flow === 'toy.items');
      expect(flow?.steps.map((s) => [s.name, s.outcome])).toEqual([
        ['create item', 'passed'],
        ['read item', 'passed'],
      ]);
      expect(report.passed).toBe(true);
      expect(flow?.lines).toEqual([
        expect.objectContaining({
          vendor: 'toy',
          product: 'widget',
          quantity: 3,
          unitPrice: 2.5,
          amount: 7.5,
        }),
      ]);
    } finally {
      await embedded.close();
    }
  });
});
