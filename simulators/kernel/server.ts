import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { alignedMessageClasses } from './express-messages.js';
import { resolveTls, type TlsChoice } from './tls.js';

export interface ServeOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** HTTPS: cert+key, `true` for the shipped localhost certificate, `'generate'` for a fresh one. */
  tls?: TlsChoice;
  /** How long close() waits for in-flight responses before cutting them. Default 5000 ms. */
  closeTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  /** The certificate in use (PEM), so clients can trust it. */
  certificate: string | undefined;
  /** Stops accepting, lets in-flight responses and streams finish, then resolves. */
  close(): Promise<void>;
}

export async function serve(handler: RequestListener, options: ServeOptions = {}): Promise<RunningServer> {
  const tls = await resolveTls(options.tls);
  // Express apps get request/response classes born with the app's prototypes (express-messages.ts).
  const messages = alignedMessageClasses(handler) ?? {};
  const server: Server = tls
    ? createHttpsServer({ ...messages, cert: tls.cert, key: tls.key }, handler)
    : createHttpServer(messages, handler);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${tls ? 'https' : 'http'}://${urlHost}:${port}`,
    port,
    server,
    certificate: tls?.cert,
    close: () => closeGracefully(server, options.closeTimeoutMs ?? 5000),
  };
}

function closeGracefully(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
