import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../contracts/index.js';
import { Clock, kernelKind, type RequestProblem } from '../../../simulators/kernel/index.js';
import { ContractRequests } from '../../../simulators/kernel/request-validation.js';
import { PLUGINS } from '../../../simulators/registry.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

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

describe('a request that passed is remembered, never past what it depended on', () => {
  const file = join(packageRoot(), 'test', 'fixtures', 'contracts', 'rules.openapi.yaml');
  const setup = () => {
    const clock = { now: Date.parse('2026-03-15T10:00:00Z') };
    const contract = new ContractRequests(file, () => clock.now);
    const a = express();
    a.use((req, res) => {
      const e = contract.check(req);
      res.json(e ? { status: e.status, message: e.message } : { ok: true });
    });
    return { app: a, clock };
  };

  it('the same URL with another declared header is checked again', async () => {
    const { app } = setup();
    const url = '/days?day=2026-03-01';
    expect((await request(app).get(url).set('X-Trace', 'abc')).body).toEqual({ ok: true });
    expect((await request(app).get(url).set('X-Trace', 'abc')).body).toEqual({ ok: true });
    const bad = await request(app).get(url).set('X-Trace', 'ABC');
    expect(bad.body).toEqual({
      status: 400,
      message: 'Invalid request: header parameter X-Trace must match pattern "^[a-z]+$".',
    });
    // An undeclared header is no part of the check.
    expect((await request(app).get(url).set('X-Other', '!')).body).toEqual({ ok: true });
  });

  it('a rule about the current day is checked again once the simulator’s day changes', async () => {
    const { app, clock } = setup();
    const url = '/days?day=2024-03-15';
    expect((await request(app).get(url)).body).toEqual({ ok: true });
    clock.now = Date.parse('2026-03-15T23:59:59Z');
    expect((await request(app).get(url)).body).toEqual({ ok: true });
    clock.now = Date.parse('2026-03-16T00:00:00Z');
    expect((await request(app).get(url)).body).toEqual({
      status: 400,
      message: 'Invalid request: day must be within the last 2 years.',
    });
  });

  it('a request that failed is not remembered: it is checked again', async () => {
    const { app, clock } = setup();
    clock.now = Date.parse('2026-03-01T00:00:00Z');
    const url = '/days?day=2026-03-10';
    expect((await request(app).get(url)).body.status).toBe(400);
    clock.now = Date.parse('2026-03-11T00:00:00Z');
    expect((await request(app).get(url)).body).toEqual({ ok: true });
  });
});

describe('request rules and extensions (fixture contract)', () => {
  const file = join(packageRoot(), 'test', 'fixtures', 'contracts', 'rules.openapi.yaml');
  const app = () => {
    const contract = new ContractRequests(file, () => Date.parse('2026-03-15T10:00:00Z'));
    const a = express();
    a.use(express.json());
    a.use((req, res) => {
      const e = contract.check(req);
      res.json(
        e
          ? { status: e.status, kind: kernelKind(e), message: e.message, violations: e.details.violations }
          : { ok: true, query: req.query },
      );
    });
    return a;
  };
  const problems = (res: request.Response) =>
    (res.body.violations as RequestProblem[]).map((p) => `${p.in}:${p.name}:${p.keyword}`);

  it('not-both, ranges, formats and a repeated parameter; every problem listed in declared order', async () => {
    const res = await request(app()).get('/pages?before=a&after=b&size=11&size=2&from=soon&to=x');
    expect(res.body.status).toBe(400);
    expect(res.body.kind).toBe('bad-request');
    expect(problems(res)).toEqual(['query:after:not-both', 'query:size:repeated', 'query:from:format']);
    expect(res.body.message).toBe('Invalid request: before and after must not both be given.');
    const p = (res.body.violations as RequestProblem[])[0]!;
    expect(p.params).toEqual({ other: 'before' });
    const range = await request(app()).get('/pages?size=11&to=2026-01-01T00:00:00Z');
    expect(range.body.violations[0]).toMatchObject({
      keyword: 'maximum',
      value: '11',
      params: { limit: 10 },
    });
  });

  it('an empty optional value is checked, an empty required one is missing; "5.0" is no integer', async () => {
    expect(problems(await request(app()).get('/pages?size=&to='))).toEqual([
      'query:size:type',
      'query:to:required',
    ]);
    expect(problems(await request(app()).get('/pages?size=5.0&to=x'))).toEqual(['query:size:type']);
    expect((await request(app()).get('/pages?size=005&to=x')).body.query.size).toBe('005');
  });

  it('not-after compares instants with zones only; a local time is the vendor’s to compare', async () => {
    const reversed = await request(app()).get(
      '/pages?from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00%2B01:00',
    );
    expect(problems(reversed)).toEqual(['query:to:not-after']);
    const local = await request(app()).get('/pages?from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00');
    expect(local.body.ok).toBe(true);
  });

  it('a body of another media type is a 415 before any parameter, when the operation says so', async () => {
    const res = await request(app()).get('/pages?size=99').set('Content-Type', 'text/plain').send('x');
    expect(res.body).toMatchObject({ status: 415, kind: 'unsupported-media-type' });
  });

  it('a literal path wins over a template; path parameters are checked', async () => {
    expect((await request(app()).get('/pages/special')).body.ok).toBe(true);
    expect(problems(await request(app()).get('/pages/abc'))).toEqual(['path:id:pattern']);
  });

  it('body rules run in field order after each field’s schema; a field that failed is not ruled on', async () => {
    const res = await request(app())
      .post('/periods')
      .send({ start: '2026-03-15', end: '2026-02-30', month: '2024-02' });
    expect(problems(res)).toEqual([
      'body:start:before-current',
      'body:end:format',
      'body:month:within-years',
    ]);
    const [start, , month] = res.body.violations as RequestProblem[];
    expect(start!.params).toEqual({ current: '2026-03-15' });
    expect(month!.params).toEqual({ earliest: '2024-03', years: 2 });
    const old = await request(app()).post('/periods').send({ start: '2024-03-14', end: '2024-03-01' });
    expect(problems(old)).toEqual(['body:start:within-years']);
    const order = await request(app()).post('/periods').send({ start: '2026-03-10', end: '2026-03-01' });
    expect(problems(order)).toEqual(['body:end:not-after']);
    const fine = await request(app())
      .post('/periods')
      .send({ start: '2024-03-15', end: '2026-03-14', month: '2026-02' });
    expect(fine.body.ok).toBe(true);
  });

  it('x-absent-as: a request without a body is checked as {} (its required fields fail by name)', async () => {
    expect(problems(await request(app()).post('/periods'))).toEqual([
      'body:start:required',
      'body:end:required',
    ]);
    // A body the kernel did not parse is the route's (its media-type check answers).
    const text = await request(app()).post('/periods').set('Content-Type', 'text/plain').send('start=x');
    expect(text.body.ok).toBe(true);
  });

  it('x-request-validation: false leaves the operation to its route', async () => {
    expect((await request(app()).get('/handmade')).body.ok).toBe(true);
  });
});
