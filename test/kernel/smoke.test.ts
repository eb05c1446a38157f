import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ContractSet } from '../../contracts/index.js';
import { Clock } from '../../simulators/kernel/index.js';
import { contractGuard } from '../support/contract-guard.js';
import { createToyApp } from '../support/toy-vendor.js';

const toyContracts = new ContractSet(new URL('../fixtures/contracts', import.meta.url).pathname);
const guard = contractGuard(toyContracts);

describe('kernel smoke', () => {
  it('creates and reads an item through the whole middleware chain', async () => {
    const app = createToyApp({
      clock: new Clock({ mode: 'manual', start: '2026-01-01T00:00:00Z' }),
      onExchange: guard.onExchange,
    });
    const created = await request(app)
      .post('/toy/items')
      .set('Authorization', 'Bearer acme.x')
      .send({ name: 'a', quantity: 3 });
    expect(created.status).toBe(201);
    const got = await request(app).get(`/toy/items/${created.body.id}`).set('Authorization', 'Bearer acme.x');
    expect(got.body).toEqual({ id: '1', name: 'a', quantity: 3 });
    expect(got.headers['x-toy-trace']).toBe('trace-1');
  });
});
