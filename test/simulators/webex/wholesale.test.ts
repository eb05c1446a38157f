import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { decodeId, encodeId } from '../../../simulators/webex/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import {
  bearer,
  checkedCsv,
  download,
  expectWebexError,
  pollUntilDone,
  storeSnapshot,
  TOKENS,
  WHOLESALE,
  webexApp,
} from './helpers.js';

const guard = contractGuard();

async function createReport(
  app: Parameters<typeof request>[0],
  body: Record<string, unknown>,
  token: string = TOKENS.acme,
) {
  return request(app).post(WHOLESALE).set(bearer(token)).send(body);
}

describe('webex wholesale billing reports: end to end', () => {
  it('creates, polls to COMPLETED, downloads and parses each report type; totals add up', async () => {
    const { app } = webexApp(guard);
    const byType: Record<string, Record<string, string>[]> = {};
    for (const type of ['PARTNER', 'CUSTOMER', 'USER'] as const) {
      const created = await createReport(app, {
        billingStartDate: '2026-02-01',
        billingEndDate: '2026-02-28',
        type,
      });
      expect(created.status).toBe(200);
      expect(created.body).toEqual({
        id: created.body.id,
        billingStartDate: '2026-02-01',
        billingEndDate: '2026-02-28',
        type,
        category: 'RECONCILIATION',
        internal: false,
      });
      expect(decodeId('BILLING_REPORT', created.body.id)).toMatch(/^[0-9a-f-]{36}$/);
      expect(Buffer.from(created.body.id, 'base64url').toString()).toMatch(
        /^ciscospark:\/\/us\/BILLING_REPORT\//,
      );

      const first = await request(app).get(`${WHOLESALE}/${created.body.id}`).set(bearer(TOKENS.acme));
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('IN_PROGRESS');
      expect(first.body.tempDownloadURL).toBeUndefined();
      expect(first.body.created).toBe('2026-03-15T10:00:00.000Z');
      expect(first.body.internal).toBe(false);
      expect(first.body.createdBy).toBe(encodeId('PEOPLE', '0acd3875-4e12-4d77-b981-e389fd8846c0'));

      const done = await pollUntilDone(app, `${WHOLESALE}/${created.body.id}`, TOKENS.acme);
      expect(done.body.status).toBe('COMPLETED');
      expect(done.body.errors).toBeUndefined();
      const url = new URL(done.body.tempDownloadURL);
      expect(url.pathname).toMatch(/^\/1eb65fdf-9643-417f-9974-ad72cae0e10f\/WHOLESALE\/[0-9a-f-]{36}\.csv$/);
      expect([...url.searchParams.keys()]).toEqual(['Expires', 'Signature', 'Key-Pair-Id']);
      expect(url.searchParams.get('Signature')).toMatch(/^[A-Za-z0-9_~-]{43}_$/);
      expect(done.body.tempDownloadURL).not.toContain('%');

      // Fetched without the bearer token, like the real CDN link.
      const file = await download(app, done.body.tempDownloadURL);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="[0-9a-f-]{36}\.csv"$/);
      expect(file.headers.trackingid).toBeUndefined();
      byType[type] = checkedCsv(`webex-wholesale-${type.toLowerCase()}`, file.body as Buffer);
      expect(byType[type]!.length).toBeGreaterThan(0);
    }
    const users = byType.USER!;
    const customers = byType.CUSTOMER!;
    const partner = byType.PARTNER!;
    for (const row of [...users, ...customers, ...partner]) {
      expect(row.billingStartDate).toBe('2026-02-01');
      expect(row.billingEndDate).toBe('2026-02-28');
      const daily = row.dailyQuantities!.split('|').map(Number);
      expect(daily).toHaveLength(28);
      expect(daily.reduce((a, b) => a + b, 0)).toBe(Number(row.billableDays));
    }
    // customer = sum of its users, per package
    for (const c of customers) {
      const mine = users.filter((u) => u.customerOrgId === c.customerOrgId && u.package === c.package);
      expect(mine.length).toBe(Number(c.quantity));
      expect(mine.reduce((a, u) => a + Number(u.billableDays), 0)).toBe(Number(c.billableDays));
    }
    expect(
      users.every((u) =>
        customers.some((c) => c.customerOrgId === u.customerOrgId && c.package === u.package),
      ),
    ).toBe(true);
    // partner = sum of its customers, per package (element-wise for the daily series)
    for (const p of partner) {
      const mine = customers.filter((c) => c.package === p.package);
      expect(mine.length).toBe(Number(p.customerCount));
      expect(mine.reduce((a, c) => a + Number(c.quantity), 0)).toBe(Number(p.quantity));
      expect(mine.reduce((a, c) => a + Number(c.billableDays), 0)).toBe(Number(p.billableDays));
      const sum = new Array(28).fill(0);
      for (const c of mine) {
        c.dailyQuantities!.split('|').forEach((v, i) => {
          sum[i] += Number(v);
        });
      }
      expect(sum.join('|')).toBe(p.dailyQuantities);
    }
    expect(new Set(partner.map((p) => p.package)).size).toBe(partner.length);
  });

  it('lists with every filter, sorts, and counts generation in polls', async () => {
    const { app } = webexApp(guard);
    const a = await createReport(app, {
      billingStartDate: '2026-01-10',
      billingEndDate: '2026-01-20',
      type: 'USER',
    });
    const b = await createReport(app, { billingStartDate: '2025-12-01', billingEndDate: '2025-12-31' });
    const c = await createReport(app, {
      billingStartDate: '2026-01-01',
      billingEndDate: '2026-01-31',
      type: 'CUSTOMER',
    });
    await pollUntilDone(app, `${WHOLESALE}/${b.body.id}`, TOKENS.acme);
    const list = async (query: Record<string, string>) =>
      (await request(app).get(WHOLESALE).query(query).set(bearer(TOKENS.acmeWholesaleRo))).body.items as {
        id: string;
      }[];
    expect((await list({})).map((i) => i.id)).toEqual([b.body.id, c.body.id, a.body.id]);
    expect((await list({ sortBy: 'billingEndDate' })).map((i) => i.id)).toEqual([
      b.body.id,
      a.body.id,
      c.body.id,
    ]);
    expect((await list({ status: 'COMPLETED' })).map((i) => i.id)).toEqual([b.body.id]);
    expect((await list({ status: 'IN_PROGRESS', sortBy: 'status' })).map((i) => i.id)).toEqual([
      c.body.id,
      a.body.id,
    ]);
    expect((await list({ type: 'USER' })).map((i) => i.id)).toEqual([a.body.id]);
    expect((await list({ billingStartDate: '2026-01-01' })).map((i) => i.id)).toEqual([c.body.id]);
    expect((await list({ billingEndDate: '2026-01-20' })).map((i) => i.id)).toEqual([a.body.id]);
    const items = (await request(app).get(WHOLESALE).set(bearer(TOKENS.acme))).body.items;
    expect(items[0]).toEqual({
      id: b.body.id,
      billingStartDate: '2025-12-01',
      billingEndDate: '2025-12-31',
      status: 'COMPLETED',
      type: 'PARTNER',
      category: 'RECONCILIATION',
      internal: false,
    });
    // wxc_sdk sends ISO date-times for the date filters: they name the same UTC day.
    expect((await list({ billingStartDate: '2026-01-01T00:00:00.000Z' })).map((i) => i.id)).toEqual([
      c.body.id,
    ]);
    expect((await list({ billingEndDate: '2026-01-20T23:30:00-00:00' })).map((i) => i.id)).toEqual([
      a.body.id,
    ]);
    expect((await list({ billingStartDate: '2025-12-01T01:00:00+02:00' })).map((i) => i.id)).toEqual([]);
    expect((await list({ billingStartDate: '2025-12-01T01:00:00+01:00' })).map((i) => i.id)).toEqual([
      b.body.id,
    ]);
    expect((await list({ billingStartDate: '2025-12-01T00:30:00Z' })).map((i) => i.id)).toEqual([b.body.id]);
    // listing never advances a polls-driven report
    for (let i = 0; i < 5; i++) await request(app).get(WHOLESALE).set(bearer(TOKENS.acme));
    expect((await list({ status: 'IN_PROGRESS' })).length).toBe(2);
  });

  it('covers a sub-partner, and internal organizations only on request', async () => {
    const { app } = webexApp(guard, { generation: { kind: 'immediate' } });
    const sub = encodeId('ORGANIZATION', '52cf576d-60a8-407a-b22c-467c51591908');
    const all = await createReport(app, {
      billingStartDate: '2026-02-01',
      billingEndDate: '2026-02-07',
      type: 'CUSTOMER',
    });
    const mine = await createReport(app, {
      billingStartDate: '2026-02-01',
      billingEndDate: '2026-02-07',
      type: 'CUSTOMER',
      subPartnerOrgId: sub,
    });
    const internal = await createReport(app, {
      billingStartDate: '2026-02-01',
      billingEndDate: '2026-02-07',
      type: 'CUSTOMER',
      internal: true,
    });
    const rows = async (id: string) => {
      const got = await request(app).get(`${WHOLESALE}/${id}`).set(bearer(TOKENS.acme));
      return checkedCsv(
        'webex-wholesale-customer',
        (await download(app, got.body.tempDownloadURL)).body as Buffer,
      );
    };
    const allRows = await rows(all.body.id);
    const subRows = await rows(mine.body.id);
    const internalRows = await rows(internal.body.id);
    expect(subRows.length).toBeGreaterThan(0);
    expect(
      subRows.every((r) => r.subPartnerOrgId === sub && r.subPartnerName === 'Acme Reseller North'),
    ).toBe(true);
    expect(allRows.filter((r) => r.subPartnerOrgId === sub)).toEqual(subRows);
    expect(allRows.some((r) => r.customerName === 'Acme Telecom Lab')).toBe(false);
    expect(internalRows.some((r) => r.customerName === 'Acme Telecom Lab')).toBe(true);
    const filtered = await request(app)
      .get(WHOLESALE)
      .query({ subPartnerOrgId: sub })
      .set(bearer(TOKENS.acme));
    expect(filtered.body.items.map((i: { id: string }) => i.id)).toEqual([mine.body.id]);
    // `internal` is echoed on create (as in Cisco's example), get and list.
    expect(internal.body.internal).toBe(true);
    expect(mine.body.internal).toBe(false);
    const got = await request(app).get(`${WHOLESALE}/${internal.body.id}`).set(bearer(TOKENS.acme));
    expect(got.body.internal).toBe(true);
    const listed = (await request(app).get(WHOLESALE).set(bearer(TOKENS.acme))).body.items as {
      id: string;
      internal: boolean;
    }[];
    expect(listed.find((i) => i.id === internal.body.id)?.internal).toBe(true);
    expect(listed.find((i) => i.id === mine.body.id)?.internal).toBe(false);
  });
});

