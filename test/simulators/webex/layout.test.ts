import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { csvContracts, packageRoot } from '../../../contracts/index.js';
import { CSV_CONTRACTS, columnsOf } from '../../../simulators/webex/data/csv.js';
import { BROADWORKS, bearer, TOKENS, WHOLESALE, webexApp } from './helpers.js';

const root = join(packageRoot(), 'simulators/webex');

describe('webex folder layout', () => {
  it('has the common vendor layout', () => {
    const entries = readdirSync(root);
    for (const name of ['index.ts', 'app.ts', 'routes', 'state.ts', 'data', 'errors.ts', 'options.ts'])
      expect(entries, name).toContain(name);
  });

  it('CSV columns come from contracts/csv only: no column list in the simulator', () => {
    for (const layout of Object.keys(CSV_CONTRACTS) as (keyof typeof CSV_CONTRACTS)[]) {
      expect(columnsOf(layout)).toEqual(csvContracts().get(CSV_CONTRACTS[layout]).columns);
    }
    const source = readFileSync(join(root, 'data/csv.ts'), 'utf8');
    expect(source).not.toMatch(/_COLUMNS\b/);
    expect(source).not.toMatch(/\[\s*'billingStartDate',\s*'billingEndDate'/);
  });

  it('reports are kernel jobs of kinds webex.wholesale-report and webex.broadworks-report', async () => {
    const { app } = webexApp(undefined);
    await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .send({ billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    await request(app).post(BROADWORKS).set(bearer(TOKENS.acme)).send({ billingPeriod: '2026-01' });
    expect(app.sim.kernel.jobs.list().map((j) => j.kind)).toEqual([
      'webex.wholesale-report',
      'webex.broadworks-report',
    ]);
  });
});
