import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { PassThrough, type Readable } from 'node:stream';
import { abortError, DEFAULT_MAX_WAIT_MS, fmt, RunBudget } from '../deadline.js';
import type { Exchange, Recorder } from '../record/recorder.js';
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
  /**
   * Longest single wait (a Retry-After or a back-off). A back-off is cut to it; a server asking
   * for a longer Retry-After fails the request at once (waiting less than asked only earns the
   * same answer again). Default 120 s.
   */
  maxWaitMs?: number;
  /** Total waiting allowed across the retries of one request. Default 10 min. */
  retryBudgetMs?: number;
  /** The run's deadline and abort signal: waits past it fail at once, an abort stops everything. */
  budget?: RunBudget;
  backoff?: BackoffPolicy;
  seed?: number;
  /** Largest body read into memory (JSON answers). Default 32 MiB. */
  maxBodyBytes?: number;
  /** Extra CA certificates (PEM) to trust for HTTPS targets. */
  ca?: string | string[];
  /** Skip TLS verification (self-signed targets you cannot get the CA of). */
  insecure?: boolean;
  /** Records every exchange (HAR, bodies) when set. */
  recorder?: Recorder;
  /** Flow and vendor named in recorded exchanges. */
  flow?: string;
  vendor?: string;
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
   * May the request be sent again? Idempotent requests (see `idempotent`) always may.
   * `'status'`: only after an answer saying nothing was done (423/429/503) — a broken
   * connection or a gateway error may hide a request that took effect. `true`: also after
   * those (a resent create is harmless, e.g. a duplicate answers 409). Default: `idempotent`.
   */
  retrySafe?: boolean | 'status';
  /**
   * Does sending it twice do no more than sending it once? Default: true for
   * GET/HEAD/PUT/DELETE/OPTIONS. An idempotent request whose body breaks off (truncated,
   * reset) is sent again; any other request is not, since the first one may have taken effect.
   */
  idempotent?: boolean;
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
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
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
    Omit<
      HttpClientOptions,
      | 'ca'
      | 'insecure'
      | 'onRetry'
      | 'transcript'
      | 'stopwatch'
      | 'seed'
      | 'budget'
      | 'recorder'
      | 'flow'
      | 'vendor'
    >
  >;
  private readonly budget: RunBudget;
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
      maxWaitMs: config.maxWaitMs ?? config.budget?.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
      retryBudgetMs: config.retryBudgetMs ?? 600_000,
      backoff: config.backoff ?? DEFAULT_BACKOFF,
      maxBodyBytes: config.maxBodyBytes ?? 32 * 1024 * 1024,
    };
    this.budget = config.budget ?? new RunBudget(Number.POSITIVE_INFINITY, this.options.maxWaitMs);
    this.backoff = new Backoff(this.options.backoff, config.seed ?? 1);
    this.httpsAgent = new HttpsAgent({
      keepAlive: true,
      maxSockets: 8,
      ca: config.ca,
      rejectUnauthorized: !config.insecure,
    });
  }

  /**
   * Sends the request (retrying as allowed) and reads the whole body. A body that breaks off
   * on the way is fetched again when the request is idempotent, within the same attempts and
   * wait budget as any retry.
   */
  async request(spec: RequestSpec): Promise<HttpResponse> {
    const state: SendState = { attempt: 0, waited: 0 };
    const idempotent = isIdempotent(spec);
    for (;;) {
      const res = await this.send(spec, state);
      try {
        const body = await readAll(res.body, this.options.maxBodyBytes, spec.step);
        return { ...res, body };
      } catch (e) {
        if (this.budget.signal?.aborted) throw abortError(this.budget.signal);
        const broken =
          e instanceof HttpError && (e.kind === 'truncated' || e.kind === 'network' || e.kind === 'timeout');
        if (!broken || !(idempotent || spec.retrySafe === true) || state.attempt >= this.options.maxAttempts)
          throw e;
        const retry = await this.pause(spec, state, (e as Error).message, undefined, res.status);
        if (retry === undefined) throw e;
        res.entry.retry = retry;
      }
    }
  }

  /**
   * Sends the request (retrying as allowed) and hands over the body as a stream, for ZIPs and
   * CSVs that must not sit in memory. Retries cover the response head; a flow downloads again
   * when the body breaks (withOneRedownload).
   */
  async stream(spec: RequestSpec): Promise<StreamedResponse> {
    return this.send(spec, { attempt: 0, waited: 0 });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async send(spec: RequestSpec, state: SendState): Promise<StreamedResponse> {
    const method = spec.method.toUpperCase();
    const idempotent = isIdempotent(spec);
    for (;;) {
      this.budget.throwIfAborted();
      const attempt = ++state.attempt;
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
        failure = this.budget.signal?.aborted
          ? abortError(this.budget.signal)
          : describeNetworkError(e, spec.url);
        entry.error = failure.message;
        if (failure.kind === 'interrupted') throw failure;
      }
      const decision = this.decide(res, failure, idempotent, spec.retrySafe);
      if (!decision.retry) {
        if (failure) throw failure;
        return res as StreamedResponse;
      }
      if (attempt >= this.options.maxAttempts) {
        // Out of attempts: the last answer (with its error body) is the result.
        if (res) return res;
        if (attempt === 1 && failure) throw failure;
        throw new HttpError(
          `${spec.step}: gave up after ${attempt} attempt(s) and ${Math.round(state.waited / 1000)} s of waiting: ${decision.reason}`,
          'gave-up',
        );
      }
      // The body of a retried answer is small (an error envelope); read it so the socket is reused.
      if (res) await drain(res.body);
      const retry = await this.pause(spec, state, decision.reason, decision.waitMs, res?.status, res);
      if (retry === undefined) {
        if (res) return res;
        throw new HttpError(
          `${spec.step}: gave up after ${attempt} attempt(s) and ${Math.round(state.waited / 1000)} s of waiting: ${decision.reason}`,
          'gave-up',
        );
      }
      entry.retry = retry;
    }
  }

  /**
   * Waits before the next attempt: the server's Retry-After, else a back-off cut to the longest
   * single wait. A Retry-After longer than that, or a wait past the run's deadline, fails at
   * once (HttpError 'deadline'). Returns undefined when the per-request budget is spent and the
   * last answer `res` should be handed back as it is.
   */
  private async pause(
    spec: RequestSpec,
    state: SendState,
    reason: string,
    retryAfterMs: number | undefined,
    status: number | undefined,
    res?: StreamedResponse,
  ): Promise<TranscriptEntry['retry']> {
    const waitMs = retryAfterMs ?? Math.min(this.backoff.delay(state.attempt), this.options.maxWaitMs);
    const what =
      retryAfterMs === undefined
        ? `${spec.step}: ${reason}, the back-off`
        : `${spec.step}: ${reason} with Retry-After: ${res?.headers['retry-after'] ?? ''}`;
    if (retryAfterMs !== undefined && retryAfterMs > this.options.maxWaitMs)
      throw new HttpError(
        `${what} asks for a wait of ${fmt(retryAfterMs)}, more than the longest single wait allowed (--max-wait ${fmt(this.options.maxWaitMs)}); not waiting`,
        'deadline',
        status,
      );
    if (state.waited + waitMs > this.options.retryBudgetMs) return undefined;
    this.budget.admit(waitMs, what, true);
    const retry = {
      reason,
      waitMs,
      source: retryAfterMs === undefined ? ('backoff' as const) : ('retry-after' as const),
    };
    this.config.onRetry?.({ step: spec.step, status, waitMs, attempt: state.attempt, reason });
    state.waited += waitMs;
    await this.options.time.sleep(waitMs, this.budget.signal).catch((e: unknown) => {
      throw this.budget.signal?.aborted ? abortError(this.budget.signal) : e;
    });
    return retry;
  }

  private decide(
    res: StreamedResponse | undefined,
    failure: HttpError | undefined,
    idempotent: boolean,
    retrySafe: boolean | 'status' | undefined,
  ): { retry: false } | { retry: true; reason: string; waitMs: number | undefined } {
    if (retrySafe === false) return { retry: false };
    // Statuses saying "nothing was done, come back later" may be resent when the flow allows it.
    const later = idempotent || retrySafe !== undefined;
    // A broken connection or a gateway error may hide a request that took effect.
    const again = idempotent || retrySafe === true;
    if (failure) {
      // A TLS or DNS failure will not heal by itself.
      return again && (failure.kind === 'network' || failure.kind === 'timeout')
        ? { retry: true, reason: failure.message, waitMs: undefined }
        : { retry: false };
    }
    if (!res) return { retry: false };
    if (later && RETRY_LATER.has(res.status)) {
      const after = parseRetryAfter(res.headers['retry-after'], this.options.time.now());
      return { retry: true, reason: `HTTP ${res.status}`, waitMs: after };
    }
    if (again && RETRY_GATEWAY.has(res.status))
      return { retry: true, reason: `HTTP ${res.status}`, waitMs: undefined };
    return { retry: false };
  }

  private attempt(spec: RequestSpec, method: string, entry: TranscriptEntry): Promise<StreamedResponse> {
    const started = this.stopwatch();
    const url = new URL(spec.url);
    const https = url.protocol === 'https:';
    const headers: Record<string, string> = { accept: '*/*', ...spec.headers };
    if (spec.body !== undefined) headers['content-length'] = String(Buffer.byteLength(spec.body));
    const recorded = this.config.recorder?.begin({
      flow: this.config.flow,
      vendor: this.config.vendor,
      step: spec.step,
      attempt: entry.attempt,
      method,
      url: spec.url,
      headers,
      body: spec.body,
      startedAt: this.options.time.now(),
    });
    return new Promise<StreamedResponse>((resolve, reject) => {
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        recorded?.fail(Math.round(this.stopwatch() - started), e instanceof Error ? e.message : String(e));
        clearTimeout(headTimer);
        clearInterval(nudger);
        reject(e);
      };
      const req = (https ? httpsRequest : httpRequest)(
        url,
        { method, headers, agent: https ? this.httpsAgent : this.httpAgent, signal: this.budget.signal },
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
          recorded?.response(
            entry.status,
            message.statusMessage ?? '',
            entry.responseHeaders,
            message.httpVersion,
            entry.headersMs,
          );
          resolve({
            status: entry.status,
            headers: entry.responseHeaders,
            url: spec.url,
            attempts: entry.attempt,
            entry,
            body: this.watchBody(message, entry, started, spec.step, recorded),
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
    recorded: Exchange | undefined,
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
      recorded?.end(entry.totalMs, error?.message);
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
      recorded?.chunk(chunk);
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

interface SendState {
  /** Attempts made so far for this request (body re-fetches included). */
  attempt: number;
  /** Milliseconds waited between them. */
  waited: number;
}

function isIdempotent(spec: RequestSpec): boolean {
  return spec.idempotent ?? IDEMPOTENT_METHODS.has(spec.method.toUpperCase());
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
