import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../simulators/kernel/index.js';
import { contractGuard } from '../support/contract-guard.js';
import { toyContracts } from '../support/toy-contracts.js';
import { createToyApp } from '../support/toy-vendor.js';

const guard = contractGuard(toyContracts);

function toy(extra: Parameters<typeof createToyApp>[0] = {}) {
  return createToyApp({
    clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
    onExchange: guard.onExchange,
    ...extra,
  });
}

const SECRETS = [
  'acme.s3cr3t-t0ken',
  'globex.an0ther-t0ken',
  'hunter2-password',
  'sig-abcdef123',
  'qp-t0ken-987',
];

/** A known sequence: 3 acme POSTs (one fails validation), 2 globex GETs, 1 acme GET with secrets in the query. */
async function knownSequence(app: ReturnType<typeof toy>) {
  const acme = { Authorization: 'Bearer acme.s3cr3t-t0ken' };
  const globex = { Authorization: 'Bearer globex.an0ther-t0ken' };
  await request(app).post('/toy/items').set(acme).send({ name: 'widget', quantity: 2 }).expect(201);
  await request(app)
    .post('/toy/items')
    .set(acme)
    .set('X-Trace', 'run-7')
    .send({ name: 'gadget', password: 'hunter2-password' })
    .expect(201);
  await request(app).post('/toy/items').set(acme).send({ quantity: 1 }).expect(400);
  await request(app).get('/toy/items/1').set(globex).expect(200);
  await request(app).get('/toy/items/99').set(globex).expect(404);
  await request(app)
    .get('/toy/items/2?access_token=qp-t0ken-987&sig=sig-abcdef123&page=1')
    .set(acme)
    .expect(200);
}

async function count(app: ReturnType<typeof toy>, match: unknown): Promise<number> {
  const res = await request(app).post('/_sim/requests/count').send({ match }).expect(200);
  return res.body.count as number;
}

