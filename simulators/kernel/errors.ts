import type { Request, Response } from 'express';
import { TextMemo } from './memo.js';

/**
 * A vendor-neutral error. Routes and kernel middleware throw or pass it; the vendor's
 * ErrorRenderer turns it into the vendor's own envelope (ErrorBody, Webex error, plcm-error).
 */
export class SimError extends Error {
  readonly status: number;
  /** Machine code in the vendor's vocabulary when the thrower knows it (e.g. `invalid.date`). */
  readonly code: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** Free-form extra facts a renderer may use (field name, permission, …). */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    message: string,
    options: { code?: string; retryAfterSeconds?: number; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'SimError';
    this.status = status;
    this.code = options.code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details ?? {};
  }
}

/** Why the kernel itself produced an error, so a renderer can pick the vendor's code. */
export type KernelErrorKind =
  | 'not-found' // no route matched
  | 'method-not-allowed'
  | 'malformed-json'
  | 'bad-request' // unreadable request outside the body's JSON: bad percent-encoding, bad compression
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'fault' // injected by a fault rule
  | 'internal';

export type ErrorRenderer = (req: Request, res: Response, error: SimError) => void;

export function kernelError(
  kind: KernelErrorKind,
  status: number,
  message: string,
  extra: { retryAfterSeconds?: number; details?: Record<string, unknown> } = {},
): SimError {
  return new SimError(status, message, { ...extra, details: { ...extra.details, kernel: kind } });
}

/** The 429 for a given wait. */
export function rateLimitedError(retryAfterSeconds: number): SimError {
  return kernelError('rate-limited', 429, `Rate limit exceeded. Retry in ${retryAfterSeconds} seconds.`, {
    retryAfterSeconds,
  });
}

/**
 * One app's 429s, one per wait: a rejected flood asks for the same few waits over and over, and
 * a SimError is never changed once made, so each is built once — per app, never shared (a
 * vendor renderer may keep its rendering with the error).
 */
export class RateLimitedErrors {
  private readonly made = new TextMemo<SimError>(1000);

  get(retryAfterSeconds: number): SimError {
    return this.made.get(String(retryAfterSeconds), () => rateLimitedError(retryAfterSeconds));
  }
}

/** The kernel kind behind an error, if the kernel produced it. */
export function kernelKind(error: SimError): KernelErrorKind | undefined {
  return error.details.kernel as KernelErrorKind | undefined;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? `HTTP ${status}`;
}
