import type { Request, Response } from 'express';
import { TEXTUAL_BODY } from './journal.js';
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
  write?: Response['write'];
  end?: Response['end'];
  chunks: (string | Buffer)[] | undefined;
  captured: number;
  bytes: number;
  /** undefined until the first chunk shows the response's media type. */
  textual: boolean | undefined;
}

/**
 * Records the exchange in the journal (and hands it to `onRequest`) when the response closes.
 * Bodies are copied only when the journal keeps them, and only up to its body size.
 */
export function recordExchange(kernel: Kernel, req: Request, res: Response, state: Capture['state']): void {
  const capture: Capture = {
    kernel,
    state,
    atMs: kernel.clock.now(),
    started: performance.now(),
    path: req.path,
    chunks: undefined,
    captured: 0,
    bytes: 0,
    textual: undefined,
  };
  (state as { journal?: Capture }).journal = capture;
  if (kernel.journal.enabled && kernel.journal.bodyBytes > 0) {
    capture.write = res.write;
    capture.end = res.end;
    res.write = captureWrite as Response['write'];
    res.end = captureEnd as Response['end'];
  }
  res.on('close', onClose);
}

function captureOf(res: Response): Capture {
  return (res.locals.sim as { journal: Capture }).journal;
}

function keep(res: Response, c: Capture, chunk: unknown, encoding: unknown): void {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
  const enc = typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8';
  const isString = typeof chunk === 'string';
  if (!isString && !(chunk instanceof Uint8Array)) return;
  const length = isString ? Buffer.byteLength(chunk, enc) : chunk.byteLength;
  c.bytes += length;
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
    : Buffer.from(chunk.subarray(0, room));
  c.chunks.push(part);
  c.captured += part.length;
}

function captureWrite(this: Response, chunk: unknown, ...rest: unknown[]): boolean {
  const c = captureOf(this);
  keep(this, c, chunk, rest[0]);
  return (c.write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
}

function captureEnd(this: Response, chunk?: unknown, ...rest: unknown[]): Response {
  const c = captureOf(this);
  keep(this, c, chunk, rest[0]);
  return (c.end as (...args: unknown[]) => Response).call(this, chunk, ...rest);
}

/** One shared listener (no closure per request): the journal is on the hot path of every call. */
function onClose(this: Response): void {
  const req = this.req;
  const c = captureOf(this);
  const { kernel, state } = c;
  const q = req.originalUrl.indexOf('?');
  const status = this.writableFinished ? this.statusCode : 0;
  const durationMs = Math.round((performance.now() - c.started) * 1000) / 1000;
  const requestBytes = Number(req.headers['content-length'] ?? 0);
  if (kernel.journal.enabled) {
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
      requestBytes,
      requestHeaders: req.headers,
      requestBody: (req as { body?: unknown }).body,
      responseHeaders: this.getHeaders(),
      responseChunks: c.chunks,
      responseCaptured: c.captured,
      responseBytes: c.write ? c.bytes : Number(this.getHeader('content-length') ?? 0),
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
