import type { OutgoingHttpHeaders } from 'node:http';
import type { Request, Response } from 'express';

/** One request/response pair as the simulator sent it. */
export interface Exchange {
  vendor: string;
  method: string;
  /** Request path without the query string. */
  path: string;
  status: number;
  headers: OutgoingHttpHeaders;
  /** Captured body for textual media types (JSON, XML, text), up to CAPTURE_LIMIT bytes. */
  body: Buffer | undefined;
  /** True when the body was longer than what was captured. */
  bodyTruncated: boolean;
}

export type ExchangeTap = (exchange: Exchange) => void;

const CAPTURE_LIMIT = 1 << 20;
const TEXTUAL = /json|xml|text\//i;

/**
 * Wraps res.write/res.end to copy the body while it is sent. Only installed when a tap is
 * configured (tests), so production traffic pays nothing.
 */
export function tapResponse(vendor: string, req: Request, res: Response, tap: ExchangeTap): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  const keep = (chunk: unknown, encoding?: unknown): void => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    if (!TEXTUAL.test(String(res.getHeader('content-type') ?? ''))) return;
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    if (size + buf.length > CAPTURE_LIMIT) {
      truncated = true;
      return;
    }
    chunks.push(buf);
    size += buf.length;
  };
  // Read now: routers rewrite req.url while they run, and originalUrl may be absolute-form.
  const path = req.path;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as Response['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as Response['end'];
  res.once('finish', () => {
    tap({
      vendor,
      method: req.method,
      path,
      status: res.statusCode,
      headers: res.getHeaders(),
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      bodyTruncated: truncated,
    });
  });
}
