import type { Express } from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { WebexData } from '../../../simulators/webex/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import {
  BROADWORKS,
  bearer,
  checkedCsv,
  download,
  pollUntilDone,
  TOKENS,
  WHOLESALE,
  webexApp,
} from './helpers.js';

/**
 * Golden data: pinned customers and their packages per day appear exactly in every report
 * (PARTNER, CUSTOMER, USER, BroadWorks), and the reports agree with each other.
 */
const guard = contractGuard();
const ACME = '1eb65fdf-9643-417f-9974-ad72cae0e10f';
const NORTH = '52cf576d-60a8-407a-b22c-467c51591908';

const DATA: WebexData = {
  partners: [
    {
      orgUuid: ACME,
      customers: [
        {
          name: 'Initech',
          packages: [
            { package: 'webex_calling', quantity: 12, from: '2026-01-01' },
            { package: 'webex_calling', quantity: 2, from: '2026-02-15', to: '2026-02-20' },
            { package: 'webex_meetings', quantity: 3, from: '2026-02-10', to: '2026-02-12' },
          ],
          broadworks: [{ package: 'standard', quantity: 5, from: '2026-01-01' }],
        },
        {
          name: 'Hooli',
          subPartnerOrgUuid: NORTH,
          users: [
            {
              email: 'gavin@hooli.example.com',
              packages: [{ package: 'webex_suite', from: '2026-02-03', to: '2026-02-05' }],
              broadworks: { package: 'premium', from: '2026-02-03' },
            },
          ],
        },
      ],
    },
  ],
};

async function rows(app: Express, path: string, body: object, csv: string) {
  const created = await request(app).post(path).set(bearer(TOKENS.acme)).send(body);
  expect(created.status).toBe(200);
  const done = await pollUntilDone(app, `${path}/${created.body.id}`, TOKENS.acme);
  expect(done.body.status).toBe('COMPLETED');
  const file = await download(app, done.body.tempDownloadURL);
  return checkedCsv(csv, file.body as Buffer);
}

const FEB = { billingStartDate: '2026-02-01', billingEndDate: '2026-02-28' };

