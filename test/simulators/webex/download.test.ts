import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, serve } from '../../../simulators/kernel/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import {
  BROADWORKS,
  bearer,
  checkedCsv,
  download,
  expectWebexError,
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
  it('403 in the Webex envelope for tampered, incomplete or foreign-key URLs', async () => {
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
    const bad = [
      variant((u) => u.searchParams.set('Signature', `${u.searchParams.get('Signature')!.slice(0, -2)}AA`)),
      variant((u) => u.searchParams.set('Expires', String(Number(u.searchParams.get('Expires')) + 3600))),
      variant((u) => u.searchParams.set('Key-Pair-Id', 'APKAAAAAAAAAAAAAAAAA')),
      variant((u) => u.searchParams.delete('Signature')),
      variant((u) => u.searchParams.delete('Expires')),
      variant((u) => {
        u.search = '';
      }),
      // the signature of one file does not open another
      variant((u) => {
        u.pathname = other.pathname;
      }),
    ];
    for (const url of bad) {
      const res = await download(app, url);
      expectWebexError(res, 403, /^Access denied/);
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
    expectWebexError(expired, 403, /expired at 2026-03-15T10:02:00.000Z/);
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
    expect(res.headers['transfer-encoding']).toBe('chunked');
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
    const bare = await request(app).get(`${u.pathname.replace('/files', '')}${u.search}`);
    expectWebexError(bare, 404);
  });
});

describe('webex downloads over a real socket', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('tempDownloadURL uses the origin the client called; fetched without a token', async () => {
    const { app } = webexApp(guard, { generation: { kind: 'immediate' } });
    server = await serve(app, { port: 0 });
    const headers = { Authorization: `Bearer ${TOKENS.acme}`, 'Content-Type': 'application/json' };
    const created = await fetch(`${server.url}${BROADWORKS}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ billingPeriod: '2026-02' }),
    });
    const { id } = (await created.json()) as { id: string };
    const report = (await (await fetch(`${server.url}${BROADWORKS}/${id}`, { headers })).json()) as {
      tempDownloadURL: string;
    };
    expect(report.tempDownloadURL.startsWith(`${server.url}/`)).toBe(true);
    const file = await fetch(report.tempDownloadURL);
    expect(file.status).toBe(200);
    expect(file.headers.get('trackingid')).toMatch(/^ROUTER_/);
    const rows = parseCsv(await file.text());
    expect(rows[0]?.[0]).toBe('recordType');
  });
});