describe('request verification: POST /_sim/requests/count and /find', () => {
  it('counts exactly over a known sequence, by every field of the match', async () => {
    const app = toy();
    await knownSequence(app);
    await request(app).get('/_sim/health'); // admin calls are never journaled
    expect(await count(app, {})).toBe(6);
    expect(await count(app, undefined)).toBe(6);
    expect(await count(app, { method: 'post' })).toBe(3);
    expect(await count(app, { method: 'GET', path: '/toy/items/*' })).toBe(3);
    expect(await count(app, { path: '/toy/**' })).toBe(6);
    expect(await count(app, { path: '^/toy/items/\\d$' })).toBe(2);
    expect(await count(app, { tenant: 'acme' })).toBe(4);
    expect(await count(app, { tenant: 'globex', status: 404 })).toBe(1);
    expect(await count(app, { token: 'globex.an0ther-t0ken' })).toBe(2);
    expect(await count(app, { header: { name: 'x-trace' } })).toBe(1);
    expect(await count(app, { header: { name: 'X-Trace', value: 'run-8' } })).toBe(0);
    expect(await count(app, { method: 'POST', body: '"name":"gadget"' })).toBe(1);
    expect(await count(app, { body: 'widget' })).toBe(1);
    expect(await count(app, { status: 201 })).toBe(2);
    expect(await count(app, { status: 400 })).toBe(1);
    expect(await count(app, { tenant: 'initech' })).toBe(0);
  });

  it('find returns the matching entries oldest first with headers and bodies; limit keeps the newest', async () => {
    const app = toy();
    await knownSequence(app);
    const res = await request(app)
      .post('/_sim/requests/find')
      .send({ match: { method: 'POST' } })
      .expect(200);
    const found = res.body.requests as {
      seq: number;
      status: number;
      tenant: string;
      request: { headers: Record<string, string>; body?: string; bodyBytes: number };
      response: { headers: Record<string, string>; body?: string; bodyBytes: number; bodyTruncated: boolean };
    }[];
    expect(found.map((e) => [e.seq, e.status, e.tenant])).toEqual([
      [1, 201, 'acme'],
      [2, 201, 'acme'],
      [3, 400, 'acme'],
    ]);
    expect(JSON.parse(found[0]!.request.body!)).toEqual({ name: 'widget', quantity: 2 });
    expect(found[0]!.request.headers['content-type']).toMatch(/^application\/json/);
    expect(found[0]!.request.bodyBytes).toBe(Buffer.byteLength('{"name":"widget","quantity":2}'));
    expect(JSON.parse(found[0]!.response.body!)).toEqual({ id: '1', name: 'widget', quantity: 2 });
    expect(found[0]!.response.headers['x-toy-trace']).toBe('trace-1');
    expect(found[0]!.response.bodyBytes).toBe(Buffer.byteLength(found[0]!.response.body!));
    expect(found[0]!.response.bodyTruncated).toBe(false);
    expect(JSON.parse(found[2]!.response.body!)).toMatchObject({ status: 400, kind: 'vendor' });
    const newest = await request(app)
      .post('/_sim/requests/find')
      .send({ match: { method: 'POST' }, limit: 1 })
      .expect(200);
    expect(newest.body.requests.map((e: { seq: number }) => e.seq)).toEqual([3]);
  });

  it('never shows a secret: Authorization, query tokens and signatures, password fields — in find, the list and HAR', async () => {
    const app = toy();
    await knownSequence(app);
    const find = await request(app).post('/_sim/requests/find').send({}).expect(200);
    const list = await request(app).get('/_sim/requests').expect(200);
    const har = await request(app).get('/_sim/requests?format=har').expect(200);
    for (const text of [JSON.stringify(find.body), JSON.stringify(list.body), har.text]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).toContain('[redacted]');
    }
    const entries = find.body.requests as {
      query: string;
      request: { headers: Record<string, string>; body?: string };
    }[];
    expect(entries[0]!.request.headers.authorization).toBe('[redacted]');
    expect(JSON.parse(entries[1]!.request.body!)).toEqual({ name: 'gadget', password: '[redacted]' });
    expect(entries[5]!.query).toBe('access_token=[redacted]&sig=[redacted]&page=1');
    // Matching still sees the real values.
    expect(await count(app, { body: 'hunter2-password' })).toBe(1);
  });

  it('keeps bodies only up to the journal body size, and none with journalBodyBytes 0', async () => {
    const small = toy({ journalBodyBytes: 20 });
    await request(small).get('/toy/stream').expect(200);
    const [entry] = (await request(small).post('/_sim/requests/find').send({}).expect(200)).body.requests;
    expect(entry.response.body).toBe('line 0\nline 1\nline 2');
    expect(entry.response.bodyTruncated).toBe(true);
    expect(entry.response.bodyBytes).toBe(
      Array.from({ length: 100 }, (_, i) => `line ${i}\n`).join('').length,
    );
    const none = toy({ journalBodyBytes: 0 });
    await request(none).get('/toy/stream').expect(200);
    const [bare] = (await request(none).post('/_sim/requests/find').send({}).expect(200)).body.requests;
    expect(bare.response.body).toBeUndefined();
    expect(bare.response.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('refuses a bad query with the matcher’s message and changes nothing', async () => {
    const app = toy();
    await knownSequence(app);
    const cases: [unknown, RegExp][] = [
      [{ match: { path: 7 } }, /match\.path must be a string/],
      [{ match: { path: '^(' } }, /not a valid regular expression/],
      [{ match: { mehtod: 'GET' } }, /unknown field\(s\) mehtod/],
      [{ match: { header: { value: 'x' } } }, /match\.header/],
      [{ match: { status: 'ok' } }, /match\.status/],
      [{ match: [] }, /match must be an object/],
      [{ match: {}, limit: -1 }, /limit/],
      [{ filter: {} }, /unknown field\(s\) filter/],
    ];
    for (const [body, message] of cases) {
      const route = body && (body as { limit?: number }).limit !== undefined ? 'find' : 'count';
      const res = await request(app)
        .post(`/_sim/requests/${route}`)
        .send(body as object);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(message);
    }
    expect(app.sim.kernel.journal.total).toBe(6);
  });

  it('GET /_sim/requests?format=har is HAR 1.2 with request and response bodies', async () => {
    const app = toy();
    await knownSequence(app);
    const res = await request(app).get('/_sim/requests?format=har').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/har\+json/);
    const har = JSON.parse(res.text);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('billing-sim');
    expect(har.log.entries).toHaveLength(6);
    const [first] = har.log.entries;
    expect(first.request.method).toBe('POST');
    expect(first.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/toy\/items$/);
    expect(JSON.parse(first.request.postData.text)).toEqual({ name: 'widget', quantity: 2 });
    expect(first.response.status).toBe(201);
    expect(first.response.statusText).toBe('Created');
    expect(JSON.parse(first.response.content.text)).toMatchObject({ name: 'widget' });
    expect(first.startedDateTime).toBe('2026-03-15T10:00:00.000Z');
    expect(first._tenant).toBe('acme');
    const last = har.log.entries[5];
    expect(last.request.queryString).toEqual([
      { name: 'access_token', value: '[redacted]' },
      { name: 'sig', value: '[redacted]' },
      { name: 'page', value: '1' },
    ]);
    expect((await request(app).get('/_sim/requests?format=xml')).status).toBe(400);
  });
});
