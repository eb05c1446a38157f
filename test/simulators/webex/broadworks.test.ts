import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { decodeId } from '../../../simulators/webex/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import {
  BROADWORKS,
  bearer,
  checkedCsv,
  download,
  expectCdnError,
  expectWebexError,
  pollUntilDone,
  storeSnapshot,
  TOKENS,
  webexApp,
} from './helpers.js';

const guard = contractGuard();

describe('webex BroadWorks billing reports', () => {
  it('create → poll → COMPLETED → download → CSV whose levels add up', async () => {
    const { app } = webexApp(guard);
    const created = await request(app)
      .post(BROADWORKS)
      .set(bearer(TOKENS.acmeBroadworksRw))
      .send({ billingPeriod: '2026-02' });
    expect(created.status).toBe(200);
    expect(Object.keys(created.body)).toEqual(['id']);
    expect(decodeId('BILLING_REPORT', created.body.id)).toBeDefined();
    const path = `${BROADWORKS}/${created.body.id}`;
    const first = await request(app).get(path).set(bearer(TOKENS.acmeBroadworksRo));
    expect(first.body).toMatchObject({
      id: created.body.id,
      billingPeriod: '2026-02',
      status: 'IN_PROGRESS',
    });
    const done = await pollUntilDone(app, path, TOKENS.acmeBroadworksRo);
    expect(done.body.status).toBe('COMPLETED');
    expect(new URL(done.body.tempDownloadURL).pathname).toMatch(
      /^\/1eb65fdf-9643-417f-9974-ad72cae0e10f\/2026\/03\/15\/[0-9a-f-]{36}\.csv$/,
    );
    const file = await download(app, done.body.tempDownloadURL);
    expect(file.status).toBe(200);
    const rows = checkedCsv('webex-broadworks', file.body as Buffer);
    const users = rows.filter((r) => r.recordType === 'USER');
    const customers = rows.filter((r) => r.recordType === 'CUSTOMER');
    const partner = rows.filter((r) => r.recordType === 'PARTNER');
    expect(users.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.billingPeriod === '2026-02')).toBe(true);
    for (const u of users) {
      expect(u.firstActiveDate! >= '2026-02-01' && u.lastActiveDate! <= '2026-02-28').toBe(true);
      expect(Number(u.billableDays)).toBeLessThanOrEqual(28);
    }
    for (const c of customers) {
      const mine = users.filter((u) => u.customerOrgId === c.customerOrgId && u.package === c.package);
      expect(mine.length).toBe(Number(c.quantity));
      expect(mine.reduce((a, u) => a + Number(u.billableDays), 0)).toBe(Number(c.billableDays));
    }
    for (const p of partner) {
      const mine = customers.filter((c) => c.package === p.package);
      expect(mine.reduce((a, c) => a + Number(c.quantity), 0)).toBe(Number(p.quantity));
      expect(mine.reduce((a, c) => a + Number(c.billableDays), 0)).toBe(Number(p.billableDays));
    }
    expect(partner.reduce((a, p) => a + Number(p.quantity), 0)).toBe(users.length);
    // partner rows come last
    expect(rows.slice(-partner.length).every((r) => r.recordType === 'PARTNER')).toBe(true);

    const deleted = await request(app).delete(path).set(bearer(TOKENS.acmeBroadworksRw));
    expect(deleted.status).toBe(204);
    expectCdnError(await download(app, done.body.tempDownloadURL), 404, 'NoSuchKey');
  });

  it('lists with before/after (YYYY-MM and ISO date-times) and sortBy', async () => {
    const { app, clock } = webexApp(guard, { generation: { kind: 'immediate' } });
    const create = async (billingPeriod: string) =>
      (await request(app).post(BROADWORKS).set(bearer(TOKENS.acme)).send({ billingPeriod })).body
        .id as string;
    const jan = await create('2026-01'); // created 2026-03-15T10:00Z
    clock.advance(20 * 86_400_000);
    const nov = await create('2025-11'); // created 2026-04-04T10:00Z
    clock.advance(40 * 86_400_000);
    const dec = await create('2025-12'); // created 2026-05-14T10:00Z
    const ids = async (query: Record<string, string>) =>
      (await request(app).get(BROADWORKS).query(query).set(bearer(TOKENS.acme))).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await ids({})).toEqual([nov, dec, jan]);
    expect(await ids({ after: '2026-04' })).toEqual([nov, dec]);
    expect(await ids({ before: '2026-04' })).toEqual([jan]);
    expect(await ids({ after: '2026-03-15T10:00:00Z', before: '2026-05-01T00:00:00.000+02:00' })).toEqual([
      nov,
    ]);
    expect(await ids({ after: '2026-04-04' })).toEqual([nov, dec]);
    expect(await ids({ sortBy: 'id' })).toEqual([jan, nov, dec].sort());
    const items = (await request(app).get(BROADWORKS).set(bearer(TOKENS.acme))).body.items;
    expect(items[0]).toEqual({ id: nov, billingPeriod: '2025-11', status: 'COMPLETED' });
    for (const [query, message] of [
      [{ before: 'March' }, /^before must be YYYY-MM/],
      [{ after: '2026-13' }, /^after must be/],
      [{ sortBy: 'created' }, /^sortBy must be one of id, status, billingPeriod/],
    ] as const) {
      expectWebexError(
        await request(app).get(BROADWORKS).query(query).set(bearer(TOKENS.acme)),
        400,
        message,
      );
    }
  });

  it('validates billingPeriod (400 naming it), 409 on a duplicate month (scenario option), nothing stored when rejected', async () => {
    const { app } = webexApp(guard, { duplicateCreate409: true, lockDeleteInProgress423: true });
    const before = storeSnapshot(app);
    for (const [body, message] of [
      [{}, /^billingPeriod is required/],
      [{ billingPeriod: '2026-1' }, /^billingPeriod must be a month in the format YYYY-MM/],
      [{ billingPeriod: '2026-02-01' }, /^billingPeriod must be a month/],
      [{ billingPeriod: 202602 }, /^billingPeriod must be a month/],
      [{ billingPeriod: '2026-03' }, /^billingPeriod must be a month before the current one \(2026-03\)/],
      [{ billingPeriod: '2027-01' }, /^billingPeriod must be a month before/],
      [
        { billingPeriod: '2021-02' },
        /^billingPeriod must be within the last five years \(2021-03 or later\)/,
      ],
    ] as const) {
      expectWebexError(await request(app).post(BROADWORKS).set(bearer(TOKENS.acme)).send(body), 400, message);
    }
    expect(storeSnapshot(app)).toBe(before);
    const first = await request(app)
      .post(BROADWORKS)
      .set(bearer(TOKENS.acme))
      .send({ billingPeriod: '2021-03' });
    expect(first.status).toBe(200);
    const snap = storeSnapshot(app);
    const dup = await request(app)
      .post(BROADWORKS)
      .set(bearer(TOKENS.acme))
      .send({ billingPeriod: '2021-03' });
    expectWebexError(dup, 409, /2021-03 already exists/);
    expect(storeSnapshot(app)).toBe(snap);
    const locked = await request(app).delete(`${BROADWORKS}/${first.body.id}`).set(bearer(TOKENS.acme));
    expectWebexError(locked, 423);
    expect(locked.headers['retry-after']).toBe('10');
    expect(storeSnapshot(app)).toBe(snap);
  });

  it('scopes and tenancy: 401, 403, and 404 for another partner', async () => {
    const { app } = webexApp(guard, { generation: { kind: 'immediate' } });
    expectWebexError(await request(app).get(BROADWORKS), 401);
    expectWebexError(
      await request(app).get(BROADWORKS).set(bearer(TOKENS.acmeWholesaleRw)),
      403,
      /broadworks_billing_reports_read/,
    );
    expectWebexError(
      await request(app)
        .post(BROADWORKS)
        .set(bearer(TOKENS.acmeBroadworksRo))
        .send({ billingPeriod: '2026-01' }),
      403,
      /broadworks_billing_reports_write/,
    );
    const mine = await request(app)
      .post(BROADWORKS)
      .set(bearer(TOKENS.acme))
      .send({ billingPeriod: '2026-01' });
    expectWebexError(await request(app).get(`${BROADWORKS}/${mine.body.id}`).set(bearer(TOKENS.globex)), 404);
    expectWebexError(
      await request(app).delete(`${BROADWORKS}/${mine.body.id}`).set(bearer(TOKENS.globex)),
      404,
    );
    expect((await request(app).get(BROADWORKS).set(bearer(TOKENS.globex))).body.items).toEqual([]);
    // the same month for another partner is no conflict
    expect(
      (await request(app).post(BROADWORKS).set(bearer(TOKENS.globex)).send({ billingPeriod: '2026-01' }))
        .status,
    ).toBe(200);
  });

  it('FAILED reports carry errors', async () => {
    const { app } = webexApp(guard, { failureRate: 1, generation: { kind: 'immediate' } });
    const created = await request(app)
      .post(BROADWORKS)
      .set(bearer(TOKENS.acme))
      .send({ billingPeriod: '2026-01' });
    const got = await request(app).get(`${BROADWORKS}/${created.body.id}`).set(bearer(TOKENS.acme));
    expect(got.body.status).toBe('FAILED');
    expect(got.body.errors).toEqual([{ code: 2050, description: expect.any(String) }]);
    expect(got.body.tempDownloadURL).toBeUndefined();
  });
});
