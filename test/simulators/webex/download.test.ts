import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulators, startSimulators } from '../../../simulators/index.js';
import { Clock } from '../../../simulators/kernel/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import {
  BROADWORKS,
  bearer,
  CLOCK_START,
  checkedCsv,
  download,
  expectCdnError,
  parseCsv,
  TOKENS,
  WHOLESALE,
  webexApp,
} from './helpers.js';

const guard = contractGuard();

async function completedUrl(
  app: Parameters<typeof request>[0],
  body: Record<string, unknown> = {
    billingStartDate: '2026-02-01',
    billingEndDate: '2026-02-28',
    type: 'USER',
  },
): Promise<string> {
  const created = await request(app).post(WHOLESALE).set(bearer(TOKENS.acme)).send(body);
  expect(created.status).toBe(200);
  const got = await request(app).get(`${WHOLESALE}/${created.body.id}`).set(bearer(TOKENS.acme));
  expect(got.body.status).toBe('COMPLETED');
  return got.body.tempDownloadURL as string;
}

describe('webex report downloads', () => {
  it('403 the CloudFront way (XML, no TrackingID) for tampered, incomplete or foreign-key URLs', async () => {
    const { app } = webexApp(guard, { generation: { kind: 'immediate' } });
    const good = new URL(await completedUrl(app));
    const other = new URL(
      await completedUrl(app, {
        billingStartDate: '2026-01-01',
        billingEndDate: '2026-01-31',
        type: 'PARTNER',
      }),
    );
    const variant = (edit: (u: URL) => void) => {
      const u = new URL(good.toString());
      edit(u);
      return u.toString();
    };
    const bad: [string, string, RegExp][] = [
      [
        variant((u) => u.searchParams.set('Signature', `${u.searchParams.get('Signature')!.slice(0, -2)}AA`)),
        'AccessDenied',
        /<Message>Access denied<\/Message>/,
      ],
      [
        variant((u) => u.searchParams.set('Expires', String(Number(u.searchParams.get('Expires')) + 3600))),
        'AccessDenied',
        /Access denied/,
      ],
      [
        variant((u) => u.searchParams.set('Key-Pair-Id', 'APKAAAAAAAAAAAAAAAAA')),
        'InvalidKey',
        /Unknown Key/,
      ],
      [variant((u) => u.searchParams.delete('Signature')), 'AccessDenied', /Access denied/],
      [variant((u) => u.searchParams.delete('Expires')), 'AccessDenied', /Access denied/],
      [
        variant((u) => u.searchParams.delete('Key-Pair-Id')),
        'MissingKey',
        /Missing Key-Pair-Id query parameter or cookie value/,
      ],
      [
        variant((u) => {
          u.search = '';
        }),
        'MissingKey',
        /Missing Key-Pair-Id/,
      ],
      // the signature of one file does not open another
      [
        variant((u) => {
          u.pathname = other.pathname;
        }),
        'AccessDenied',
        /Access denied/,
      ],
    ];
    for (const [url, code, message] of bad) {
      const res = await download(app, url);
      expectCdnError(res, 403, code, message);
      expect(res.headers.server).toBe('CloudFront');
      expect(res.headers['x-cache']).toBe('Error from cloudfront');
      // Nothing of the Webex API leaks onto the CDN: an API token does not open a bad URL either.
      expectCdnError(await download(app, url, bearer(TOKENS.acme)), 403, code);
    }
    expect((await download(app, good.toString())).status).toBe(200);
  });

  it('403 once the URL has expired; a new GET signs a fresh one', async () => {
    const { app, clock } = webexApp(guard, { generation: { kind: 'immediate' }, downloadUrlTtlSeconds: 120 });
    const created = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .send({ billingStartDate: '2026-02-01', billingEndDate: '2026-02-02' });
    const path = `${WHOLESALE}/${created.body.id}`;
    const url = (await request(app).get(path).set(bearer(TOKENS.acme))).body.tempDownloadURL as string;
    expect(Number(new URL(url).searchParams.get('Expires'))).toBe(clock.now() / 1000 + 120);
    clock.advance(119_000);
    expect((await download(app, url)).status).toBe(200);
    clock.advance(1_000);
    const expired = await download(app, url);
    expectCdnError(expired, 403, 'AccessDenied', /Access denied/);
    const fresh = (await request(app).get(path).set(bearer(TOKENS.acme))).body.tempDownloadURL as string;
    expect(fresh).not.toBe(url);
    expect((await download(app, fresh)).status).toBe(200);
  });

  it('same seed → byte-identical CSV across two instances; another seed → other data', async () => {
    const one = webexApp(guard, { seed: 42, generation: { kind: 'immediate' } }).app;
    const two = webexApp(guard, { seed: 42, generation: { kind: 'immediate' } }).app;
    const three = webexApp(guard, { seed: 43, generation: { kind: 'immediate' } }).app;
    // different creation order on the second instance: the file depends on the parameters only
    await completedUrl(two, { billingStartDate: '2025-06-01', billingEndDate: '2025-06-30' });
    for (const type of ['PARTNER', 'CUSTOMER', 'USER']) {
      const body = { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31', type };
      const a = (await download(one, await completedUrl(one, body))).body as Buffer;
      const b = (await download(two, await completedUrl(two, body))).body as Buffer;
      const c = (await download(three, await completedUrl(three, body))).body as Buffer;
      expect(a.length).toBeGreaterThan(100);
      expect(Buffer.compare(a, b)).toBe(0);
      expect(Buffer.compare(a, c)).not.toBe(0);
    }
    const bw = async (app: typeof one) => {
      const created = await request(app)
        .post(BROADWORKS)
        .set(bearer(TOKENS.acme))
        .send({ billingPeriod: '2025-12' });
      const got = await request(app).get(`${BROADWORKS}/${created.body.id}`).set(bearer(TOKENS.acme));
      return (await download(app, got.body.tempDownloadURL)).body as Buffer;
    };
    expect(Buffer.compare(await bw(one), await bw(two))).toBe(0);
  });

  it('puts a configured download host in the URL and streams large reports', async () => {
    const { app } = webexApp(guard, {
      generation: { kind: 'immediate' },
      downloadBaseUrl: 'https://billing-reports.example.test/',
      data: { customers: [30, 30], usersPerCustomer: [150, 150] },
    });
    const url = await completedUrl(app);
    expect(url).toMatch(
      /^https:\/\/billing-reports\.example\.test\/1eb65fdf-9643-417f-9974-ad72cae0e10f\/WHOLESALE\//,
    );
    const res = await download(app, url);
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBe((res.body as Buffer).length);
    const rows = checkedCsv('webex-wholesale-user', res.body as Buffer);
    expect(rows.length).toBeGreaterThan(2000);
  });

  it('serves the download route under the path prefix of a configured base, and only there', async () => {
    // A path prefix is outside the contract's paths (it is a deployment choice): no guard here.
    const { app } = webexApp(undefined, {
      generation: { kind: 'immediate' },
      downloadBaseUrl: 'https://cdn.example.test/files/',
    });
    const url = await completedUrl(app);
    const u = new URL(url);
    expect(u.pathname).toMatch(/^\/files\/1eb65fdf-9643-417f-9974-ad72cae0e10f\/WHOLESALE\//);
    expect((await download(app, url)).status).toBe(200);
    const bare = await download(
      app,
      `https://cdn.example.test${u.pathname.replace('/files', '')}${u.search}`,
    );
    expectCdnError(bare, 403, 'AccessDenied');
  });

  it('objects like S3 behind CloudFront: Content-Length, ETag, Last-Modified, ranges, HEAD, 304', async () => {
    const { app, clock } = webexApp(guard, { generation: { kind: 'time', ms: 90_000 } });
    const created = await request(app)
      .post(WHOLESALE)
      .set(bearer(TOKENS.acme))
      .send({ billingStartDate: '2026-02-01', billingEndDate: '2026-02-28', type: 'CUSTOMER' });
    clock.advance(90_000);
    const finished = new Date(clock.now()).toUTCString();
    clock.advance(3_600_000 - 1000);
    const url = (await request(app).get(`${WHOLESALE}/${created.body.id}`).set(bearer(TOKENS.acme))).body
      .tempDownloadURL as string;
    const full = await download(app, url);
    const bytes = full.body as Buffer;
    expect(full.status).toBe(200);
    expect(full.headers['content-length']).toBe(String(bytes.length));
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(full.headers['last-modified']).toBe(finished);
    expect(full.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(full.headers.date).toBe(new Date(clock.now()).toUTCString());
    expect(full.headers.trackingid).toBeUndefined();
    expect(full.headers['x-cache']).toBe('Miss from cloudfront');
    expect(full.headers['x-amz-cf-id']).toMatch(/^[A-Za-z0-9_-]{54}==$/);

    const part = await download(app, url, { Range: 'bytes=10-99' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-99/${bytes.length}`);
    expect(part.headers['content-length']).toBe('90');
    expect(Buffer.compare(part.body as Buffer, bytes.subarray(10, 100))).toBe(0);
    const tail = await download(app, url, { Range: 'bytes=-25' });
    expect(tail.status).toBe(206);
    expect(Buffer.compare(tail.body as Buffer, bytes.subarray(bytes.length - 25))).toBe(0);
    const open = await download(app, url, { Range: `bytes=${bytes.length - 5}-` });
    expect(Buffer.compare(open.body as Buffer, bytes.subarray(bytes.length - 5))).toBe(0);
    const past = await download(app, url, { Range: `bytes=${bytes.length}-` });
    expectCdnError(past, 416, 'InvalidRange');
    expect(past.headers['content-range']).toBe(`bytes */${bytes.length}`);
    // Several ranges or a malformed header: the whole object.
    expect((await download(app, url, { Range: 'bytes=0-1,5-6' })).status).toBe(200);
    expect((await download(app, url, { Range: 'lines=1-2' })).status).toBe(200);

    const head = await download(app, url, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(bytes.length));
    expect(head.headers.etag).toBe(full.headers.etag);
    const cached = await download(app, url, { 'If-None-Match': full.headers.etag as string });
    expect(cached.status).toBe(304);
    expect((cached.body as Buffer).length).toBe(0);
    const post = await download(app, url, {}, 'POST');
    expectCdnError(post, 405, 'MethodNotAllowed');
    expect(post.headers.allow).toBe('GET, HEAD');

    // The kernel's fault rules reach the download host too, rendered the CDN way.
    app.sim.kernel.faults.add({
      match: { method: 'GET', path: '/*/WHOLESALE/*' },
      effect: { status: 503, retryAfterSeconds: 3 },
      times: 1,
    });
    const slow = await download(app, url);
    expectCdnError(slow, 503, 'SlowDown');
    expect(slow.headers['retry-after']).toBe('3');
    expect((await download(app, url)).status).toBe(200);

    // A deleted report's file: S3's 404 NoSuchKey (the signature still checks out).
    expect(
      (await request(app).delete(`${WHOLESALE}/${created.body.id}`).set(bearer(TOKENS.acme))).status,
    ).toBe(204);
    expectCdnError(await download(app, url), 404, 'NoSuchKey', /The specified key does not exist/);
  });
});

describe('webex downloads over real sockets', () => {
  let running: RunningSimulators | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('tempDownloadURL names the download host, its own listener; fetched without a token', async () => {
    running = await startSimulators({
      only: ['webex'],
      ports: { webex: 0 },
      clock: new Clock({ mode: 'manual', start: CLOCK_START }),
      simulators: { webex: { generation: { kind: 'immediate' } } },
    });
    const api = running.urls.webex as string;
    const host = running.servers['webex.downloads'];
    expect(host).toBeDefined();
    expect(host?.url).not.toBe(api);
    const headers = { Authorization: `Bearer ${TOKENS.acme}`, 'Content-Type': 'application/json' };
    const created = await fetch(`${api}${BROADWORKS}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ billingPeriod: '2026-02' }),
    });
    const { id } = (await created.json()) as { id: string };
    const report = (await (await fetch(`${api}${BROADWORKS}/${id}`, { headers })).json()) as {
      tempDownloadURL: string;
    };
    expect(report.tempDownloadURL.startsWith(`${host?.url}/`)).toBe(true);
    const file = await fetch(report.tempDownloadURL);
    expect(file.status).toBe(200);
    expect(file.headers.get('trackingid')).toBeNull();
    const rows = parseCsv(await file.text());
    expect(rows[0]?.[0]).toBe('recordType');
    // The API origin does not serve files.
    const u = new URL(report.tempDownloadURL);
    expectWebexError404(await fetch(`${api}${u.pathname}${u.search}`));
  });

  it('https with the shipped certificate when asked', async () => {
    running = await startSimulators({
      only: ['webex'],
      ports: { webex: 0 },
      clock: new Clock({ mode: 'manual', start: CLOCK_START }),
      simulators: { webex: { generation: { kind: 'immediate' }, downloads: { tls: true } } },
    });
    const host = running.servers['webex.downloads'];
    expect(host?.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(host?.certificate).toContain('BEGIN CERTIFICATE');
  });
});

async function expectWebexError404(res: Response): Promise<void> {
  expect(res.status).toBe(404);
  expect(res.headers.get('trackingid')).toMatch(/^ROUTER_/);
}
