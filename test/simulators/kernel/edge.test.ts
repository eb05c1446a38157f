import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { contracts } from '../../../contracts/index.js';
import { createPureCloudApp, createRprmApp, createWebexApp } from '../../../simulators/index.js';
import { Clock, type RunningServer, serve } from '../../../simulators/kernel/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { toyContracts } from '../../support/toy-contracts.js';
import { createToyApp } from '../../support/toy-vendor.js';

const guard = contractGuard(contracts());
const toyGuard = contractGuard(toyContracts);
const clock = () => new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' });
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  error?: string;
}

/** Writes raw bytes, then reads whatever comes back until the server closes. */
function raw(
  port: number,
  bytes: Buffer | string,
  opts: { writeAllFirst?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let error: string | undefined;
    socket.on('data', (c) => {
      chunks.push(c);
      // Like a client that asked for Connection: close: hang up once the answer is complete.
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end));
      if (end >= 0 && length && text.length - end - 4 >= Number(length[1])) socket.end();
    });
    socket.on('error', (e) => {
      error = (e as NodeJS.ErrnoException).code ?? e.message;
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n'), error });
    });
    if (opts.writeAllFirst) {
      // A client that sends its whole body before it reads a byte of the answer.
      socket.pause();
      socket.write(bytes, () => socket.resume());
    } else socket.write(bytes);
  });
}

const VENDORS = [
  {
    name: 'purecloud',
    app: () => createPureCloudApp({ clock: clock(), onExchange: guard.onExchange }),
    envelope: (body: Record<string, unknown>, status: number) => {
      expect(body).toMatchObject({ status });
      expect(typeof body.code).toBe('string');
    },
    headers: ['inin-correlation-id'],
  },
  {
    name: 'webex',
    app: () => createWebexApp({ clock: clock(), onExchange: guard.onExchange }),
    envelope: (body: Record<string, unknown>) => {
      expect(typeof body.message).toBe('string');
      expect(typeof body.trackingId).toBe('string');
    },
    headers: ['trackingid'],
  },
  {
    name: 'rprm',
    app: () => createRprmApp({ clock: clock(), onExchange: guard.onExchange }),
    envelope: (body: Record<string, unknown>, status: number) =>
      expect(body).toMatchObject({ statusCode: status, detailedErrorCode: expect.any(Number) }),
    headers: [],
  },
] as const;

describe('hardened HTTP edge: clientError in the vendor envelope', () => {
  for (const vendor of VENDORS) {
    it(`${vendor.name}: malformed HTTP → 400 and oversize headers → 431, in its envelope with its headers`, async () => {
      const server = await serve(vendor.app());
      servers.push(server);
      const bad = await raw(server.port, 'GARBAGE\r\n\r\n');
      const big = await raw(server.port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
      for (const [answer, status] of [
        [bad, 400],
        [big, 431],
      ] as const) {
        expect(answer.status).toBe(status);
        expect(answer.headers.connection).toBe('close');
        for (const h of vendor.headers) expect(answer.headers[h], h).toBeTruthy();
        const type = answer.headers['content-type'] ?? '';
        if (type.includes('json'))
          (vendor.envelope as (b: unknown, s: number) => void)(JSON.parse(answer.body), status);
        else (vendor.envelope as (b: unknown, s: number) => void)(answer.body, status);
        expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body, 'latin1'));
      }
      // The contract guard saw both answers (validated against x-unmatched-routes).
      expect(guard.exchanges.filter((x) => x.vendor === vendor.name && x.path === '*').length).toBe(2);
    });
  }
});

