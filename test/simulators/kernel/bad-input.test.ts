import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../../simulators/kernel/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const AUTH = { Authorization: 'Bearer acme.t' };
const toy = () =>
  createToyApp({
    clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
    onExchange: guard.onExchange,
  });

describe('bad input gets the vendor envelope, never Express HTML', () => {
  it('malformed JSON → 400 in the vendor envelope, nothing stored', async () => {
    const app = toy();
    const res = await request(app)
      .post('/toy/items')
      .set(AUTH)
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toMatchObject({ status: 400, kind: 'malformed-json' });
    expect(res.body.problem).toMatch(/not valid JSON/);
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
  });

  it('oversize body → 413 by Content-Length and by streamed size, nothing stored', async () => {
    const app = toy(); // the toy's body limit is 1024 bytes
    const big = JSON.stringify({ name: 'x'.repeat(2000) });
    const res = await request(app)
      .post('/toy/items')
      .set(AUTH)
      .set('Content-Type', 'application/json')
      .send(big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ status: 413, kind: 'body-too-large' });
    await request(app).get('/toy/items/1').set(AUTH).expect(404);
  });

  it('unsupported charset → 415; unknown route → 404; thrown errors keep their status', async () => {
    const app = toy();
    const charset = await request(app)
      .post('/toy/items')
      .set(AUTH)
      .set('Content-Type', 'application/json; charset=latin-9')
      .send('{"name":"a"}');
    expect(charset.status).toBe(415);
    expect(charset.body.kind).toBe('unsupported-media-type');
    const missing = await request(app).get('/nowhere').set(AUTH);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ kind: 'not-found', problem: 'No resource found for GET /nowhere.' });
    const wrongType = await request(app).post('/toy/items').set(AUTH).send({ name: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ problem: 'name must be a string', kind: 'vendor' });
  });
});
