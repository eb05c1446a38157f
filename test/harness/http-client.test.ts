import { afterEach, describe, expect, it } from 'vitest';
import { Backoff } from '../../harness/http/backoff.js';
import { HttpClient } from '../../harness/http/client.js';
import { HttpError } from '../../harness/http/errors.js';
import { parseRetryAfter } from '../../harness/http/retry-after.js';
import { virtualTime } from '../../harness/time.js';
import { type StubServer, script, stubServer } from './support/stub-server.js';

const NOW = Date.parse('2026-03-15T10:00:00Z');
let server: StubServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  client?.close();
  await server?.close();
  server = undefined;
  client = undefined;
});

function makeClient(extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  const time = virtualTime(NOW);
  client = new HttpClient({ time, ...extra });
  return { time, client };
}

describe('parseRetryAfter', () => {
  it('reads delay-seconds, HTTP dates, and rejects junk', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
    expect(parseRetryAfter('Sun, 15 Mar 2026 10:00:42 GMT', NOW)).toBe(42_000);
    expect(parseRetryAfter('Sun, 15 Mar 2026 09:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe('Backoff', () => {
  it('grows exponentially within the jitter band, capped, and repeats for the same seed', () => {
    const a = new Backoff({ baseMs: 1000, maxMs: 8000, jitter: 0.5 }, 42);
    const b = new Backoff({ baseMs: 1000, maxMs: 8000, jitter: 0.5 }, 42);
    const delays = [1, 2, 3, 4, 5].map((n) => a.delay(n));
    expect(delays).toEqual([1, 2, 3, 4, 5].map((n) => b.delay(n)));
    const bands = [1000, 2000, 4000, 8000, 8000];
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(bands[i]! / 2);
      expect(d).toBeLessThanOrEqual(bands[i]!);
    });
  });
});

describe('HttpClient retries', () => {
  it('waits exactly the Retry-After seconds of a 429, then succeeds', async () => {
    server = await stubServer(
      script(
        { status: 429, headers: { 'retry-after': '7' }, body: '{}' },
        { status: 200, body: '{"ok":true}' },
      ),
    );
    const { time, client } = makeClient();
    const res = await client.request({ step: 'get thing', method: 'GET', url: `${server.url}/thing` });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('{"ok":true}');
    expect(res.attempts).toBe(2);
    expect(time.sleeps).toEqual([7000]);
    expect(time.now() - NOW).toBe(7000);
    const [first, second] = client.transcript.entries;
    expect(first).toMatchObject({
      step: 'get thing',
      attempt: 1,
      status: 429,
      retry: { waitMs: 7000, source: 'retry-after' },
    });
    expect(second).toMatchObject({ attempt: 2, status: 200, bodyBytes: 11 });
    expect(second?.bodySha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('honours an HTTP-date Retry-After on 423 and 503 relative to the harness clock', async () => {
    server = await stubServer(
      script(
        { status: 423, headers: { 'retry-after': 'Sun, 15 Mar 2026 10:00:30 GMT' } },
        { status: 503, headers: { 'retry-after': '2' } },
        { status: 200, body: '{}' },
      ),
    );
    const { time, client } = makeClient();
    const res = await client.request({ step: 's', method: 'GET', url: server.url });
    expect(res.status).toBe(200);
    expect(time.sleeps).toEqual([30_000, 2000]);
  });

  it('refuses a Retry-After longer than maxWaitMs at once, naming the wait asked for', async () => {
    server = await stubServer(script({ status: 429, headers: { 'retry-after': '86400' } }));
    const { time, client } = makeClient({ maxWaitMs: 60_000 });
    const error = await client.request({ step: 's', method: 'GET', url: server.url }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.kind).toBe('deadline');
    expect(error.message).toBe(
      's: HTTP 429 with Retry-After: 86400 asks for a wait of 24 h, more than the longest single wait allowed (--max-wait 1 min); not waiting',
    );
    expect(time.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('backs off (seeded jitter, cut to maxWaitMs) when no Retry-After is given', async () => {
    server = await stubServer(
      script({ status: 503 }, { status: 502 }, { status: 503 }, { status: 200, body: '{}' }),
    );
    const { time, client } = makeClient({
      maxWaitMs: 3000,
      backoff: { baseMs: 1000, maxMs: 10_000, jitter: 0.5 },
      seed: 7,
    });
    await client.request({ step: 's', method: 'GET', url: server.url });
    const expected = new Backoff({ baseMs: 1000, maxMs: 10_000, jitter: 0.5 }, 7);
    expect(time.sleeps).toEqual([expected.delay(1), expected.delay(2), Math.min(3000, expected.delay(3))]);
    expect(time.sleeps[2]).toBeLessThanOrEqual(3000);
    expect(client.transcript.entries.map((e) => e.retry?.source)).toEqual([
      'backoff',
      'backoff',
      'backoff',
      undefined,
    ]);
  });

  it('does not resend a POST unless the flow says it is safe', async () => {
    server = await stubServer(
      script(
        { status: 429, headers: { 'retry-after': '1' } },
        { status: 429, headers: { 'retry-after': '1' } },
        { status: 201 },
      ),
    );
    const { time, client } = makeClient();
    const unsafe = await client.request({ step: 's', method: 'POST', url: server.url, body: '{}' });
    expect(unsafe.status).toBe(429);
    expect(time.sleeps).toEqual([]);
    const safe = await client.request({
      step: 's',
      method: 'POST',
      url: server.url,
      body: '{}',
      retrySafe: true,
    });
    expect(safe.status).toBe(201);
    expect(time.sleeps).toEqual([1000]);
    expect(server.requests).toHaveLength(3);
  });

  it('gives back the last answer after maxAttempts of a 429 storm', async () => {
    server = await stubServer(script({ status: 429, headers: { 'retry-after': '1' } }));
    const { time, client } = makeClient({ maxAttempts: 3 });
    const res = await client.request({ step: 's', method: 'GET', url: server.url });
    expect(res.status).toBe(429);
    expect(res.attempts).toBe(3);
    expect(time.sleeps).toEqual([1000, 1000]);
  });

  it('stops when the wait budget would be exceeded', async () => {
    server = await stubServer(script({ status: 503, headers: { 'retry-after': '50' } }));
    const { time, client } = makeClient({ retryBudgetMs: 120_000 });
    const res = await client.request({ step: 's', method: 'GET', url: server.url });
    expect(res.status).toBe(503);
    expect(time.sleeps).toEqual([50_000, 50_000]);
  });
});

describe('HttpClient failures', () => {
  it('times out a server that never answers, with the step and origin in the message', async () => {
    server = await stubServer(() => {
      // never answer
    });
    const { client } = makeClient({ timeoutMs: 50, maxAttempts: 1 });
    const error = await client.request({ step: 'slow step', method: 'GET', url: server.url }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`slow step: no response from ${server.url} within 50 ms`);
  });

  it('retries a dropped connection for a GET and reports the reset when it keeps happening', async () => {
    server = await stubServer((req) => req.socket.destroy());
    const { time, client } = makeClient({ maxAttempts: 2, backoff: { baseMs: 10, maxMs: 10, jitter: 0 } });
    const error = await client.request({ step: 'get', method: 'GET', url: server.url }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.kind).toBe('gave-up');
    expect(error.message).toMatch(
      /^get: gave up after 2 attempt\(s\) .*connection reset by http:\/\/127\.0\.0\.1/,
    );
    expect(time.sleeps).toEqual([10]);
  });

  it('reports a body cut short with the bytes received and expected', async () => {
    server = await stubServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': '100' });
      res.write(Buffer.alloc(10));
      setTimeout(() => res.destroy(), 5);
    });
    const { client } = makeClient();
    const res = await client.stream({ step: 'download', method: 'GET', url: server.url });
    expect(res.status).toBe(200);
    const error = await (async () => {
      for await (const _ of res.body) {
        // read
      }
    })().catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toMatch(/^download: body cut off after 10 of 100 bytes/);
    expect(client.transcript.entries[0]?.error).toBe(error.message);
  });

  it('masks credentials in the transcript', async () => {
    server = await stubServer(script({ status: 200, body: '{}' }));
    const { client } = makeClient();
    await client.request({
      step: 's',
      method: 'GET',
      url: `${server.url}/x?Signature=abc&Expires=1`,
      headers: { authorization: 'Bearer secret-token' },
    });
    const [entry] = client.transcript.entries;
    expect(entry?.requestHeaders.authorization).toBe('Bearer ***');
    expect(entry?.url).toBe(`${server.url}/x?Signature=***&Expires=1`);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer secret-token');
  });
});

describe('HttpClient: broken bodies and idempotency', () => {
  const cutShort = (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '50' });
    res.write('{"status":"IN_PRO');
    setTimeout(() => res.destroy(), 5);
  };

  it('fetches a GET again when its body breaks off, counting the attempt', async () => {
    let n = 0;
    server = await stubServer((req, res) => {
      if (n++ === 0) return cutShort(req, res);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"DONE"}');
    });
    const { time, client } = makeClient({ backoff: { baseMs: 100, maxMs: 100, jitter: 0 } });
    const res = await client.request({ step: 'poll', method: 'GET', url: server.url });
    expect(res.body.toString()).toBe('{"status":"DONE"}');
    expect(res.attempts).toBe(2);
    expect(time.sleeps).toEqual([100]);
    expect(client.transcript.entries[0]?.error).toMatch(/^poll: body cut off after 17 of 50 bytes/);
  });

  it('never resends a POST whose answer broke off, nor one marked retrySafe "status" after a reset', async () => {
    server = await stubServer(cutShort);
    const { client } = makeClient();
    const error = await client
      .request({ step: 'create', method: 'POST', url: server.url, body: '{}', retrySafe: 'status' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.kind).toBe('truncated');
    expect(server.requests).toHaveLength(1);
    await server.close();
    server = await stubServer((req) => req.socket.destroy());
    const reset = await client
      .request({ step: 'create', method: 'POST', url: server.url, body: '{}', retrySafe: 'status' })
      .catch((e) => e);
    expect(reset.kind).toBe('network');
    expect(server.requests).toHaveLength(1);
  });
});