describe('hardened HTTP edge: limits', () => {
  it('a 413 reaches a client that writes its whole body before reading', async () => {
    const app = createToyApp({ clock: clock(), onExchange: toyGuard.onExchange });
    const server = await serve(app);
    servers.push(server);
    const body = Buffer.alloc(8 << 20, 0x20);
    // Connection: close, so the server ends the socket once it has answered (and drained).
    const head = `POST /toy/items HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer acme.t\r\nContent-Type: application/json\r\n`;
    const sized = await raw(
      server.port,
      Buffer.concat([Buffer.from(`${head}Content-Length: ${body.length}\r\n\r\n`), body]),
      { writeAllFirst: true },
    );
    expect(sized.error).toBeUndefined();
    expect(sized.status).toBe(413);
    expect(JSON.parse(sized.body.split('\r\n\r\n')[0] ?? sized.body)).toMatchObject({ status: 413 });
    const chunkedBody = Buffer.concat([
      Buffer.from(`${(1 << 20).toString(16)}\r\n`),
      Buffer.alloc(1 << 20, 0x20),
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
    const chunked = await raw(
      server.port,
      Buffer.concat([Buffer.from(`${head}Transfer-Encoding: chunked\r\n\r\n`), chunkedBody]),
      { writeAllFirst: true },
    );
    expect(chunked.error).toBeUndefined();
    expect(chunked.status).toBe(413);
  });

  it('flood: a rejected body is discarded only up to the drain limit, then the socket is cut', async () => {
    const app = createToyApp({ clock: clock() });
    const server = await serve(app, { edge: { drainLimitBytes: 1 << 20 } });
    servers.push(server);
    const head = `POST /toy/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer acme.t\r\nContent-Type: application/json\r\nContent-Length: ${1 << 30}\r\n\r\n`;
    const answer = await new Promise<{ status: string; written: number }>((resolve) => {
      const socket = connect(server.port, '127.0.0.1');
      let written = 0;
      let status = '';
      const chunk = Buffer.alloc(64 << 10, 0x20);
      socket.on('data', (c) => {
        status ||= c.toString('latin1').split('\r\n')[0] ?? '';
      });
      socket.on('error', () => {});
      socket.on('close', () => resolve({ status, written }));
      socket.write(head);
      const pump = () => {
        while (!socket.destroyed && written < 64 << 20) {
          written += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    expect(answer.status).toBe('HTTP/1.1 413 Payload Too Large');
    // Cut long before the client's 1 GiB (64 MiB sent at most by this client).
    expect(answer.written).toBeLessThan(64 << 20);
  });

  it('flood: sockets past maxConnections are refused while the other simulator keeps answering', async () => {
    const a = await serve(createToyApp({ clock: clock() }), { edge: { maxConnections: 20 } });
    const b = await serve(createToyApp({ clock: clock() }), { edge: { maxConnections: 20 } });
    servers.push(a, b);
    const idle = await Promise.all(
      Array.from(
        { length: 60 },
        () =>
          new Promise<import('node:net').Socket>((resolve) => {
            const s = connect(a.port, '127.0.0.1', () => resolve(s));
            s.on('error', () => {});
          }),
      ),
    );
    await new Promise((r) => setTimeout(r, 100));
    const open = await new Promise<number>((resolve) => a.server.getConnections((_e, n) => resolve(n)));
    expect(open).toBeLessThanOrEqual(20);
    const res = await fetch(`${b.url}/_sim/health`);
    expect(res.status).toBe(200);
    for (const s of idle) s.destroy();
  });

  it('an idle socket that never sends its request head is closed by the headers timeout', async () => {
    const server = await serve(createToyApp({ clock: clock() }), {
      edge: { headersTimeoutMs: 200, requestTimeoutMs: 300, checkIntervalMs: 50 },
    });
    servers.push(server);
    const started = performance.now();
    const answer = await raw(server.port, 'GET /_sim/health HTTP/1.1\r\n');
    expect(answer.status === 0 || answer.status === 408).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('the edge defaults are set on the server', async () => {
    const server = await serve(createToyApp({ clock: clock() }));
    servers.push(server);
    expect(server.server.maxConnections).toBe(256);
    expect(server.server.headersTimeout).toBe(10_000);
    expect(server.server.requestTimeout).toBe(60_000);
    expect(server.server.keepAliveTimeout).toBe(5_000);
    expect(server.server.timeout).toBe(120_000);
  });
});
