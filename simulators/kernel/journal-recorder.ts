import type { Request, Response } from 'express';
import { packHeaders, packOutgoing, TEXTUAL_BODY } from './journal.js';
import type { Kernel } from './kernel.js';

/** One line of the request log (`serve --log`), handed to the kernel's `onRequest` option. */
export interface RequestLogEntry {
  /** Simulator time of arrival, epoch ms. */
  atMs: number;
  vendor: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  fault: string | undefined;
  tenant: string | undefined;
}

/** Per-request recording state, kept on the request's kernel state (no closure per request). */
export interface Capture {
  kernel: Kernel;
  /** The kernel's per-request state: identity and the fault applied are read at close. */
  state: { identity: { tenant?: string; token?: string }; fault: string | undefined };
  atMs: number;
  started: number;
  path: string;
  /** Bodies are copied (the journal keeps them). */
  bodies: boolean;
  /** The response wrote before its end (a stream): recorded when the connection closes. */
  streaming: boolean;
  /** Recorded already (at end, or at close). */
  done: boolean;
  chunks: (string | Buffer)[] | undefined;
  captured: number;
  bytes: number;
  /** undefined until the first chunk shows the response's media type. */
  textual: boolean | undefined;
}

/**
 * Starts recording the exchange: the journal entry (and the `onRequest` line) is written when the
 * response ends, or when the connection closes for a response that streamed, was cut by a fault
 * or never ended. The capture itself lives on the app's response prototype
 * (`captureOnPrototype`): nothing is wrapped or listened to per request on the common path.
 */
export function recordExchange(kernel: Kernel, req: Request, state: Capture['state']): void {
  const capture: Capture = {
    kernel,
    state,
    atMs: kernel.clock.now(),
    started: performance.now(),
    path: req.path,
    bodies: kernel.journal.enabled && kernel.journal.bodyBytes > 0,
    streaming: false,
    done: false,
    chunks: undefined,
    captured: 0,
    bytes: 0,
    textual: undefined,
  };
  (state as { journal?: Capture }).journal = capture;
}

/**
 * A response that may not reach `end()` (a fault delays, drops or cuts it) is recorded when its
 * connection closes, with status 0 unless it finished.
 */
export function recordAtClose(res: Response): void {
  const c = captureOf(res);
  if (!c || c.streaming) return;
  c.streaming = true;
  res.once('close', onClose);
}

/**
 * Puts the body capture on one app's response prototype (Express gives each app its own), so
 * every response of that app passes through it without per-request wrappers, closures or
 * listeners; other apps and Node's own ServerResponse are untouched.
 */
export function captureOnPrototype(proto: Response): void {
  const baseWrite = proto.write as (this: Response, ...args: unknown[]) => boolean;
  const baseEnd = proto.end as (this: Response, ...args: unknown[]) => Response;
  proto.write = function write(this: Response, chunk: unknown, ...rest: unknown[]): boolean {
    const c = captureOf(this);
    if (c && !c.done) {
      keep(this, c, chunk, rest[0]);
      recordAtClose(this);
    }
    return baseWrite.call(this, chunk, ...rest);
  } as Response['write'];
  proto.end = function end(this: Response, chunk?: unknown, ...rest: unknown[]): Response {
    const c = captureOf(this);
    if (!c || c.done) return baseEnd.call(this, chunk, ...rest);
    keep(this, c, chunk, rest[0]);
    const out = baseEnd.call(this, chunk, ...rest);
    // A plain answer is complete once end() has handed it to Node: recorded now, no listener.
    if (!c.streaming) finish(this, c, this.statusCode);
    return out;
  } as Response['end'];
}

function captureOf(res: Response): Capture | undefined {
  return (res.locals?.sim as { journal?: Capture } | undefined)?.journal;
}

function keep(res: Response, c: Capture, chunk: unknown, encoding: unknown): void {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
  const enc = typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8';
  const isString = typeof chunk === 'string';
  if (!isString && !(chunk instanceof Uint8Array)) return;
  const length = isString ? Buffer.byteLength(chunk, enc) : chunk.byteLength;
  c.bytes += length;
  if (!c.bodies) return;
  if (c.textual === undefined) c.textual = TEXTUAL_BODY.test(String(res.getHeader('content-type') ?? ''));
  const limit = c.kernel.journal.bodyBytes;
  if (!c.textual || c.captured >= limit) return;
  const room = limit - c.captured;
  c.chunks ??= [];
  if (isString && enc === 'utf8' && length <= room) {
    // Strings are immutable: keeping the reference costs nothing.
    c.chunks.push(chunk);
    c.captured += length;
    return;
  }
  // Copy only what fits (a Buffer may be reused by its producer; a long string is not kept
  // whole): `room` characters encode to at least `room` bytes.
  const part = isString
    ? Buffer.from(chunk.length > room ? chunk.slice(0, room) : chunk, enc).subarray(0, room)
    : c.kernel.journal.copyBody(chunk, Math.min(room, length));
  c.chunks.push(part);
  c.captured += part.length;
}

/** One shared listener (no closure per request). */
function onClose(this: Response): void {
  const c = captureOf(this);
  if (c && !c.done) finish(this, c, this.writableFinished ? this.statusCode : 0);
}

function finish(res: Response, c: Capture, status: number): void {
  c.done = true;
  const req = res.req;
  const { kernel, state } = c;
  const durationMs = Math.round((performance.now() - c.started) * 1000) / 1000;
  if (kernel.journal.enabled) {
    const q = req.originalUrl.indexOf('?');
    kernel.journal.record({
      seq: 0,
      atMs: c.atMs,
      method: req.method,
      path: c.path,
      query: q >= 0 ? req.originalUrl.slice(q + 1) : '',
      status,
      durationMs,
      tenant: state.identity.tenant,
      token: state.identity.token,
      fault: state.fault,
      requestBytes: Number(req.headers['content-length'] ?? 0),
      requestHeaders: packHeaders(req.rawHeaders),
      requestBody: (req as { body?: unknown }).body,
      responseHeaders: packOutgoing(res.getHeaders()),
      responseChunks: c.chunks,
      responseCaptured: c.captured,
      responseBytes: c.bytes,
    });
  }
  kernel.options.onRequest?.({
    atMs: c.atMs,
    vendor: kernel.vendor,
    method: req.method,
    path: c.path,
    status,
    durationMs,
    fault: state.fault,
    tenant: state.identity.tenant,
  });
}