describe('Webex golden data', () => {
  it('CUSTOMER rows hold exactly the pinned quantities per day; nobody else is there', async () => {
    const { app } = webexApp(guard, { data: DATA });
    const customer = await rows(app, WHOLESALE, { ...FEB, type: 'CUSTOMER' }, 'webex-wholesale-customer');
    expect(customer.map((r) => `${r.customerName} ${r.package} ${r.quantity} ${r.billableDays}`)).toEqual([
      'Initech webex_calling 14 348',
      'Initech webex_meetings 3 9',
      'Hooli webex_suite 1 3',
    ]);
    const calling = customer[0]!.dailyQuantities!.split('|').map(Number);
    expect(calling.slice(0, 14)).toEqual(Array(14).fill(12));
    expect(calling.slice(14, 20)).toEqual(Array(6).fill(14));
    expect(calling.slice(20)).toEqual(Array(8).fill(12));
    expect(customer[2]!.subPartnerOrgId).not.toBe('');
  });

  it('PARTNER totals and USER rows are projections of the same subscriptions', async () => {
    const { app } = webexApp(guard, { data: DATA });
    const customer = await rows(app, WHOLESALE, { ...FEB, type: 'CUSTOMER' }, 'webex-wholesale-customer');
    const partner = await rows(app, WHOLESALE, { ...FEB, type: 'PARTNER' }, 'webex-wholesale-partner');
    const users = await rows(app, WHOLESALE, { ...FEB, type: 'USER' }, 'webex-wholesale-user');
    for (const p of partner) {
      const mine = customer.filter((c) => c.package === p.package);
      expect(Number(p.quantity)).toBe(mine.reduce((s, c) => s + Number(c.quantity), 0));
      expect(Number(p.billableDays)).toBe(mine.reduce((s, c) => s + Number(c.billableDays), 0));
      const held = users.filter((u) => u.package === p.package);
      expect(held.length).toBe(Number(p.quantity));
    }
    expect(users.find((u) => u.userEmail === 'gavin@hooli.example.com')).toMatchObject({
      package: 'webex_suite',
      firstActiveDate: '2026-02-03',
      lastActiveDate: '2026-02-05',
      billableDays: '3',
    });
  });

  it('the BroadWorks report of the month shows the pinned BroadWorks seats', async () => {
    const { app } = webexApp(guard, { data: DATA });
    const bw = await rows(app, BROADWORKS, { billingPeriod: '2026-02' }, 'webex-broadworks');
    const totals = bw.filter((r) => r.recordType === 'CUSTOMER');
    expect(totals.map((r) => `${r.customerName} ${r.package} ${r.quantity} ${r.billableDays}`)).toEqual([
      'Initech standard 5 140',
      'Hooli premium 1 26',
    ]);
    expect(bw.filter((r) => r.recordType === 'USER')).toHaveLength(6);
  });

  it('nothing pinned is seen before it happened: a report up to yesterday leaves out what starts today', async () => {
    // The clock says 2026-03-15: a report may end on 2026-03-14 at the latest.
    const { app } = webexApp(guard, {
      data: {
        partners: [
          {
            orgUuid: ACME,
            customers: [
              {
                name: 'Soon',
                packages: [
                  { package: 'webex_voice', quantity: 2, from: '2026-03-01' },
                  { package: 'webex_calling', quantity: 9, from: '2026-03-15' },
                ],
              },
            ],
          },
        ],
      },
    });
    const march = await rows(
      app,
      WHOLESALE,
      { billingStartDate: '2026-03-01', billingEndDate: '2026-03-14', type: 'CUSTOMER' },
      'webex-wholesale-customer',
    );
    expect(march.map((r) => `${r.package} ${r.quantity}`)).toEqual(['webex_voice 2']);
    const today = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .send({ billingStartDate: '2026-03-01', billingEndDate: '2026-03-15', type: 'CUSTOMER' });
    expect(today.status).toBe(400);
  });

  it('an invalid data section is refused naming the JSON pointer, and PUT-style changes leave nothing half-done', async () => {
    const { app } = webexApp(guard, { data: DATA });
    const bad = structuredClone(DATA);
    bad.partners![0]!.customers[0]!.packages![0]!.to = '2025-12-01';
    expect(() => app.sim.kernel.setData(bad as Record<string, unknown>)).toThrow(
      /\/partners\/0\/customers\/0\/packages\/0\/to: is before from/,
    );
    const customer = await rows(app, WHOLESALE, { ...FEB, type: 'CUSTOMER' }, 'webex-wholesale-customer');
    expect(customer.map((r) => r.customerName)).toEqual(['Initech', 'Initech', 'Hooli']);
  });

  it('any seed, any pinned quantity: the CUSTOMER row says exactly that quantity every day (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 4_294_967_295 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 28 }),
        async (seed, quantity, day) => {
          const from = `2026-02-${String(day).padStart(2, '0')}`;
          const { app } = webexApp(undefined, {
            seed,
            data: {
              partners: [
                {
                  orgUuid: ACME,
                  seeded: true,
                  customers: [{ name: 'Pinned', packages: [{ package: 'webex_voice', quantity, from }] }],
                },
              ],
            },
          });
          const customer = await rows(
            app,
            WHOLESALE,
            { ...FEB, type: 'CUSTOMER' },
            'webex-wholesale-customer',
          );
          const row = customer.find((r) => r.customerName === 'Pinned');
          expect(row?.quantity).toBe(String(quantity));
          const daily = row!.dailyQuantities!.split('|').map(Number);
          expect(daily).toEqual([...Array(day - 1).fill(0), ...Array(29 - day).fill(quantity)]);
          // seeded: true keeps the seeded customers beside the pinned one.
          expect(new Set(customer.map((r) => r.customerName)).size).toBeGreaterThan(1);
        },
      ),
      { numRuns: 10 },
    );
  });
});
