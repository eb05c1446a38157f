import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, type SimApp, serve, startSimulators } from '../../../simulators/index.js';
import { PLUGINS } from '../../../simulators/registry.js';
import { contractGuard } from '../../support/contract-guard.js';
import { ADMIN, BILLING, makeApp, unzip } from './support.js';

const guard = contractGuard();

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, options: { ca?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca: options.ca, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS with a self-signed certificate generated at start', () => {
  let server: RunningServer;
  let app: SimApp;
  let clock: ReturnType<typeof makeApp>['clock'];

  beforeAll(async () => {
    const made = makeApp(guard);
    app = made.app;
    clock = made.clock;
    server = await serve(app, { tls: true });
  });
  afterAll(() => server.close());

  it('serves a client that trusts the certificate, end to end', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(server.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const ca = server.certificate!;
    const status = await get(`${server.url}${BILLING}/status`, { ca, headers: { Authorization: ADMIN } });
    expect(status.status).toBe(200);
    const body = JSON.parse(status.body.toString());
    expect(body.atomLinkList[0].href).toBe(`${server.url}${BILLING}/status`);

    const started = await new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      const req = httpsRequest(
        `${server.url}${BILLING}/generate-cdrs`,
        { method: 'POST', ca, headers: { Authorization: ADMIN } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(started.status).toBe(202);
    expect(started.location).toBe(`${server.url}${BILLING}/status`);
    clock.advance(10_000);
    const zip = await get(`${server.url}${BILLING}/download-cdrs`, { ca, headers: { Authorization: ADMIN } });
    expect(zip.status).toBe(200);
    const files = await unzip(zip.body);
    expect([...files.keys()]).toEqual(['calls.csv', 'conferences.csv', 'callcounts.csv']);
  });

  it('refuses a client that does not trust it', async () => {
    await expect(
      get(`${server.url}${BILLING}/status`, { headers: { Authorization: ADMIN } }),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/),
    });
  });
});

describe('registration', () => {
  it('is in the registry: HTTPS on 8443 by default, with a banner naming the demo users', () => {
    const mod = PLUGINS.find((s) => s.name === 'rprm');
    expect(mod).toMatchObject({
      defaultPort: 8443,
      tls: true,
      title: 'Polycom RPRM / DMA billing CDR export',
    });
    const lines = mod!.describe(mod!.create({}), 'https://127.0.0.1:8443');
    expect(lines[0]).toContain('https://127.0.0.1:8443/api/rest/billing/status');
    expect(lines.join('\n')).toMatch(/admin \/ Polycom12# \(admin\)/);
    expect(lines.join('\n')).toMatch(/scheduler \/ .* \(scheduler\)/);
  });

  it('startSimulators serves it over TLS', async () => {
    const running = await startSimulators({
      only: ['rprm'],
      ports: { rprm: 0 },
      clock: { mode: 'manual', start: '2026-03-15T14:00:00Z' },
      kernel: { onExchange: guard.onExchange },
    });
    try {
      const server = running.servers.rprm!;
      expect(running.urls.rprm).toMatch(/^https:/);
      const res = await get(`${running.urls.rprm}${BILLING}/status`, {
        ca: server.certificate,
        headers: { Authorization: ADMIN },
      });
      expect(res.status).toBe(200);
    } finally {
      await running.close();
    }
  });
});
