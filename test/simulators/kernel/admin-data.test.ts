import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ConfigError, startSimulators } from '../../../simulators/index.js';
import { Clock } from '../../../simulators/kernel/index.js';
import { createWebexApp, type WebexData } from '../../../simulators/webex/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

/**
 * GET/PUT /_sim/data and control.setData: the data in force, replaced after the same checks as
 * the config file's `data:` section; a refused PUT answers 400 naming the pointer and changes
 * nothing, a simulator without data answers 404.
 */
const guard = contractGuard();
const toyGuard = contractGuard(toyContracts);
const ACME = '1eb65fdf-9643-417f-9974-ad72cae0e10f';
const TOKEN = { Authorization: 'Bearer acme-all-scopes' };
const DATA: WebexData = {
  partners: [
    {
      orgUuid: ACME,
      customers: [
        { name: 'Initech', packages: [{ package: 'webex_calling', quantity: 12, from: '2026-01-01' }] },
      ],
    },
  ],
};

function webex(data?: WebexData) {
  return createWebexApp({
    clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
    generation: { kind: 'immediate' },
    rateLimit: { kind: 'off' },
    onExchange: guard.onExchange,
    data,
  });
}

/** The CUSTOMER rows of February. */
async function february(app: ReturnType<typeof webex>): Promise<string[]> {
  const created = await request(app)
    .post('/v1/wholesale/billing/reports')
    .set(TOKEN)
    .send({ billingStartDate: '2026-02-01', billingEndDate: '2026-02-28', type: 'CUSTOMER' });
  expect(created.status).toBe(200);
  const done = await request(app).get(`/v1/wholesale/billing/reports/${created.body.id}`).set(TOKEN);
  expect(done.body.status).toBe('COMPLETED');
  const url = new URL(done.body.tempDownloadURL);
  const host = app.sim.listeners!.find((l) => l.name === 'downloads')!.handler;
  const file = await request(host).get(`${url.pathname}${url.search}`).buffer(true);
  // The CSV lines after the header (customer names are plain words in these tests).
  return String(file.text).trim().split('\n').slice(1);
}

describe('golden data at runtime', () => {
  it('GET answers the data in force; PUT replaces it and every report answers from the new data', async () => {
    const app = webex(DATA);
    expect((await request(app).get('/_sim/data')).body).toEqual({ vendor: 'webex', data: DATA });
    expect((await february(app)).some((r) => r.includes('Initech'))).toBe(true);
    const next: WebexData = {
      partners: [
        {
          orgUuid: ACME,
          customers: [
            { name: 'Hooli', packages: [{ package: 'webex_suite', quantity: 3, from: '2026-02-10' }] },
          ],
        },
      ],
    };
    const put = await request(app).put('/_sim/data').send(next);
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ vendor: 'webex', data: next });
    expect((await request(app).get('/_sim/data')).body.data).toEqual(next);
    const rows = await february(app);
    expect(rows.some((r) => r.includes('Hooli'))).toBe(true);
    expect(rows.some((r) => r.includes('Initech'))).toBe(false);
    // {} goes back to the seeded world alone.
    expect((await request(app).put('/_sim/data').send({})).body).toEqual({ vendor: 'webex', data: null });
    expect((await february(app)).some((r) => r.includes('Hooli'))).toBe(false);
  });

  it('an invalid PUT answers 400 naming each JSON pointer and changes nothing', async () => {
    const app = webex(DATA);
    const before = await february(app);
    const bad: [unknown, string][] = [
      [
        {
          partners: [
            {
              orgUuid: ACME,
              customers: [
                { name: 'X', packages: [{ package: 'webex_calls', quantity: 1, from: '2026-01-01' }] },
              ],
            },
          ],
        },
        '/partners/0/customers/0/packages/0/package: must be one of',
      ],
      [
        { partners: [{ orgUuid: 'nobody', customers: [] }] },
        '/partners/0/orgUuid: names no configured partner',
      ],
      [{ parnters: [] }, '/parnters: unknown key (did you mean "partners"?)'],
      [[1, 2], '/: the data must be a JSON object'],
    ];
    for (const [body, pointer] of bad) {
      const res = await request(app)
        .put('/_sim/data')
        .send(body as object);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toContain(pointer);
      expect((await request(app).get('/_sim/data')).body.data).toEqual(DATA);
    }
    expect(await february(app)).toEqual(before);
  });

  it('a simulator that takes no data answers 404 on both routes', async () => {
    const app = createToyApp({ clock: new Clock({ mode: 'manual' }), onExchange: toyGuard.onExchange });
    expect((await request(app).get('/_sim/data')).status).toBe(404);
    const res = await request(app).put('/_sim/data').send({ a: 1 });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'the toy simulator takes no data' });
  });

  it('control.setData: same checks (a ConfigError, nothing changed), then the data is in force', async () => {
    const running = await startSimulators({
      only: ['webex'],
      ports: { webex: 0 },
      simulators: { webex: { data: DATA, downloads: { port: 0 } } },
    });
    try {
      expect(running.control.data('webex')).toEqual(DATA);
      expect(() => running.control.setData('webex', { partners: [{ orgUuid: 'x', customers: [] }] })).toThrow(
        ConfigError,
      );
      expect(running.control.data('webex')).toEqual(DATA);
      running.control.setData('webex', {});
      expect(running.control.data('webex')).toBeUndefined();
      expect(() => running.control.setData('nope', {})).toThrow(/no simulator nope/);
    } finally {
      await running.close();
    }
  });

  it('startSimulators refuses data the vendor refuses, naming the pointer from the top of the options', async () => {
    await expect(
      startSimulators({
        only: ['webex'],
        ports: { webex: 0 },
        simulators: { webex: { data: { partners: [{ orgUuid: 'x', customers: [] }] } } },
      }),
    ).rejects.toThrow(/\/simulators\/webex\/data\/partners\/0\/orgUuid: names no configured partner/);
  });
});

describe('golden data and POST /_sim/reset', () => {
  it('reset puts the configured data back, like the configured fault rules', async () => {
    const app = webex(DATA);
    await request(app).put('/_sim/data').send({}).expect(200);
    expect((await request(app).get('/_sim/data')).body.data).toBeNull();
    await request(app).post('/_sim/reset').send({}).expect(204);
    expect((await request(app).get('/_sim/data')).body.data).toEqual(DATA);
    expect((await february(app)).some((r) => r.includes('Initech'))).toBe(true);
  });
});
