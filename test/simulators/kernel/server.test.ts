import { createPrivateKey, X509Certificate } from 'node:crypto';
import { get as httpsGet } from 'node:https';
import { describe, expect, it } from 'vitest';
import { Clock, LOCALHOST_CERTIFICATE, serve } from '../../../simulators/kernel/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const toy = () =>
  createToyApp({
    clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
    onExchange: guard.onExchange,
  });

function httpsText(url: string, ca?: string): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = httpsGet(url, { ca, rejectUnauthorized: true }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
  });
}

describe('serve', () => {
  it('serves HTTPS with the shipped localhost certificate by default, trusted by a client given it', async () => {
    const server = await serve(toy(), { tls: true });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(server.certificate).toBe(LOCALHOST_CERTIFICATE.cert);
      const trusted = await httpsText(`${server.url}/_sim/health`, server.certificate);
      expect(trusted.status).toBe(200);
      expect(JSON.parse(trusted.body ?? '{}')).toMatchObject({ vendor: 'toy', status: 'ok' });
      const untrusted = await httpsText(`${server.url}/_sim/health`);
      expect(untrusted.error).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/);
    } finally {
      await server.close();
    }
  });

  it('the shipped certificate covers localhost, 127.0.0.1 and ::1 for a century and its key matches', () => {
    const cert = new X509Certificate(LOCALHOST_CERTIFICATE.cert);
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(new Date(cert.validFrom).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(new Date(cert.validTo).toISOString()).toBe('2126-01-01T00:00:00.000Z');
    expect(cert.checkPrivateKey(createPrivateKey(LOCALHOST_CERTIFICATE.key))).toBe(true);
    expect(cert.ca).toBe(false);
  });

  it("tls: 'generate' makes a fresh certificate per start, not the shipped one", async () => {
    const server = await serve(toy(), { tls: 'generate' });
    try {
      expect(server.certificate).toMatch(/BEGIN CERTIFICATE/);
      expect(server.certificate).not.toBe(LOCALHOST_CERTIFICATE.cert);
      const trusted = await httpsText(`${server.url}/_sim/health`, server.certificate);
      expect(trusted.status).toBe(200);
      const withShipped = await httpsText(`${server.url}/_sim/health`, LOCALHOST_CERTIFICATE.cert);
      expect(withShipped.error).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO|SIGNATURE/);
    } finally {
      await server.close();
    }
  });

  it('close() lets an in-flight stream finish, then stops listening', async () => {
    const app = toy();
    const server = await serve(app);
    const res = await fetch(`${server.url}/toy/slow`, { headers: { authorization: 'Bearer a.b' } });
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('first\n');
    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(false); // still streaming
    app.sim.kernel.clock.advance(1000);
    let rest = '';
    for (;;) {
      const part = await reader.read();
      if (part.done) break;
      rest += Buffer.from(part.value).toString();
    }
    expect(rest).toBe('last\n');
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${server.url}/_sim/health`)).rejects.toThrow();
  });
});
