import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../simulators/kernel/index.js';
import { contractGuard } from '../support/contract-guard.js';
import { toyContracts } from '../support/toy-contracts.js';
import { createToyApp } from '../support/toy-vendor.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-toy-trace': 't' };

describe('validateResponse', () => {
  it('accepts a response that matches the contract', () => {
    expect(
      toyContracts.validateResponse('toy', 'GET', '/toy/items/7', 200, JSON_HEADERS, {
        id: '7',
        name: 'a',
        quantity: 1,
      }),
    ).toEqual([]);
  });

  it('catches a wrong type, naming the JSON path', () => {
    const v = toyContracts.validateResponse('toy', 'GET', '/toy/items/7', 200, JSON_HEADERS, {
      id: '7',
      name: 'a',
      quantity: '1',
    });
    expect(v).toEqual([{ path: '/quantity', message: 'must be integer' }]);
  });

  it('catches a missing required field', () => {
    const v = toyContracts.validateResponse('toy', 'GET', '/toy/items/7', 200, JSON_HEADERS, {
      id: '7',
      quantity: 1,
    });
    expect(v).toEqual([{ path: '/', message: 'missing required property "name"' }]);
  });

  it('catches an undeclared status', () => {
    const v = toyContracts.validateResponse('toy', 'GET', '/toy/stream', 500, JSON_HEADERS, {
      problem: 'x',
      status: 500,
    });
    expect(v).toEqual([{ path: 'status', message: 'status 500 is not declared for GET /toy/stream' }]);
  });

  it('catches an undeclared header, a missing required header and a wrong header type', () => {
    const v = toyContracts.validateResponse(
      'toy',
      'GET',
      '/toy/items/7',
      200,
      { 'content-type': 'application/json', 'x-surprise': '1', 'x-ratelimit-remaining': 'many' },
      { id: '7', name: 'a', quantity: 1 },
    );
    expect(v).toEqual(
      expect.arrayContaining([
        { path: 'header:x-toy-trace', message: 'required header is missing' },
        { path: 'header:x-ratelimit-remaining', message: 'must be integer' },
        { path: 'header:x-surprise', message: 'header is not declared for this response' },
      ]),
    );
    expect(v).toHaveLength(3);
  });

  it('catches an undeclared media type, an undeclared operation and invalid JSON', () => {
    expect(
      toyContracts.validateResponse(
        'toy',
        'GET',
        '/toy/items/7',
        200,
        { ...JSON_HEADERS, 'content-type': 'text/html' },
        '<p>',
      ),
    ).toEqual([{ path: 'content-type', message: 'text/html is not declared (declared: application/json)' }]);
    expect(toyContracts.validateResponse('toy', 'DELETE', '/toy/items/7', 204, {}, undefined)[0]?.path).toBe(
      'status',
    );
    expect(
      toyContracts.validateResponse('toy', 'GET', '/toy/items/7', 200, JSON_HEADERS, Buffer.from('{nope')),
    ).toEqual([{ path: 'body', message: 'body is not valid JSON' }]);
  });

  it('prefers literal paths over templates and validates unmatched routes against x-unmatched-routes', () => {
    expect(toyContracts.findOperation('toy', 'POST', '/toy/items')?.template).toBe('/toy/items');
    expect(
      toyContracts.validateResponse('toy', 'GET', '/elsewhere', 404, JSON_HEADERS, {
        problem: 'no',
        status: 404,
      }),
    ).toEqual([]);
    expect(
      toyContracts.validateResponse('toy', 'GET', '/elsewhere', 404, JSON_HEADERS, { status: 404 }),
    ).toEqual([{ path: '/', message: 'missing required property "problem"' }]);
  });
});

describe('contractGuard', () => {
  it('flags every response a simulator sends that breaks the contract', async () => {
    const guard = contractGuard(toyContracts, { autoAssert: false });
    const app = createToyApp({
      clock: new Clock({ mode: 'manual' }),
      onExchange: guard.onExchange,
      brokenItem: true,
    });
    await request(app)
      .post('/toy/items')
      .set('Authorization', 'Bearer a.b')
      .send({ name: 'x', quantity: 2 })
      .expect(201);
    await request(app).get('/toy/items/1').set('Authorization', 'Bearer a.b').expect(200);
    expect(guard.exchanges).toHaveLength(2);
    expect(guard.violations).toEqual(['GET /toy/items/1 → 200: /quantity: must be integer']);
  });
});
