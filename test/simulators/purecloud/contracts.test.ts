import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { contractGuard } from '../../support/contract-guard.js';
import { type App, expectErrorBody, login, makeApp } from './helpers.js';

const guard = contractGuard();
const BASE = '/api/v2/billing/contracts';

interface Listing {
  entities: { id: string; [k: string]: unknown }[];
  nextUri?: string;
  previousUri?: string;
  selfUri: string;
}

async function get(app: App, bearer: string, uri: string) {
  return request(app).get(uri).set('Authorization', bearer);
}

/** Follows nextUri to the end, then previousUri back to the start. */
async function walk(app: App, bearer: string, first: string) {
  const forward: Listing[] = [];
  let uri: string | undefined = first;
  while (uri) {
    const res = await get(app, bearer, uri);
    expect(res.status).toBe(200);
    forward.push(res.body);
    uri = res.body.nextUri;
  }
  const backward: Listing[] = [];
  uri = forward[forward.length - 1]?.previousUri;
  while (uri) {
    const res = await get(app, bearer, uri);
    backward.unshift(res.body);
    uri = res.body.previousUri;
  }
  return { forward, backward };
}

const ids = (pages: Listing[]) => pages.flatMap((p) => p.entities.map((e) => e.id));

describe('purecloud preview contracts and invoices', () => {
  it('walks every invoice page forward and back with no gaps or duplicates', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const all = (await get(app, bearer, `${BASE}/invoices?pageSize=200`)).body as Listing;
    expect(all.nextUri).toBeUndefined();
    expect(all.previousUri).toBeUndefined();
    expect(all.entities.length).toBeGreaterThan(20);
    const { forward, backward } = await walk(app, bearer, `${BASE}/invoices?pageSize=7`);
    expect(ids(forward)).toEqual(ids([all]));
    expect(new Set(ids(forward)).size).toBe(all.entities.length);
    expect(forward.every((p) => p.entities.length <= 7)).toBe(true);
    expect(forward[0]!.previousUri).toBeUndefined();
    // Walking back from the last page visits the earlier pages again.
    expect([...ids(backward), ...forward[forward.length - 1]!.entities.map((e) => e.id)]).toEqual(ids([all]));
    // Newest first.
    const dates = all.entities.map((e) => e.dateInvoiced as string);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('walks contracts and invoice lines too, and pages keep their filters', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const every = (await get(app, bearer, `${BASE}?pageSize=10`)).body as Listing;
    expect(every.entities.length).toBeGreaterThan(1);
    const contracts = await walk(app, bearer, `${BASE}?pageSize=1`);
    expect(ids(contracts.forward)).toEqual(ids([every]));
    const active = await walk(app, bearer, `${BASE}?pageSize=1&status=Active`);
    expect(active.forward.every((p) => p.entities.every((e) => e.status === 'Active'))).toBe(true);
    expect(active.forward[0]!.selfUri).toContain('status=Active');
    const inactive = await walk(app, bearer, `${BASE}?pageSize=1&status=Inactive`);
    if (inactive.forward.length > 1) expect(inactive.forward[0]!.nextUri).toContain('status=Inactive');
    const invoice = (await get(app, bearer, `${BASE}/invoices?pageSize=1`)).body.entities[0];
    const lines = await walk(app, bearer, `${BASE}/invoices/${invoice.id}/lines?pageSize=1`);
    const all = (await get(app, bearer, `${BASE}/invoices/${invoice.id}/lines`)).body as Listing;
    expect(ids(lines.forward)).toEqual(ids([all]));
  });

  it('invoice amounts are the sum of their lines, lines are quantity × rate', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'contoso-billing');
    const invoices = (await get(app, bearer, `${BASE}/invoices?pageSize=5`)).body.entities;
    for (const inv of invoices) {
      const lines = (await get(app, bearer, `${BASE}/invoices/${inv.id}/lines?pageSize=200`)).body.entities;
      expect(lines.length).toBeGreaterThan(0);
      const cents = lines.reduce((s: number, l: { amount: number }) => s + Math.round(l.amount * 100), 0);
      expect(Math.round(inv.amount * 100)).toBe(cents);
      expect(inv.currencyIsoCode).toBe('USD');
      expect(typeof inv.amount).toBe('number');
    }
  });

  it('period details compute overage from prepaid, fair use and actual quantities', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'contoso-billing');
    const contracts = (await get(app, bearer, `${BASE}?pageSize=10`)).body.entities;
    let checked = 0;
    for (const c of contracts) {
      const one = await get(app, bearer, `${BASE}/${c.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(c);
      const closed = c.billingPeriods.find((p: { status: string }) => p.status === 'Closed');
      if (!closed) continue;
      const detail = await get(app, bearer, `${BASE}/${c.id}/billingperiods/${closed.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({
        id: closed.id,
        dateStart: closed.dateStart,
        status: 'Closed',
      });
      // Contoso is token-based: one wallet whose balance moves with its token charges.
      expect(detail.body.wallets).toHaveLength(1);
      const [wallet] = detail.body.wallets;
      expect(wallet.endingBalance).toBe(
        wallet.startingBalance + wallet.balanceIncrease - wallet.balanceDecrease,
      );
      expect(wallet.balanceConsumption).toBe(wallet.balanceDecrease + wallet.balanceOverage);
      const converted = detail.body.charges.filter(
        (ch: { convertedTokenCount?: number }) => ch.convertedTokenCount !== undefined,
      );
      expect(converted.length).toBeGreaterThan(0);
      expect(
        converted.reduce(
          (sum: number, ch: { convertedTokenCount: number }) => sum + ch.convertedTokenCount,
          0,
        ),
      ).toBe(wallet.balanceConsumption);
      for (const ch of detail.body.charges) {
        expect(ch.overageQuantity).toBe(
          Math.max(0, ch.actualQuantity - ch.prepaidQuantity - ch.fairuseQuantity),
        );
        expect(Math.round(ch.overageCharge * 100)).toBe(
          Math.round(ch.overageQuantity * ch.overageRate * 100),
        );
        expect(ch.overageCurrency).toBe('USD');
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    // Periods only exist up to now: the open one is the current month.
    const periods = contracts.flatMap(
      (c: { billingPeriods: { status: string; dateStart: string }[] }) => c.billingPeriods,
    );
    expect(
      periods
        .filter((p: { status: string }) => p.status === 'Open')
        .every((p: { dateStart: string }) => p.dateStart === '2026-03-01'),
    ).toBe(true);
  });

  it('filters by status, dates, externalNumber and paymentStatus (UnPaid → Unpaid)', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const all = (await get(app, bearer, `${BASE}?pageSize=10`)).body.entities;
    const inactive = (await get(app, bearer, `${BASE}?status=Inactive`)).body.entities;
    const active = (await get(app, bearer, `${BASE}?status=Active`)).body.entities;
    // Consecutive contracts: exactly one is in force, the others have ended.
    expect(active).toHaveLength(1);
    expect(inactive.length + active.length).toBe(all.length);
    expect(inactive.every((c: { status: string }) => c.status === 'Inactive')).toBe(true);
    const one = (await get(app, bearer, `${BASE}?externalNumber=${all[0].externalNumber}`)).body.entities;
    expect(one.map((c: { id: string }) => c.id)).toEqual([all[0].id]);
    const unpaid = (await get(app, bearer, `${BASE}/invoices?paymentStatus=UnPaid&pageSize=200`)).body
      .entities;
    const paid = (await get(app, bearer, `${BASE}/invoices?paymentStatus=Paid&pageSize=200`)).body.entities;
    const every = (await get(app, bearer, `${BASE}/invoices?pageSize=200`)).body.entities;
    expect(unpaid.length).toBeGreaterThan(0);
    expect(unpaid.every((i: { paymentStatus: string }) => i.paymentStatus === 'Unpaid')).toBe(true);
    expect(paid.length + unpaid.length).toBe(every.length);
    const feb = (await get(app, bearer, `${BASE}/invoices?dateStart=2026-02-01&dateEnd=2026-02-28`)).body
      .entities;
    expect(feb.length).toBeGreaterThan(0);
    expect(feb.every((i: { dateInvoiced: string }) => i.dateInvoiced.startsWith('2026-02'))).toBe(true);
    const old = (await get(app, bearer, `${BASE}?dateEnd=2023-12-31`)).body.entities;
    expect(old).toEqual([]);
  });

  it('rejects bad paging and filter parameters', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const first = (await get(app, bearer, `${BASE}/invoices?pageSize=2`)).body as Listing;
    const after = new URL(first.nextUri!, 'http://x').searchParams.get('after')!;
    const cases: [string, string][] = [
      [`${BASE}?pageSize=11`, 'invalid.query.param.value'],
      [`${BASE}?pageSize=200`, 'invalid.query.param.value'],
      [`${BASE}/invoices?pageSize=201`, 'invalid.query.param.value'],
      [`${BASE}?pageSize=0`, 'invalid.query.param.value'],
      [`${BASE}?pageSize=ten`, 'invalid.query.param.value'],
      [`${BASE}?after=${after}&before=${after}`, 'bad.request'],
      [`${BASE}?after=${after}`, 'invalid.query.param.value'],
      [`${BASE}/invoices?before=not*a*cursor`, 'invalid.query.param.value'],
      [`${BASE}?status=active`, 'invalid.query.param.value'],
      [`${BASE}/invoices?paymentStatus=Unpaid`, 'invalid.query.param.value'],
      [`${BASE}?dateStart=2026-02-30`, 'invalid.date'],
      [`${BASE}/invoices?dateEnd=2026-02-01T00:00:00Z`, 'invalid.date'],
      [`${BASE}?dateStart=2026-03-01&dateEnd=2026-02-01`, 'invalid.value'],
      [`${BASE}?externalNumber=a&externalNumber=b`, 'invalid.query.param.value'],
      [`${BASE}/invoices?pageSize=2&pageSize=3`, 'invalid.query.param.value'],
      [`${BASE}/invoices/${first.entities[0]!.id}/lines?pageSize=500`, 'invalid.query.param.value'],
      [`${BASE}/invoices/${first.entities[0]!.id}/lines?after=${after}`, 'invalid.query.param.value'],
    ];
    for (const [uri, code] of cases) expectErrorBody(await get(app, bearer, uri), 400, code);
    expect((await get(app, bearer, `${BASE}?pageSize=10`)).status).toBe(200);
    expect((await get(app, bearer, `${BASE}/invoices?pageSize=200`)).status).toBe(200);
    // The default contract page is within SDK 262's maximum of 10.
    expect((await get(app, bearer, BASE)).body.selfUri).toContain('pageSize=10');
  });

  it('answers 404 for unknown ids and keeps orgs apart', async () => {
    const app = makeApp(guard);
    const northwind = await login(app, 'northwind-billing');
    const contoso = await login(app, 'contoso-billing');
    const contract = (await get(app, northwind, `${BASE}?pageSize=1`)).body.entities[0];
    const invoice = (await get(app, northwind, `${BASE}/invoices?pageSize=1`)).body.entities[0];
    const period = contract.billingPeriods[0];
    for (const uri of [
      `${BASE}/${contract.id}`,
      `${BASE}/${contract.id}/billingperiods/${period.id}`,
      `${BASE}/invoices/${invoice.id}/lines`,
      `${BASE}/invoices/${invoice.id}/document`,
    ]) {
      expect((await get(app, northwind, uri)).status).toBe(200);
      expectErrorBody(await get(app, contoso, uri), 404, 'not.found');
    }
    const theirs = ids([(await get(app, contoso, `${BASE}/invoices?pageSize=200`)).body]);
    expect(theirs).not.toContain(invoice.id);
    expectErrorBody(await get(app, northwind, `${BASE}/nope`), 404, 'not.found');
    expectErrorBody(
      await get(app, northwind, `${BASE}/${contract.id}/billingperiods/nope`),
      404,
      'not.found',
    );
    expectErrorBody(await get(app, northwind, `${BASE}/invoices/nope/lines`), 404, 'not.found');
    expectErrorBody(await get(app, northwind, `${BASE}/invoices/nope/document`), 404, 'not.found');
  });

  it('gives a document link, and needs billing:subscription:view', async () => {
    const app = makeApp(guard, { documentBaseUrl: 'https://docs.example.test/' });
    const bearer = await login(app, 'northwind-billing');
    const invoice = (await get(app, bearer, `${BASE}/invoices?pageSize=1`)).body.entities[0];
    const doc = await get(app, bearer, `${BASE}/invoices/${invoice.id}/document`);
    const url = new URL(doc.body.url);
    expect(url.origin).toBe('https://docs.example.test');
    expect(url.pathname).toBe(`/documents/invoices/${invoice.id}.pdf`);
    expect(url.searchParams.get('signature')).toBeTruthy();
    const reader = await login(app, 'northwind-usage-reader');
    for (const uri of [BASE, `${BASE}/invoices`, `${BASE}/invoices/${invoice.id}/document`]) {
      const res = await get(app, reader, uri);
      expectErrorBody(res, 403, 'missing.permissions');
      expect(res.body.messageParams).toEqual({ permissions: '[billing:subscription:view]' });
    }
  });

  it('shows new invoices and payments as the clock moves', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'contoso-billing');
    const before = (await get(app, bearer, `${BASE}/invoices?pageSize=200`)).body.entities;
    app.sim.kernel.clock.set(Date.parse('2026-05-10T00:00:00Z'));
    // The first token expired on the way.
    const fresh = await login(app, 'contoso-billing');
    const later = (await get(app, fresh, `${BASE}/invoices?pageSize=200`)).body.entities;
    expect(later.length).toBeGreaterThan(before.length);
    const same = later.find((i: { id: string }) => i.id === before[0].id);
    expect(same.paymentStatus).toBe('Paid');
  });
});
