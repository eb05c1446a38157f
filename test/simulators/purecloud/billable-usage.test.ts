import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { contractGuard } from '../../support/contract-guard.js';
import { type App, expectErrorBody, login, makeApp } from './helpers.js';

const guard = contractGuard();
const PATH = '/api/v2/billing/reports/billableusage';
const FEB = { startDate: '2026-02-01T00:00:00.000Z', endDate: '2026-02-28T23:59:59.999Z' };

function usage(app: App, bearer: string, query: Record<string, string>) {
  return request(app).get(PATH).query(query).set('Authorization', bearer);
}

describe('purecloud billable usage report', () => {
  it('answers InProgress until generation completes on the simulator clock, then Complete', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'contoso-billing');
    const first = await usage(app, bearer, FEB);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'InProgress',
      startDate: '2026-02-01T00:00:00Z',
      endDate: '2026-02-28T23:59:59.999Z',
      usages: [],
    });
    app.sim.kernel.clock.advance(9_999);
    expect((await usage(app, bearer, FEB)).body.status).toBe('InProgress');
    app.sim.kernel.clock.advance(1);
    const done = await usage(app, bearer, FEB);
    expect(done.body.status).toBe('Complete');
    expect(done.body.id).toBe(first.body.id);
    expect(done.body.usages.length).toBeGreaterThan(0);
    // One job per (org, range): the same GET keeps answering Complete.
    expect(app.sim.kernel.jobs.list({ kind: 'purecloud.billable-usage' })).toHaveLength(1);
    const again = await usage(app, bearer, FEB);
    expect(again.body).toEqual(done.body);
  });

  it('completes after N polls with generation {polls: N}', async () => {
    const app = makeApp(guard, { generation: { polls: 2 } });
    const bearer = await login(app, 'contoso-billing');
    const states: string[] = [];
    for (let i = 0; i < 4; i++) states.push((await usage(app, bearer, FEB)).body.status);
    expect(states).toEqual(['InProgress', 'InProgress', 'Complete', 'Complete']);
  });

  it('has totals equal to the resource counts, dates inside the range, and licence names', async () => {
    const app = makeApp(guard, { generation: { ms: 0 } });
    const bearer = await login(app, 'contoso-billing');
    const res = await usage(app, bearer, FEB);
    expect(res.body.status).toBe('Complete');
    const start = Date.parse(FEB.startDate);
    const end = Date.parse(FEB.endDate);
    const names = res.body.usages.map((u: { name: string }) => u.name);
    expect(names).toContain('Genesys Cloud CX 2');
    expect(names).toContain('Genesys Cloud Edge');
    for (const u of res.body.usages as {
      name: string;
      totalUsage: string;
      resources: { name: string; date: string }[];
    }[]) {
      expect(typeof u.totalUsage).toBe('string');
      expect(Number(u.totalUsage)).toBe(u.resources.length);
      for (const r of u.resources) {
        const at = Date.parse(r.date);
        expect(at).toBeGreaterThanOrEqual(start);
        expect(at).toBeLessThanOrEqual(end);
        if (u.name === 'Genesys Cloud Edge') expect(r.name).toMatch(/^[0-9a-f-]{36}$/);
        else expect(r.name).toMatch(/@contosohealth\.example\.com$/);
      }
    }
  });

  it('accepts dates with or without millis, Z or an offset, and normalises them', async () => {
    const app = makeApp(guard, { generation: { ms: 0 } });
    const bearer = await login(app, 'contoso-billing');
    const a = await usage(app, bearer, {
      startDate: '2026-02-01T01:00:00+01:00',
      endDate: '2026-02-28T23:59:59Z',
    });
    expect(a.status).toBe(200);
    expect(a.body.startDate).toBe('2026-02-01T00:00:00Z');
    expect(a.body.endDate).toBe('2026-02-28T23:59:59Z');
    const b = await usage(app, bearer, {
      startDate: '2026-02-01T00:00:00.000Z',
      endDate: '2026-02-28T23:59:59.000Z',
    });
    // Same instants → same report.
    expect(b.body.id).toBe(a.body.id);
    expect(b.body.usages).toEqual(a.body.usages);
  });

  it('reads two-digit-era years as they are written (0001 is not 1901)', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'contoso-billing');
    const res = await usage(app, bearer, {
      startDate: '0001-01-01T00:00:00Z',
      endDate: '0099-12-31T23:59:59Z',
    });
    expect(res.status).toBe(200);
    expect(res.body.startDate).toBe('0001-01-01T00:00:00Z');
    expect(res.body.endDate).toBe('0099-12-31T23:59:59Z');
  });

  it('rejects bad, missing and reversed dates without starting a job', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'contoso-billing');
    for (const bad of [
      '2026-02-01',
      'yesterday',
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-02-01T25:00:00Z',
      '9999-12-31T23:59:59-12:00', // would be year 10000 in UTC: not writable as an ISO year
      '2026-02-01T00:00:00+19:00', // offsets stop at ±18:00
      '',
    ]) {
      const res = await usage(app, bearer, { startDate: bad, endDate: FEB.endDate });
      if (bad === '') expectErrorBody(res, 400, 'bad.request');
      else {
        expectErrorBody(res, 400, 'invalid.date');
        expect(res.body.message).toBe(
          'Dates must be specified as ISO-8601 strings. For example: yyyy-MM-ddTHH:mm:ss.SSSZ',
        );
      }
    }
    expectErrorBody(
      await usage(app, bearer, { startDate: FEB.startDate, endDate: 'soon' }),
      400,
      'invalid.date',
    );
    expectErrorBody(await usage(app, bearer, { startDate: FEB.startDate }), 400, 'bad.request');
    expectErrorBody(await usage(app, bearer, { endDate: FEB.endDate }), 400, 'bad.request');
    expectErrorBody(
      await usage(app, bearer, { startDate: FEB.endDate, endDate: FEB.startDate }),
      400,
      'invalid.value',
    );
    const twice = await request(app)
      .get(`${PATH}?startDate=${FEB.startDate}&startDate=${FEB.startDate}&endDate=${FEB.endDate}`)
      .set('Authorization', bearer);
    expectErrorBody(twice, 400, 'invalid.query.param.value');
    expect(app.sim.kernel.jobs.list()).toEqual([]);
  });

  it('needs billing:subscription:read or :view (403 missing.any.permissions names both)', async () => {
    const app = makeApp(guard, { generation: { ms: 0 } });
    const directory = await login(app, 'northwind-directory');
    const denied = await usage(app, directory, FEB);
    expectErrorBody(denied, 403, 'missing.any.permissions');
    expect(denied.body.message).toContain('billing:subscription:read');
    expect(denied.body.message).toContain('billing:subscription:view');
    expect(denied.body.messageParams).toEqual({
      permissions: '[billing:subscription:read, billing:subscription:view]',
    });
    expect(app.sim.kernel.jobs.list()).toEqual([]);
    const reader = await login(app, 'northwind-usage-reader');
    expect((await usage(app, reader, FEB)).body.status).toBe('Complete');
  });

  it('keeps orgs apart: each org polls its own job and sees only its own people', async () => {
    const app = makeApp(guard, { generation: { ms: 0 } });
    const contoso = await usage(app, await login(app, 'contoso-billing'), FEB);
    const fabrikam = await usage(app, await login(app, 'fabrikam-billing'), FEB);
    expect(contoso.body.id).not.toBe(fabrikam.body.id);
    const people = (body: { usages: { resources: { name: string }[] }[] }) =>
      body.usages.flatMap((u) => u.resources.map((r) => r.name)).filter((n) => n.includes('@'));
    expect(people(fabrikam.body).every((n) => n.endsWith('@fabrikamretail.example.com'))).toBe(true);
    expect(people(contoso.body).some((n) => n.endsWith('@fabrikamretail.example.com'))).toBe(false);
    expect(
      app.sim.kernel.jobs
        .list({ kind: 'purecloud.billable-usage' })
        .map((j) => j.tenant)
        .sort(),
    ).toEqual(['3a9e6b52-1f4d-4c87-8e2a-6d5b9c0f1e21', 'b4c81d07-9e2f-4a65-b3d8-2f7a6e5c4d32'].sort());
  });

  it('can be finished through the admin API (POST /_sim/jobs/:id/advance)', async () => {
    const app = makeApp(guard, { generation: { ms: 3_600_000 } });
    const bearer = await login(app, 'contoso-billing');
    const first = await usage(app, bearer, FEB);
    expect(first.body.status).toBe('InProgress');
    const jobs = await request(app).get('/_sim/jobs');
    expect(jobs.status).toBe(200);
    const advanced = await request(app).post(`/_sim/jobs/${first.body.id}/advance`).send({ to: 'complete' });
    expect(advanced.status).toBe(200);
    expect((await usage(app, bearer, FEB)).body.status).toBe('Complete');
  });

  it('answers 500 when generation fails and starts again on the next poll', async () => {
    const app = makeApp(guard, { generation: { ms: 1_000 } });
    const bearer = await login(app, 'contoso-billing');
    app.sim.kernel.jobs.failNext(1);
    expect((await usage(app, bearer, FEB)).body.status).toBe('InProgress');
    app.sim.kernel.clock.advance(1_000);
    expectErrorBody(await usage(app, bearer, FEB), 500, 'internal.server.error');
    expect((await usage(app, bearer, FEB)).body.status).toBe('InProgress');
    app.sim.kernel.clock.advance(1_000);
    expect((await usage(app, bearer, FEB)).body.status).toBe('Complete');
  });

  it('is deterministic: same seed, same report; another range or seed, another report', async () => {
    const run = async (seed: number, range = FEB) => {
      const app = makeApp(guard, { seed, generation: { ms: 0 } });
      return (await usage(app, await login(app, 'contoso-billing'), range)).body;
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect((await run(8)).usages).not.toEqual(a.usages);
    const march = await run(7, { startDate: '2026-03-01T00:00:00Z', endDate: '2026-03-14T00:00:00Z' });
    expect(march.usages).not.toEqual(a.usages);
  });

  it('forgets the least recently used report beyond maxReports, with its job', async () => {
    const app = makeApp(guard, { generation: { ms: 0 }, maxReports: 2, maxReportBytes: 4_000 });
    const bearer = await login(app, 'contoso-billing');
    const range = (day: number) => ({
      startDate: '2026-01-01T00:00:00Z',
      endDate: `2026-02-${String(day).padStart(2, '0')}T00:00:00Z`,
    });
    const first = (await usage(app, bearer, range(1))).body;
    await usage(app, bearer, range(2));
    await usage(app, bearer, range(3));
    expect(app.sim.kernel.jobs.list({ kind: 'purecloud.billable-usage' })).toHaveLength(2);
    expect(app.sim.kernel.jobs.get(first.id)).toBeUndefined();
    // Asked again, the forgotten report is generated again, with the same content.
    const again = (await usage(app, bearer, range(1))).body;
    expect(again).toEqual(first);
    expect(app.sim.kernel.jobs.list({ kind: 'purecloud.billable-usage' })).toHaveLength(2);
  });

  it('a month-to-date report is cut at the end of the previous day, and asked a day later is generated again', async () => {
    const app = makeApp(guard, { generation: { ms: 1_000 } });
    let bearer = await login(app, 'contoso-billing');
    const mtd = { startDate: '2026-03-01T00:00:00Z', endDate: '2026-03-31T23:59:59Z' };
    await usage(app, bearer, mtd);
    app.sim.kernel.clock.advance(1_000);
    const today = (await usage(app, bearer, mtd)).body;
    expect(today.status).toBe('Complete');
    const dates = today.usages.flatMap((u: { resources: { date: string }[] }) =>
      u.resources.map((r) => r.date),
    );
    expect(dates.every((d: string) => d < '2026-03-15T00:00:00Z')).toBe(true);
    app.sim.kernel.clock.advance(86_400_000);
    bearer = await login(app, 'contoso-billing');
    const next = (await usage(app, bearer, mtd)).body;
    expect(next.status).toBe('InProgress');
    expect(next.id).not.toBe(today.id);
    app.sim.kernel.clock.advance(1_000);
    const later = (await usage(app, bearer, mtd)).body;
    expect(later.status).toBe('Complete');
    const total = (r: { usages: { totalUsage: string }[] }) =>
      r.usages.reduce((n, u) => n + Number(u.totalUsage), 0);
    expect(total(later)).toBeGreaterThan(total(today));
  });

  it('authenticates before the body and the rate limiter: no token → 401, not 413', async () => {
    const app = makeApp(guard);
    const res = await request(app)
      .get(PATH)
      .set('Content-Type', 'application/json')
      .send(`{"x":"${'a'.repeat(600_000)}"}`);
    expectErrorBody(res, 401, 'authentication.required');
    expectErrorBody(
      await request(app).get(PATH).query(FEB).set('Authorization', 'Bearer forged.token'),
      401,
      'bad.credentials',
    );
  });
});
