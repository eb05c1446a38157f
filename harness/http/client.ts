import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { PassThrough, type Readable } from 'node:stream';
import type { HarnessTime } from '../time.js';
import { Backoff, type BackoffPolicy, DEFAULT_BACKOFF } from './backoff.js';
import { describeNetworkError, HttpError } from './errors.js';
import { parseRetryAfter } from './retry-after.js';
import { BodyDigest, maskHeaders, maskUrl, Transcript, type TranscriptEntry } from './transcript.js';

export interface HttpClientOptions {
  time: HarnessTime;
  /** Measures durations for the transcript (wall clock by default in the CLI, anything in tests). */
  stopwatch?: () => number;
  transcript?: Transcript;
  /** Deadline for the response head of one attempt. Default 30 s. */
  timeoutMs?: number;
  /** Longest silence on the socket, body included. Default 30 s. */
  idleTimeoutMs?: number;
  /** Attempts per request, the first included. Default 6. */
  maxAttempts?: number;
  /** Longest Retry-After the client obeys; longer values are cut to this. Default 120 s. */
  maxRetryAfterMs?: number;
  /** Total waiting allowed across the retries of one request. Default 10 min. */
  maxWaitMs?: number;
  backoff?: BackoffPolicy;
  seed?: number;
  /** Largest body read into memory (JSON answers). Default 32 MiB. */
  maxBodyBytes?: number;
  /** Extra CA certificates (PEM) to trust for HTTPS targets. */
  ca?: string | string[];
  /** Skip TLS verification (self-signed targets you cannot get the CA of). */
  insecure?: boolean;
  /** Sees every retry decision (progress output). */
  onRetry?: (info: {
    step: string;
    status?: number;
    waitMs: number;
    attempt: number;
    reason: string;
  }) => void;
}

export interface RequestSpec {
  /** Flow step name, recorded in the transcript and in errors. */
  step: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * May the request be sent again after a 423/429/503, a 5xx gateway error or a broken
   * connection? Default: true for GET/HEAD/PUT/DELETE/OPTIONS, false otherwise — a flow
   * says so explicitly for a POST it knows to be safe.
   */
  retrySafe?: boolean;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  url: string;
  attempts: number;
  body: Buffer;
  entry: TranscriptEntry;
}

export interface StreamedResponse extends Omit<HttpResponse, 'body'> {
  /** The body bytes; errors with an HttpError('truncated') when the server cuts it short. */
  body: Readable;
}

