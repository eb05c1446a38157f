import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { dayOf, formatDay } from '../../../simulators/webex/data/dates.js';
import { contractGuard } from '../../support/contract-guard.js';
import { bearer, CLOCK_START, TOKENS, WHOLESALE, webexApp } from './helpers.js';

const guard = contractGuard();

function nextLink(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^<([^>]+)>; rel="next"$/.exec(header);
  expect(m, `Link header "${header}"`).not.toBeNull();
  return m![1];
}

describe('webex wholesale list pagination', () => {
  it('250 reports, max=100: three pages through Link next, no duplicates, no gaps, filters kept', async () => {
    const { app } = webexApp(guard, { generation: { kind: 'immediate' } });
    const today = dayOf(Date.parse(CLOCK_START));
    const created: string[] = [];
    for (let i = 0; i < 250; i++) {
      const start = formatDay(today - 2 - i);
      const res = await request(app)
        .post(WHOLESALE)
        .set(bearer(TOKENS.acme))
        .send({ billingStartDate: start, billingEndDate: start, type: 'CUSTOMER' });
      expect(res.status).toBe(200);
      created.push(res.body.id);
    }
    // Noise that the filters must keep out of every page.
    for (let i = 0; i < 5; i++) {
      const start = formatDay(today - 2 - i);
      await request(app)
        .post(WHOLESALE)
        .set(bearer(TOKENS.acme))
        .send({ billingStartDate: start, billingEndDate: start, type: 'USER' })
        .expect(200);
    }
    await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.globex))
      .send({ billingStartDate: '2026-01-01', billingEndDate: '2026-01-01', type: 'CUSTOMER' })
      .expect(200);

    const seen: string[] = [];
    const pages: number[] = [];
    let path: string | undefined = `${WHOLESALE}?type=CUSTOMER&status=COMPLETED&max=100`;
    while (path) {
      const res = await request(app).get(path).set(bearer(TOKENS.acme));
      expect(res.status).toBe(200);
      pages.push(res.body.items.length);
      for (const item of res.body.items) {
        expect(item.type).toBe('CUSTOMER');
        expect(item.status).toBe('COMPLETED');
        seen.push(item.id);
      }
      const next = nextLink(res.headers.link);
      if (next) {
        const url = new URL(next);
        expect(url.pathname).toBe(WHOLESALE);
        expect(url.searchParams.get('type')).toBe('CUSTOMER');
        expect(url.searchParams.get('status')).toBe('COMPLETED');
        expect(url.searchParams.get('max')).toBe('100');
        expect(url.searchParams.get('cursor')).toBeTruthy();
        path = `${url.pathname}${url.search}`;
      } else path = undefined;
      expect(pages.length).toBeLessThanOrEqual(3);
    }
    expect(pages).toEqual([100, 100, 50]);
    expect(new Set(seen).size).toBe(250);
    expect(new Set(seen)).toEqual(new Set(created));
    // default sort: billingStartDate ascending, so the oldest report comes first
    expect(seen[0]).toBe(created[249]);
    expect(seen[249]).toBe(created[0]);
  });

  it('clamps max above 100, defaults to 100, and keeps sortBy in the next link', async () => {
    const { app } = webexApp(guard, { generation: { kind: 'immediate' } });
    const today = dayOf(Date.parse(CLOCK_START));
    for (let i = 0; i < 130; i++) {
      const start = formatDay(today - 2 - i);
      await request(app)
        .post(WHOLESALE)
        .set(bearer(TOKENS.acme))
        .send({ billingStartDate: start, billingEndDate: start })
        .expect(200);
    }
    const clamped = await request(app).get(`${WHOLESALE}?max=500&sortBy=id`).set(bearer(TOKENS.acme));
    expect(clamped.body.items).toHaveLength(100);
    const next = new URL(nextLink(clamped.headers.link)!);
    expect(next.searchParams.get('max')).toBe('100');
    expect(next.searchParams.get('sortBy')).toBe('id');
    const rest = await request(app).get(`${next.pathname}${next.search}`).set(bearer(TOKENS.acme));
    expect(rest.body.items).toHaveLength(30);
    expect(rest.headers.link).toBeUndefined();
    const ids = [...clamped.body.items, ...rest.body.items].map((i: { id: string }) => i.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(130);

    const byDefault = await request(app).get(WHOLESALE).set(bearer(TOKENS.acme));
    expect(byDefault.body.items).toHaveLength(100);
    expect(byDefault.headers.link).toBeDefined();
    const small = await request(app).get(`${WHOLESALE}?max=7`).set(bearer(TOKENS.acme));
    expect(small.body.items).toHaveLength(7);
    // a cursor made for another sort order is refused
    const wrongSort = new URL(nextLink(small.headers.link)!);
    wrongSort.searchParams.set('sortBy', 'status');
    const refused = await request(app)
      .get(`${wrongSort.pathname}${wrongSort.search}`)
      .set(bearer(TOKENS.acme));
    expect(refused.status).toBe(400);
  });
});