describe('webex wholesale billing reports: lifecycle rules', () => {
  it('FAILED reports carry errors [{code, description}] and can be created again', async () => {
    const { app } = webexApp(guard, { failureRate: 1 });
    const created = await createReport(app, { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    const done = await pollUntilDone(app, `${WHOLESALE}/${created.body.id}`, TOKENS.acme);
    expect(done.body.status).toBe('FAILED');
    expect(done.body.tempDownloadURL).toBeUndefined();
    expect(done.body.errors).toEqual([
      { code: 2050, description: 'Billing report generation failed. Create the report again.' },
    ]);
    const again = await createReport(app, { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    expect(again.status).toBe(200);
    expect(again.body.id).not.toBe(created.body.id);
  });

  it('the admin API can fail the next report with a Webex error code', async () => {
    const { app } = webexApp(guard, { generation: { kind: 'manual' } });
    const created = await createReport(app, { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    const uuid = decodeId('BILLING_REPORT', created.body.id)!;
    await request(app)
      .post(`/_sim/jobs/${uuid}/advance`)
      .send({ to: 'fail', error: { code: '2061', message: 'Upstream billing data unavailable.' } })
      .expect(200);
    const got = await request(app).get(`${WHOLESALE}/${created.body.id}`).set(bearer(TOKENS.acme));
    expect(got.body.status).toBe('FAILED');
    expect(got.body.errors).toEqual([{ code: 2061, description: 'Upstream billing data unavailable.' }]);
  });

  it('completes on simulator time in time mode', async () => {
    const { app, clock } = webexApp(guard, { generation: { kind: 'time', ms: 45_000 } });
    const created = await createReport(app, { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    const path = `${WHOLESALE}/${created.body.id}`;
    for (let i = 0; i < 5; i++) {
      expect((await request(app).get(path).set(bearer(TOKENS.acme))).body.status).toBe('IN_PROGRESS');
    }
    clock.advance(45_000);
    expect((await request(app).get(path).set(bearer(TOKENS.acme))).body.status).toBe('COMPLETED');
  });

  it('duplicate creates are accepted by default (Cisco documents no 409): two reports, two ids', async () => {
    const { app } = webexApp(guard);
    const body = { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31', type: 'CUSTOMER' };
    const a = await createReport(app, body);
    const b = await createReport(app, body);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.id).not.toBe(b.body.id);
    expect(app.sim.kernel.jobs.list()).toHaveLength(2);
    // QA still gets a 409 on demand from a fault rule, with nothing stored.
    app.sim.kernel.faults.add({
      match: { method: 'POST', path: WHOLESALE },
      effect: { status: 409 },
      times: 1,
    });
    expectWebexError(await createReport(app, body), 409);
    expect(app.sim.kernel.jobs.list()).toHaveLength(2);
  });

  it('deleting an IN_PROGRESS report is accepted by default (Cisco documents no 423)', async () => {
    const { app } = webexApp(guard, { generation: { kind: 'manual' } });
    const r = await createReport(app, { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    expect((await request(app).delete(`${WHOLESALE}/${r.body.id}`).set(bearer(TOKENS.acme))).status).toBe(
      204,
    );
    expect(app.sim.kernel.jobs.list()).toHaveLength(0);
  });

  it('scenario option duplicateCreate409: 409 on a duplicate create while IN_PROGRESS or COMPLETED', async () => {
    const { app } = webexApp(guard, { duplicateCreate409: true });
    const body = { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31', type: 'CUSTOMER' };
    const first = await createReport(app, body);
    const before = storeSnapshot(app);
    const dup = await createReport(app, body);
    expectWebexError(dup, 409, /already exists \(IN_PROGRESS\)/);
    expect(dup.body.message).toContain(first.body.id);
    expect(storeSnapshot(app)).toBe(before);
    await pollUntilDone(app, `${WHOLESALE}/${first.body.id}`, TOKENS.acme);
    expectWebexError(await createReport(app, body), 409, /COMPLETED/);
    // other type, other partner: no conflict
    expect((await createReport(app, { ...body, type: 'USER' })).status).toBe(200);
    expect((await createReport(app, body, TOKENS.globex)).status).toBe(200);

    const off = webexApp(guard, { duplicateCreate409: false }).app;
    expect((await createReport(off, body)).status).toBe(200);
    expect((await createReport(off, body)).status).toBe(200);
  });

  it('scenario option lockDeleteInProgress423: 423 with Retry-After while IN_PROGRESS; 204 once finished', async () => {
    const { app, clock } = webexApp(guard, {
      generation: { kind: 'time', ms: 90_000 },
      lockDeleteInProgress423: true,
    });
    const created = await createReport(app, { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    const path = `${WHOLESALE}/${created.body.id}`;
    clock.advance(30_000);
    const before = storeSnapshot(app);
    const locked = await request(app).delete(path).set(bearer(TOKENS.acme));
    expectWebexError(locked, 423, /IN_PROGRESS/);
    expect(locked.headers['retry-after']).toBe('60');
    expect(storeSnapshot(app)).toBe(before);
    clock.advance(60_000);
    const deleted = await request(app).delete(path).set(bearer(TOKENS.acme));
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(deleted.headers.trackingid).toBeTruthy();
    expectWebexError(await request(app).get(path).set(bearer(TOKENS.acme)), 404, /Billing Report not found/);
    expectWebexError(await request(app).delete(path).set(bearer(TOKENS.acme)), 404);

    const fixed = webexApp(guard, {
      generation: { kind: 'manual' },
      lockDeleteInProgress423: true,
      lockRetryAfterSeconds: 7,
    }).app;
    const r = await createReport(fixed, { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    const l = await request(fixed).delete(`${WHOLESALE}/${r.body.id}`).set(bearer(TOKENS.acme));
    expectWebexError(l, 423);
    expect(l.headers['retry-after']).toBe('7');

    const off = webexApp(guard, { lockDeleteInProgress423: false, generation: { kind: 'manual' } }).app;
    const o = await createReport(off, { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    expect((await request(off).delete(`${WHOLESALE}/${o.body.id}`).set(bearer(TOKENS.acme))).status).toBe(
      204,
    );
    expect(off.sim.kernel.jobs.list()).toEqual([]);
  });
});

describe('webex wholesale billing reports: identity and tenancy', () => {
  it('401 without or with an unknown token, 403 without the scope', async () => {
    const { app } = webexApp(guard);
    const before = storeSnapshot(app);
    const body = { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' };
    expectWebexError(await request(app).get(WHOLESALE), 401, /access token/);
    expectWebexError(await request(app).post(WHOLESALE).send(body), 401);
    expectWebexError(await request(app).get(WHOLESALE).set(bearer('not-a-token')), 401);
    expectWebexError(await request(app).get(WHOLESALE).set('Authorization', 'Basic YWJjOmRlZg=='), 401);
    expectWebexError(
      await createReport(app, body, TOKENS.acmeWholesaleRo),
      403,
      /wholesale_billing_reports_write/,
    );
    expectWebexError(
      await request(app).get(WHOLESALE).set(bearer(TOKENS.acmeWholesaleWo)),
      403,
      /wholesale_billing_reports_read/,
    );
    expectWebexError(await request(app).get(WHOLESALE).set(bearer(TOKENS.acmeBroadworksRw)), 403);
    expectWebexError(await createReport(app, body, TOKENS.acmeNone), 403);
    expect(storeSnapshot(app)).toBe(before);
    // the write-only token may create and delete, the read-only one may read
    const created = await createReport(app, body, TOKENS.acmeWholesaleWo);
    expect(created.status).toBe(200);
    expectWebexError(
      await request(app).get(`${WHOLESALE}/${created.body.id}`).set(bearer(TOKENS.acmeWholesaleWo)),
      403,
    );
    expect(
      (await request(app).get(`${WHOLESALE}/${created.body.id}`).set(bearer(TOKENS.acmeWholesaleRo))).status,
    ).toBe(200);
    expectWebexError(
      await request(app).delete(`${WHOLESALE}/${created.body.id}`).set(bearer(TOKENS.acmeWholesaleRo)),
      403,
    );
  });

  it("another partner's report is a 404, and lists show only the caller's reports", async () => {
    const { app } = webexApp(guard, { generation: { kind: 'immediate' } });
    const acme = await createReport(app, { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' });
    const globex = await createReport(
      app,
      { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' },
      TOKENS.globex,
    );
    const before = storeSnapshot(app);
    expectWebexError(await request(app).get(`${WHOLESALE}/${acme.body.id}`).set(bearer(TOKENS.globex)), 404);
    expectWebexError(
      await request(app).delete(`${WHOLESALE}/${acme.body.id}`).set(bearer(TOKENS.globex)),
      404,
    );
    expect(storeSnapshot(app)).toBe(before);
    const globexList = await request(app).get(WHOLESALE).set(bearer(TOKENS.globex));
    expect(globexList.body.items.map((i: { id: string }) => i.id)).toEqual([globex.body.id]);
    // a BroadWorks-scoped path with a wholesale id is not found either
    expectWebexError(
      await request(app).get(`/v1/broadworks/billing/reports/${acme.body.id}`).set(bearer(TOKENS.acme)),
      404,
    );
    const unknown = encodeId('BILLING_REPORT', '00000000-0000-4000-8000-000000000000');
    expectWebexError(await request(app).get(`${WHOLESALE}/${unknown}`).set(bearer(TOKENS.acme)), 404);
    expectWebexError(
      await request(app).get(`${WHOLESALE}/not-a-report-id`).set(bearer(TOKENS.acme)),
      400,
      /^id /,
    );
    expectWebexError(
      await request(app)
        .get(`${WHOLESALE}/${encodeId('PEOPLE', '00000000-0000-4000-8000-000000000000')}`)
        .set(bearer(TOKENS.acme)),
      400,
    );
  });
});

describe('webex wholesale billing reports: input validation', () => {
  const today = '2026-03-15';
  const cases: [string, unknown, RegExp][] = [
    ['missing start', { billingEndDate: '2026-01-31' }, /^billingStartDate is required/],
    ['missing end', { billingStartDate: '2026-01-01' }, /^billingEndDate is required/],
    ['empty body', {}, /^billingStartDate is required/],
    [
      'bad format',
      { billingStartDate: '01/01/2026', billingEndDate: '2026-01-31' },
      /^billingStartDate must be a date/,
    ],
    [
      'impossible date',
      { billingStartDate: '2026-02-30', billingEndDate: '2026-03-01' },
      /^billingStartDate must be a date/,
    ],
    [
      'number',
      { billingStartDate: 20260101, billingEndDate: '2026-01-31' },
      /^billingStartDate must be a date/,
    ],
    [
      'today',
      { billingStartDate: '2026-03-01', billingEndDate: today },
      /^billingEndDate must be before today \(2026-03-15\)/,
    ],
    [
      'future',
      { billingStartDate: '2026-04-01', billingEndDate: '2026-04-02' },
      /^billingStartDate must be before today/,
    ],
    [
      'older than five years',
      { billingStartDate: '2021-03-14', billingEndDate: '2021-03-31' },
      /^billingStartDate must be within the last five years \(on or after 2021-03-15\)/,
    ],
    [
      'start after end',
      { billingStartDate: '2026-02-10', billingEndDate: '2026-02-01' },
      /^billingStartDate must be on or before billingEndDate/,
    ],
    [
      'bad type',
      { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31', type: 'partner' },
      /^type must be one of PARTNER, CUSTOMER, USER/,
    ],
    [
      'bad internal',
      { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31', internal: 'yes' },
      /^internal must be a boolean/,
    ],
    [
      'bad subPartnerOrgId',
      { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31', subPartnerOrgId: 'abc' },
      /^subPartnerOrgId must be a Webex organization id/,
    ],
    [
      'foreign subPartnerOrgId',
      {
        billingStartDate: '2026-01-01',
        billingEndDate: '2026-01-31',
        subPartnerOrgId: encodeId('ORGANIZATION', '9f2d1c3b-7a6e-4b5d-8c4f-3e2a1b0c9d8e'),
      },
      /^subPartnerOrgId is not a sub-partner/,
    ],
    ['array body', [{ billingStartDate: '2026-01-01' }], /JSON object/],
  ];
  for (const [name, body, message] of cases) {
    it(`400 on ${name}, naming the field, with nothing stored`, async () => {
      const { app } = webexApp(guard);
      const before = storeSnapshot(app);
      const res = await request(app)
        .post(WHOLESALE)
        .set(bearer(TOKENS.acme))
        .send(body as object);
      expectWebexError(res, 400, message);
      expect(storeSnapshot(app)).toBe(before);
    });
  }

  it('reports every problem in errors[] and accepts the oldest and newest allowed days', async () => {
    const { app } = webexApp(guard);
    const res = await createReport(app, {
      billingStartDate: 'x',
      billingEndDate: 'y',
      type: 'Z',
      internal: 1,
    });
    expectWebexError(res, 400, /^billingStartDate/);
    expect(res.body.errors.map((e: { description: string }) => e.description.split(' ')[0])).toEqual([
      'billingStartDate',
      'billingEndDate',
      'type',
      'internal',
    ]);
    const ok = await createReport(app, { billingStartDate: '2021-03-15', billingEndDate: '2026-03-14' });
    expect(ok.status).toBe(200);
    expect(ok.body.type).toBe('PARTNER');
  });

  it('400 on malformed JSON, 413 on an oversize body, 415 on a non-JSON body; nothing stored', async () => {
    const { app } = webexApp(guard);
    const before = storeSnapshot(app);
    const malformed = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .set('Content-Type', 'application/json')
      .send('{"billingStartDate": "2026-01-01",');
    expectWebexError(malformed, 400, /not valid JSON/);
    const big = { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31', padding: 'x'.repeat(70_000) };
    expectWebexError(await createReport(app, big), 413, /exceeds the limit/);
    const text = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .set('Content-Type', 'text/plain')
      .send('billingStartDate=2026-01-01');
    expectWebexError(text, 415, /application\/json/);
    expect(storeSnapshot(app)).toBe(before);
  });

  it('400 on bad list filters, naming the parameter', async () => {
    const { app } = webexApp(guard);
    const bad: [Record<string, string>, RegExp][] = [
      [{ billingStartDate: '2026-1-1' }, /^billingStartDate must be a date/],
      [{ billingEndDate: 'yesterday' }, /^billingEndDate must be a date/],
      [
        { billingEndDate: '2026-01-01T00:00:00' },
        /^billingEndDate must be a date \(YYYY-MM-DD\) or an ISO 8601 date-time/,
      ],
      [{ type: 'RESELLER' }, /^type must be one of/],
      [{ status: 'DONE' }, /^status must be one of IN_PROGRESS, COMPLETED, FAILED/],
      [{ sortBy: 'created' }, /^sortBy must be one of/],
      [{ max: '0' }, /^max must be a positive integer/],
      [{ max: 'ten' }, /^max must be a positive integer/],
      [{ subPartnerOrgId: '!!' }, /^subPartnerOrgId/],
      [{ cursor: 'garbage' }, /^cursor/],
    ];
    for (const [query, message] of bad) {
      expectWebexError(await request(app).get(WHOLESALE).query(query).set(bearer(TOKENS.acme)), 400, message);
    }
    expectWebexError(
      await request(app).get(`${WHOLESALE}?type=USER&type=PARTNER`).set(bearer(TOKENS.acme)),
      400,
      /^type/,
    );
  });
});
