import { IncomingMessage, type RequestListener, ServerResponse } from 'node:http';
import { get as httpsGet } from 'node:https';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { alignedMessageClasses } from '../../simulators/kernel/express-messages.js';
import { Clock, type RunningServer, serve } from '../../simulators/kernel/index.js';
import { contractGuard } from '../support/contract-guard.js';
import { toyContracts } from '../support/toy-contracts.js';
import { createToyApp } from '../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const AUTH = { authorization: 'Bearer a.b' };
const toy = () =>
  createToyApp({
    clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
    onExchange: guard.onExchange,
  });

/** The prototype each request and response has when node hands them over, before Express runs. */
function recordPrototypesAtArrival(server: RunningServer): { req: object[]; res: object[] } {
  const seen = { req: [] as object[], res: [] as object[] };
  server.server.prependListener('request', (req, res) => {
    seen.req.push(Object.getPrototypeOf(req) as object);
    seen.res.push(Object.getPrototypeOf(res) as object);
  });
  return seen;
}

function postItem(server: RunningServer): Promise<Response> {
  return fetch(`${server.url}/toy/items`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'widget', quantity: 3 }),
  });
}

function httpsJson(url: string): Promise<{ status?: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    // The shipped certificate is self-signed; this test is about message classes, not trust.
    httpsGet(url, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(body) }));
    }).on('error', reject);
  });
}

describe('serve: request and response classes with the app prototypes', () => {
  it('node creates each request and response with the app prototypes, so Express re-parents nothing', async () => {
    const app = toy();
    const server = await serve(app);
    try {
      const arrival = recordPrototypesAtArrival(server);
      const created = await postItem(server);
      expect(created.status).toBe(201);
      const res = await fetch(`${server.url}/toy/items/1`, { headers: AUTH });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id: '1', name: 'widget', quantity: 3 });
      expect(arrival.req).toEqual([app.request, app.request]);
      expect(arrival.res).toEqual([app.response, app.response]);
      expect(Object.getPrototypeOf(app.request)).not.toBe(IncomingMessage.prototype);
      expect(app.request).toBeInstanceOf(IncomingMessage);
      expect(app.response).toBeInstanceOf(ServerResponse);
    } finally {
      await server.close();
    }
  });

  it('does the same over HTTPS', async () => {
    const app = toy();
    const server = await serve(app, { tls: true });
    try {
      const arrival = recordPrototypesAtArrival(server);
      const health = await httpsJson(`${server.url}/_sim/health`);
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ vendor: 'toy', status: 'ok' });
      expect(arrival.req).toEqual([app.request]);
      expect(arrival.res).toEqual([app.response]);
    } finally {
      await server.close();
    }
  });

  it("keeps what was set on the app's request and response before serving", async () => {
    const app = toy();
    const before = app.request;
    Object.defineProperty(before, 'simTag', { value: 'tagged', configurable: true });
    const classes = alignedMessageClasses(app)!;
    expect(app.request).toBe(classes.IncomingMessage.prototype);
    expect(Object.getPrototypeOf(app.request)).toBe(before);
    expect((app.request as unknown as { simTag: string }).simTag).toBe('tagged');
    expect((app.request as unknown as { app: unknown }).app).toBe(app);
    expect((app.response as unknown as { app: unknown }).app).toBe(app);
  });

  it('aligns an app once, however often it is served', async () => {
    const app = toy();
    const first = alignedMessageClasses(app);
    const prototype = app.request;
    expect(alignedMessageClasses(app)).toBe(first);
    expect(app.request).toBe(prototype);
    const server = await serve(app);
    await server.close();
    expect(app.request).toBe(prototype);
  });

  it('leaves a handler that is not an Express app alone', () => {
    const plain: RequestListener = (_req, res) => res.end();
    expect(alignedMessageClasses(plain)).toBeUndefined();
  });

  it('an aligned app still answers through servers it did not make (supertest), with the same bytes', async () => {
    const app = toy();
    const server = await serve(app);
    try {
      expect((await postItem(server)).status).toBe(201);
      const viaServe = await fetch(`${server.url}/toy/items/1`, { headers: AUTH });
      const viaSupertest = await request(app).get('/toy/items/1').set(AUTH);
      expect(viaSupertest.status).toBe(200);
      expect(viaSupertest.text).toBe(await viaServe.text());
      expect(viaSupertest.headers['content-type']).toBe(viaServe.headers.get('content-type'));
    } finally {
      await server.close();
    }
  });
});