/** Answers worth waiting out: the server says "later". */
const RETRY_LATER = new Set([423, 429, 503]);
/** Gateway failures: transient, no promise of a Retry-After. */
const RETRY_GATEWAY = new Set([502, 504]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Real milliseconds between nudges of a harness-driven clock while an answer is awaited. */
const NUDGE_EVERY_MS = 20;

/**
 * The harness's one HTTP client: node:http(s) with timeouts, Retry-After-aware retries and a
 * transcript of every attempt. It never throws for an HTTP status — a 4xx/5xx is an answer
 * the flow judges; it throws HttpError only when no usable answer came.
 */
export class HttpClient {
  readonly transcript: Transcript;
  private readonly options: Required<
    Omit<HttpClientOptions, 'ca' | 'insecure' | 'onRetry' | 'transcript' | 'stopwatch' | 'seed'>
  >;
  private readonly backoff: Backoff;
  private readonly stopwatch: () => number;
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 8 });
  private readonly httpsAgent: HttpsAgent;

  constructor(private readonly config: HttpClientOptions) {
    this.transcript = config.transcript ?? new Transcript();
    this.stopwatch = config.stopwatch ?? (() => 0);
    this.options = {
      time: config.time,
      timeoutMs: config.timeoutMs ?? 30_000,
      idleTimeoutMs: config.idleTimeoutMs ?? 30_000,
      maxAttempts: config.maxAttempts ?? 6,
      maxRetryAfterMs: config.maxRetryAfterMs ?? 120_000,
      maxWaitMs: config.maxWaitMs ?? 600_000,
      backoff: config.backoff ?? DEFAULT_BACKOFF,
      maxBodyBytes: config.maxBodyBytes ?? 32 * 1024 * 1024,
    };
    this.backoff = new Backoff(this.options.backoff, config.seed ?? 1);
    this.httpsAgent = new HttpsAgent({
      keepAlive: true,
      maxSockets: 8,
      ca: config.ca,
      rejectUnauthorized: !config.insecure,
    });
  }

  /** Sends the request (retrying as allowed) and reads the whole body. */
  async request(spec: RequestSpec): Promise<HttpResponse> {
    const res = await this.send(spec);
    const body = await readAll(res.body, this.options.maxBodyBytes, spec.step);
    return { ...res, body };
  }

  /**
   * Sends the request (retrying as allowed) and hands over the body as a stream, for ZIPs and
   * CSVs that must not sit in memory. Retries cover the response head only.
   */
  async stream(spec: RequestSpec): Promise<StreamedResponse> {
    return this.send(spec);
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async send(spec: RequestSpec): Promise<StreamedResponse> {
    const method = spec.method.toUpperCase();
    const retrySafe = spec.retrySafe ?? SAFE_METHODS.has(method);
    let waited = 0;
    let last = '';
    for (let attempt = 1; ; attempt++) {
      const entry = this.transcript.add({
        step: spec.step,
        attempt,
        method,
        url: maskUrl(spec.url),
        requestHeaders: maskHeaders(spec.headers ?? {}),
        requestBodyBytes: spec.body ? Buffer.byteLength(spec.body) : 0,
      });
      let res: StreamedResponse | undefined;
      let failure: HttpError | undefined;
      try {
        res = await this.attempt(spec, method, entry);
      } catch (e) {
        failure = describeNetworkError(e, spec.url);
        entry.error = failure.message;
      }
      const decision = this.decide(res, failure, retrySafe);
      if (!decision.retry) {
        if (failure) throw failure;
        return res as StreamedResponse;
      }
      last = decision.reason;
      const waitMs = decision.waitMs ?? this.backoff.delay(attempt);
      if (attempt >= this.options.maxAttempts || waited + waitMs > this.options.maxWaitMs) {
        // Out of attempts: the last answer (with its error body) is the result.
        if (res) return res;
        if (attempt === 1 && failure) throw failure;
        throw new HttpError(
          `${spec.step}: gave up after ${attempt} attempt(s) and ${Math.round(waited / 1000)} s of waiting: ${last}`,
          'gave-up',
        );
      }
      // The body of a retried answer is small (an error envelope); read it so the socket is reused.
      if (res) await drain(res.body);
      entry.retry = {
        reason: decision.reason,
        waitMs,
        source: decision.waitMs === undefined ? 'backoff' : 'retry-after',
      };
      this.config.onRetry?.({
        step: spec.step,
        status: res?.status,
        waitMs,
        attempt,
        reason: decision.reason,
      });
      waited += waitMs;
      await this.options.time.sleep(waitMs);
    }
  }

  private decide(
    res: StreamedResponse | undefined,
    failure: HttpError | undefined,
    retrySafe: boolean,
  ): { retry: false } | { retry: true; reason: string; waitMs: number | undefined } {
    if (!retrySafe) return { retry: false };
    if (failure) {
      // A TLS or DNS failure will not heal by itself.
      return failure.kind === 'network' || failure.kind === 'timeout'
        ? { retry: true, reason: failure.message, waitMs: undefined }
        : { retry: false };
    }
    if (!res) return { retry: false };
    if (RETRY_LATER.has(res.status)) {
      const after = parseRetryAfter(res.headers['retry-after'], this.options.time.now());
      const waitMs = after === undefined ? undefined : Math.min(after, this.options.maxRetryAfterMs);
      return { retry: true, reason: `HTTP ${res.status}`, waitMs };
    }
    if (RETRY_GATEWAY.has(res.status))
      return { retry: true, reason: `HTTP ${res.status}`, waitMs: undefined };
    return { retry: false };
  }

  private attempt(spec: RequestSpec, method: string, entry: TranscriptEntry): Promise<StreamedResponse> {
    const started = this.stopwatch();
    const url = new URL(spec.url);
    const https = url.protocol === 'https:';
    const headers: Record<string, string> = { accept: '*/*', ...spec.headers };
    if (spec.body !== undefined) headers['content-length'] = String(Buffer.byteLength(spec.body));
    return new Promise<StreamedResponse>((resolve, reject) => {
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(headTimer);
        clearInterval(nudger);
        reject(e);
      };
      const req = (https ? httpsRequest : httpRequest)(
        url,
        { method, headers, agent: https ? this.httpsAgent : this.httpAgent },
        (message) => {
          if (settled) {
            message.destroy();
            return;
          }
          settled = true;
          clearTimeout(headTimer);
          clearInterval(nudger);
          entry.status = message.statusCode ?? 0;
          entry.responseHeaders = flatHeaders(message);
          entry.headersMs = Math.round(this.stopwatch() - started);
          resolve({
            status: entry.status,
            headers: entry.responseHeaders,
            url: spec.url,
            attempts: entry.attempt,
            entry,
            body: this.watchBody(message, entry, started, spec.step),
          });
        },
      );
      // A server waiting on a clock the harness drives (a delayed response) needs it moved.
      const nudger = this.options.time.nudge
        ? setInterval(() => this.options.time.nudge?.(), NUDGE_EVERY_MS)
        : undefined;
      const headTimer = setTimeout(() => {
        req.destroy(
          new HttpError(
            `${spec.step}: no response from ${url.origin} within ${spec.timeoutMs ?? this.options.timeoutMs} ms`,
            'timeout',
          ),
        );
      }, spec.timeoutMs ?? this.options.timeoutMs);
      req.setTimeout(this.options.idleTimeoutMs, () => {
        req.destroy(
          new HttpError(
            `${spec.step}: connection to ${url.origin} idle for ${this.options.idleTimeoutMs} ms`,
            'timeout',
          ),
        );
      });
      req.on('error', fail);
      req.end(spec.body);
    });
  }

  /** Copies the body into a fresh stream while hashing it and checking it arrives whole. */
  private watchBody(
    message: IncomingMessage,
    entry: TranscriptEntry,
    started: number,
    step: string,
  ): Readable {
    const out = new PassThrough();
    const digest = new BodyDigest();
    const expected = message.headers['content-length']
      ? Number(message.headers['content-length'])
      : undefined;
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      entry.bodyBytes = digest.bytes;
      entry.bodySha256 = digest.hex();
      entry.totalMs = Math.round(this.stopwatch() - started);
      if (error) {
        entry.error = error.message;
        out.destroy(error);
      } else out.end();
    };
    const truncated = (why: string) =>
      new HttpError(
        `${step}: body cut off after ${digest.bytes}${expected !== undefined ? ` of ${expected}` : ''} bytes (${why})`,
        'truncated',
        message.statusCode,
      );
    message.on('data', (chunk: Buffer) => {
      digest.update(chunk);
      if (!out.write(chunk)) message.pause();
    });
    out.on('drain', () => message.resume());
    message.on('end', () => {
      if (!message.complete) return finish(truncated('connection closed early'));
      if (expected !== undefined && digest.bytes !== expected) return finish(truncated('length mismatch'));
      finish();
    });
    message.on('aborted', () => finish(truncated('connection reset')));
    message.on('error', (e) => finish(truncated(e.message)));
    message.on('close', () => {
      if (!message.complete) finish(truncated('connection closed early'));
    });
    // A break before the consumer subscribes (it may be creating a temp file) stays stored in
    // the stream and reaches the consumer when it reads; this listener only keeps it from
    // being an uncaught 'error' event in between.
    out.on('error', () => {});
    // A consumer that gives up must not leave the socket hanging.
    out.on('close', () => {
      if (!finished) message.destroy();
    });
    return out;
  }
}

function flatHeaders(message: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

async function readAll(body: Readable, limit: number, step: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw new HttpError(`${step}: body larger than ${limit} bytes`, 'too-large');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function drain(body: Readable): Promise<void> {
  try {
    for await (const _ of body) {
      // discard
    }
  } catch {
    // a broken error body does not matter: the request is retried
  }
}
