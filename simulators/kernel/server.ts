import {
  createServer as createHttpServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type RequestListener,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
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
  /** Edge limits; every simulator gets its own (defaults in EDGE_DEFAULTS). */
  edge?: Partial<EdgeLimits>;
  /**
   * Renders the answer to a request Node cannot parse (400) or whose headers are too large
   * (431). Default: the app's own (`app.sim.renderBareError`), so it carries the vendor's envelope.
   */
  renderBareError?: (status: number, message: string) => BareAnswer;
}

export interface BareAnswer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/**
 * Per-server socket limits. One process serves every simulator, so each server caps its own
 * sockets and drops the slow or idle ones: a flood of idle connections on one port leaves file
 * descriptors for the others (3 × 256 stays below the usual `ulimit -n` of 1024).
 */
export interface EdgeLimits {
  /** Open sockets per server; further connections are closed on accept. */
  maxConnections: number;
  /** Time for a client to send the complete request head (also bounds a socket that sends nothing). */
  headersTimeoutMs: number;
  /** Time for a client to send the complete request, body included. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive socket is kept between requests. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic either way this long is closed (delayed answers included). */
  idleTimeoutMs: number;
  /** How often Node checks the header and request timeouts. */
  checkIntervalMs: number;
  /**
   * After an answer that left the body unread (a 413, an early 401), up to this many further
   * bytes are read and discarded so a client that writes its whole body before reading still
   * gets the answer; past it the socket is cut.
   */
  drainLimitBytes: number;
}

export const EDGE_DEFAULTS: EdgeLimits = {
  maxConnections: 256,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 120_000,
  checkIntervalMs: 1_000,
  drainLimitBytes: 16 << 20,
};

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
  const edge = { ...EDGE_DEFAULTS, ...options.edge };
  const httpOptions = {
    ...messages,
    headersTimeout: edge.headersTimeoutMs,
    requestTimeout: edge.requestTimeoutMs,
    keepAliveTimeout: edge.keepAliveTimeoutMs,
    connectionsCheckingInterval: edge.checkIntervalMs,
  };
  const server: Server = tls
    ? createHttpsServer({ ...httpOptions, cert: tls.cert, key: tls.key }, handler)
    : createHttpServer(httpOptions, handler);
  server.maxConnections = edge.maxConnections;
  (server as EdgeServer)[kDrainLimit] = edge.drainLimitBytes;
  server.prependListener('request', watchUnreadBody);
  server.timeout = edge.idleTimeoutMs;
  const renderBare =
    options.renderBareError ??
    (handler as { sim?: { renderBareError?: ServeOptions['renderBareError'] } }).sim?.renderBareError;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
    answerClientError(error, socket, renderBare),
  );
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

/** Where each server keeps its drain limit (on the server itself: no state shared between apps). */
const kDrainLimit = Symbol('billing-sim.drainLimitBytes');
type EdgeServer = Server & { [kDrainLimit]?: number };
/** How often a connection discarding a rejected body checks how much it has read. */
const DRAIN_CHECK_MS = 50;

/**
 * Runs before the app. A request with a body keeps its connection open after the answer even if
 * it asked for `Connection: close`: Node would otherwise close the socket as soon as an early
 * answer (a 413, a 401) is written, and the client, still writing its body, would get a reset
 * that wipes the answer from its receive buffer. Node then reads the rest of the body and
 * discards it (bounded by boundDrain); the client closes once it has read the answer, or the
 * keep-alive timeout does.
 */
function watchUnreadBody(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers['transfer-encoding'] === undefined && !(Number(req.headers['content-length']) > 0)) return;
  res.shouldKeepAlive = true;
  res.once('finish', boundDrain);
}

/** The answer went out before the body was read: discard at most drainLimitBytes more. */
function boundDrain(this: ServerResponse): void {
  const req = this.req;
  if (req.complete || req.destroyed) return;
  const socket = req.socket;
  const server = (socket as { server?: Server }).server;
  const limit = (server as EdgeServer | undefined)?.[kDrainLimit] ?? EDGE_DEFAULTS.drainLimitBytes;
  const start = socket.bytesRead;
  // Node's parser reads the socket's handle directly (no 'data' events): poll the byte count.
  const timer = setInterval(() => {
    if (req.complete || socket.destroyed) clearInterval(timer);
    else if (socket.bytesRead - start > limit) {
      clearInterval(timer);
      socket.destroy();
    }
  }, DRAIN_CHECK_MS);
  timer.unref();
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

/**
 * Node's own answer to unparseable HTTP is a bare `400 Bad Request` with no body; the vendor's
 * clients expect its envelope and headers. Timeouts and resets get no answer: nobody is reading.
 */
function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Socket,
  render: ServeOptions['renderBareError'],
): void {
  const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (
    error.code === 'ECONNRESET' ||
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ||
    !socket.writable ||
    inFlight?.headersSent
  ) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const message =
    status === 431
      ? 'Request header fields too large.'
      : `The request is not valid HTTP (${error.code ?? 'parse error'}).`;
  let answer: BareAnswer;
  try {
    answer = render?.(status, message) ?? { status, headers: {}, body: Buffer.alloc(0) };
  } catch {
    answer = { status, headers: {}, body: Buffer.alloc(0) };
  }
  const lines = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}`];
  for (const [name, value] of Object.entries(answer.headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || lower === 'connection' || lower === 'content-length') continue;
    for (const v of Array.isArray(value) ? value : [value])
      lines.push(`${name}: ${String(v).replace(/[\r\n]/g, '')}`);
  }
  lines.push(`Content-Length: ${answer.body.length}`, 'Connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), answer.body]));
}
