import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../simulators/kernel/index.js';
import { PLUGINS } from '../../simulators/registry.js';
import { contractGuard } from '../support/contract-guard.js';
import { toyContracts } from '../support/toy-contracts.js';
import { createToyApp } from '../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const AUTH = { authorization: 'Bearer acme.t' };
const toy = (validateRequests = true) =>
  createToyApp({
    clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
    onExchange: guard.onExchange,
    validateRequests,
  });

const RANGE = '/toy/range?from=2026-03-01T00:00:00Z&to=2026-03-10T00:00:00Z';

describe('kernel request validation from the contract', () => {
  it('lets a request the contract allows through to the route', async () => {
    const res = await request(toy()).get(`${RANGE}&limit=5`).set(AUTH).set('X-Toy-Mode', 'fast');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: 'range',
      name: '2026-03-01T00:00:00Z..2026-03-10T00:00:00Z',
      quantity: 5,
    });
  });

  it.each([
    ['/toy/range?to=2026-03-10T00:00:00Z', 'query parameter from is required'],
    [
      '/toy/range?from=yesterday&to=2026-03-10T00:00:00Z',
      'query parameter from must match format "date-time"',
    ],
    [`${RANGE}&limit=0`, 'query parameter limit must be >= 1'],
    [`${RANGE}&limit=ten`, 'query parameter limit must be integer'],
    ['/toy/items/abc', 'path parameter id must match pattern "^[0-9]+$"'],
    ['/toy/range?from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00Z', 'from must not be after to'],
    ['/toy/range?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z', 'from to to may span at most 31 days'],
  ])('%s → 400 in the vendor envelope: %s', async (path, message) => {
    const app = toy();
    const res = await request(app).get(path).set(AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ problem: `Invalid request: ${message}.`, status: 400, kind: 'bad-request' });
    expect(res.headers['x-toy-trace']).toBe('trace-1'); // the vendor's headers, as on any error
  });

  it('checks headers and JSON bodies; a rejected body creates nothing', async () => {
    const app = toy();
    const header = await request(app).get(RANGE).set(AUTH).set('X-Toy-Mode', 'turbo');
    expect(header.status).toBe(400);
    expect(header.body.problem).toBe(
      'Invalid request: header parameter X-Toy-Mode must be equal to one of the allowed values.',
    );
    const body = await request(app).post('/toy/items').set(AUTH).send({ name: '', quantity: 2 });
    expect(body.status).toBe(400);
    expect(body.body.problem).toBe('request body must NOT have fewer than 1 characters at /name');
    const missing = await request(app).post('/toy/items').set(AUTH);
    expect(missing.status).toBe(400);
    expect(missing.body.problem).toBe('A request body is required.');
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
    await request(app).post('/toy/items').set(AUTH).send({ name: 'ok', quantity: 2 }).expect(201);
  });

  it('is off unless the vendor asks for it: the hand check answers instead', async () => {
    const res = await request(toy(false)).post('/toy/items').set(AUTH).send({ name: 5 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ problem: 'name must be a string', kind: 'vendor' });
  });
});

describe('every 405 carries Allow', () => {
  it('the kernel’s OPTIONS answer lists the methods the contract declares for the path', async () => {
    const app = toy(false);
    const known = await request(app).options('/toy/items/1').set(AUTH);
    expect(known.status).toBe(405);
    expect(known.headers.allow).toBe('GET, HEAD');
    const unknown = await request(app).options('/nowhere').set(AUTH);
    expect(unknown.status).toBe(405);
    expect(unknown.headers.allow).toBe('');
  });

  it.each(PLUGINS.map((p) => p.name))(
    '%s: OPTIONS on a billing path answers 405 with Allow',
    async (name) => {
      const plugin = PLUGINS.find((p) => p.name === name)!;
      const app = plugin.create({ clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }) });
      const path = {
        purecloud: '/api/v2/billing/reports/billableusage',
        webex: '/v1/wholesale/billing/reports',
        rprm: '/api/rest/billing/status',
      }[name]!;
      // RPRM authenticates first, as the appliance does: the 405 is for a user it knows.
      const credentials: Record<string, string> =
        name === 'rprm'
          ? { Authorization: `Basic ${Buffer.from('auditor:Audit12#').toString('base64')}` }
          : {};
      const res = await request(app).options(path).set(credentials);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toMatch(/\bGET\b/);
    },
  );
});
