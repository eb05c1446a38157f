import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { BodyCache, renderedBody, sendRendered, TextMemo } from '../../../simulators/kernel/index.js';

describe('BodyCache', () => {
  it('renders once per (slot, version) and again when the version changes', () => {
    const cache = new BodyCache();
    let renders = 0;
    const render = (text: string) => () => {
      renders++;
      return text;
    };
    const a = cache.get('r1', 'InProgress', render('{"status":"InProgress"}'));
    expect(cache.get('r1', 'InProgress', render('ignored'))).toBe(a);
    expect(renders).toBe(1);
    const b = cache.get('r1', 'Complete', render('{"status":"Complete","é":1}'));
    expect(b.text).toBe('{"status":"Complete","é":1}');
    expect(b.length).toBe(Buffer.byteLength(b.text));
    expect(renders).toBe(2);
    cache.delete('r1');
    cache.get('r1', 'Complete', render('{}'));
    expect(renders).toBe(3);
  });

  it('stays bounded: past its limit it starts over', () => {
    const cache = new BodyCache(2);
    let renders = 0;
    const get = (slot: string) =>
      cache.get(slot, 'v', () => {
        renders++;
        return slot;
      });
    get('a');
    get('b');
    get('c'); // third slot: the cache starts over
    get('a');
    expect(renders).toBe(4);
  });

  it('sendRendered answers like res.json: Content-Type, byte Content-Length, no body on HEAD', async () => {
    const app = express();
    const body = renderedBody(JSON.stringify({ name: 'Zoë' }));
    app.get('/x', (_req, res) => sendRendered(res, body));
    const got = await request(app).get('/x');
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(got.headers['content-length']).toBe(String(Buffer.byteLength('{"name":"Zoë"}')));
    expect(got.body).toEqual({ name: 'Zoë' });
    const head = await request(app).head('/x');
    expect(head.headers['content-length']).toBe(got.headers['content-length']);
    expect(head.text).toBeUndefined();
  });
});

describe('TextMemo', () => {
  it('computes once per text, starts over past its limit, and never keeps over-long keys', () => {
    const memo = new TextMemo<number>(2, 8);
    let computed = 0;
    const get = (key: string) =>
      memo.get(key, () => {
        computed++;
        return key.length;
      });
    expect(get('Basic a')).toBe(7);
    expect(get('Basic a')).toBe(7);
    expect(computed).toBe(1);
    get('b');
    get('c'); // third key: starts over
    get('Basic a');
    expect(computed).toBe(4);
    get('a very long header value');
    get('a very long header value');
    expect(computed).toBe(6);
  });
});
