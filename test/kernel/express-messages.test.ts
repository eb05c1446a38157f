import { IncomingMessage, type RequestListener, ServerResponse } from 'node:http';
import { get as httpsGet } from 'node:https';
import express from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
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

describe('what express-messages.ts relies on in Express (fails loudly when an Express release changes it)', () => {
  it('Express re-parents each request onto app.request and each response onto app.response with Object.setPrototypeOf', async () => {
    const app = express();
    let seen: { req: object; res: object } | undefined;
    app.get('/', (req, res) => {
      seen = { req, res };
      res.end('ok');
    });
    const calls: [object, object | null][] = [];
    const original = Object.setPrototypeOf;
    const spy = vi.spyOn(Object, 'setPrototypeOf').mockImplementation((o: object, proto: object | null) => {
      calls.push([o, proto]);
      return original(o, proto);
    });
    try {
      await request(app).get('/').expect(200);
    } finally {
      spy.mockRestore();
    }
    expect(seen, 'the route ran').toBeDefined();
    const reparentedReq = calls.some(([o, p]) => o === seen!.req && p === app.request);
    const reparentedRes = calls.some(([o, p]) => o === seen!.res && p === app.response);
    if (!reparentedReq || !reparentedRes) {
      throw new Error(
        'Express no longer calls Object.setPrototypeOf(req, app.request) / (res, app.response) per request: ' +
          'simulators/kernel/express-messages.ts is built on that and must be revisited for this Express release.',
      );
    }
    expect(Object.getPrototypeOf(seen!.req)).toBe(app.request);
    expect(Object.getPrototypeOf(seen!.res)).toBe(app.response);
  });

  it('Express reads app.request / app.response at each request, so prototypes put there are the ones it uses', async () => {
    const app = express();
    expect(app.request).toBeInstanceOf(IncomingMessage);
    expect(app.response).toBeInstanceOf(ServerResponse);
    const marked = { req: Object.create(app.request), res: Object.create(app.response) };
    Object.defineProperty(marked.req, 'simMark', { value: 'req' });
    Object.defineProperty(marked.res, 'simMark', { value: 'res' });
    app.request = marked.req;
    app.response = marked.res;
    let seen: string[] = [];
    app.get('/', (req, res) => {
      seen = [
        (req as unknown as { simMark: string }).simMark,
        (res as unknown as { simMark: string }).simMark,
      ];
      res.end('ok');
    });
    await request(app).get('/').expect(200);
    expect(seen, 'Express must take the prototypes from app.request / app.response at request time').toEqual([
      'req',
      'res',
    ]);
  });

  it('keeps nothing per process: the classes live on the app', () => {
    const a = toy();
    const b = toy();
    expect(alignedMessageClasses(a)).not.toBe(alignedMessageClasses(b));
    expect(a.request).not.toBe(b.request);
  });
});

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
