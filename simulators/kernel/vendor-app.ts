import { isUtf8 } from 'node:buffer';
import { IncomingMessage, type OutgoingHttpHeaders, type RequestListener, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import { adminRouter } from './admin.js';
import { type ErrorRenderer, kernelError, RateLimitedErrors, SimError } from './errors.js';
import { tapResponse } from './exchange.js';
import { applyFault, faultFor } from './fault-middleware.js';
import type { JobRecord } from './jobs.js';
import { type Capture, captureOnPrototype, recordAtClose, recordExchange } from './journal-recorder.js';
import { Kernel, type KernelOptions } from './kernel.js';
import type { RateDecision, RateLimitConfig } from './rate-limit.js';
import { ContractRequests, contractFileOf } from './request-validation.js';
import { prepareRestore, type SimSnapshot, type SnapshotHooks, takeSnapshot } from './snapshot.js';
import type { TlsChoice } from './tls.js';

/** Who a request claims to be, read cheaply (no validation) for fault matching and rate keys. */
export interface Identity {
  tenant?: string;
  token?: string;
}

/** What a vendor simulator plugs into the kernel: its routes, its envelope, its identity rules. */
export interface VendorAdapter {
  renderError: ErrorRenderer;
  /** Mounts the vendor's routes. Thrown SimErrors (sync or async) reach renderError. */
  routes(router: Router): void;
  identify?(req: Request): Identity;
  /** Headers every vendor response carries (TrackingID, ININ-Correlation-Id …), errors included. */
  everyResponse?(req: Request, res: Response): void;
  /**
   * Checks credentials before the rate limiter and before any body is read, so a 401/403 comes
   * before 400/413/415 and a request that fails authentication never uses a real identity's
   * window. Return the authenticated principal (the rate-limit key), `undefined` for a route
   * that needs no credentials, or the vendor's SimError. Unauthenticated traffic is limited per
   * client address.
   */
  authenticate?(
    req: Request,
    res: Response,
    identity: Identity,
  ): { principal: string } | SimError | undefined;
  /** Rate-limit bucket key; default the identity's token, else the client address. */
  rateLimitKey?(req: Request, identity: Identity): string | undefined;
  /** Vendor rate headers written on limited routes, allowed or rejected. */
  rateLimitHeaders?(res: Response, decision: RateDecision): void;
  /** Requests the limiter never counts (e.g. signed download URLs, OAuth). */
  rateLimitSkip?(req: Request): boolean;
  /**
   * The vendor's routes answer OPTIONS themselves (e.g. 405 with Allow). Otherwise the kernel
   * answers 405 in the vendor envelope rather than Express's automatic `GET, HEAD` listing.
   */
  answersOptions?: boolean;
  /**
   * Check every request's path, query, headers and body against the vendor's contract (and its
   * `x-request-rules`) before the routes run; a failure reaches `renderError` as kernel kind
   * `bad-request` with `details.parameter`. Default false: hand checks stay where they are.
   */
  validateRequests?: boolean;
  /** Media types parsed as JSON bodies. Default application/json and application/*+json. */
  jsonTypes?: string[];
  /** Clears vendor state on POST /_sim/reset. */
  reset?(): void;
  /**
   * The vendor's state for a snapshot (`GET /_sim/state`): JSON-safe, everything beyond the
   * kernel's jobs, faults and clock that changes an answer (reports, token counters, id streams).
   */
  snapshot?(): unknown;
  /**
   * Checks a snapshot's vendor state completely (with the jobs restored beside it) and returns
   * the function that applies it; throws a SnapshotError and changes nothing when it is bad.
   */
  restore?(state: unknown, jobs: readonly JobRecord[]): () => void;
  /**
   * Vendor options that say where the simulator is reached rather than what its world holds
   * (listeners, public URLs): a snapshot restores into a simulator whose values differ.
   */
  runtimeOptions?: readonly string[];
  /**
   * Replaces the vendor's golden data (`PUT /_sim/data`, `control.setData`, a state restore):
   * validates it against the plug-in's `dataSchema` — throwing a ConfigError naming each
   * mistake's JSON pointer, with nothing changed — then rebuilds the world from (seed, data).
   */
  setData?(data: Record<string, unknown> | undefined): void;
}

/**
 * A second listener a simulator needs beside its API (e.g. the CDN host of Webex download
 * links). startSimulators serves each one next to the app and tells it its URL.
 */
export interface SimListener {
  /** Short name; the running server is `servers['<vendor>.<name>']`. */
  name: string;
  handler: RequestListener;
  /** Port when the API listens on its default port; 0 (a free port) when the API's is 0. */
  port: number;
  /** Listen address; default the API's. */
  host?: string;
  /** HTTPS: `true` for the shipped localhost certificate, or PEMs. */
  tls?: TlsChoice;
  /** Called once listening, with the listener's own URL. */
  listening?(url: string): void;
}

/** Handle attached to every simulator app for tests and the CLI. */
export interface SimHandle<C = unknown> {
  vendor: string;
  kernel: Kernel;
  /** Demo credentials the banner prints and tests use. */
  credentials: C;
  /** Listeners beyond the API's own (served by startSimulators). */
  listeners?: SimListener[];
  /** Clears kernel and vendor state; `clock: true` also returns the clock to its start. */
  reset(options?: { clock?: boolean }): void;
  /** Everything this simulator needs to continue, as versioned JSON (`GET /_sim/state`). */
  snapshot(): SimSnapshot;
  /**
   * Checks a snapshot (or a state file holding this vendor's) completely and returns what applies
   * it; throws a SnapshotError (status 400 or 409) before changing anything.
   */
  prepareRestore(snapshot: unknown): () => void;
  /** `prepareRestore` and apply at once (`PUT /_sim/state`). */
  restore(snapshot: unknown): void;
  /**
   * The vendor's error answer for a request Node could not parse (malformed HTTP, oversize
   * headers): its envelope and mandatory headers, for the server's `clientError` handler to
   * write on the raw socket.
   */
  renderBareError(status: number, message: string): BareResponse;
}

/** A response rendered without a request: status, headers and body bytes. */
export interface BareResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export type SimApp<C = unknown> = Express & { sim: SimHandle<C> };

interface RequestState {
  identity: Identity;
  /** Set by the adapter's `authenticate`: who the request proved to be. */
  principal?: string;
  fault: string | undefined;
  journal?: Capture;
}

export function stateOf(res: Response): RequestState {
  return res.locals.sim as RequestState;
}

export interface VendorAppSpec<C> {
  /** Lower-case vendor key; also the contract file name (`contracts/<name>.openapi.yaml`). */
  name: string;
  options: KernelOptions;
  /** The vendor's defaults; `options.rateLimit` / `options.bodyLimitBytes` override them. */
  defaults?: { rateLimit?: RateLimitConfig; bodyLimitBytes?: number };
  /** Demo credentials (printed by the banner, used by tests). */
  credentials: C;
  /** The vendor's OpenAPI document. Default `contracts/<name>.openapi.yaml` when it exists. */
  contract?: string;
  /** Builds the vendor's adapter once the kernel (clock, data, jobs …) exists. */
  adapter(kernel: Kernel): VendorAdapter;
}

/** Builds an Express app: kernel middleware around the vendor's routes, vendor errors everywhere. */
export function createVendorApp<C>(spec: VendorAppSpec<C>): SimApp<C> {
  const { options, credentials } = spec;
  const kernel = new Kernel(spec.name, options, { rateLimit: spec.defaults?.rateLimit ?? { kind: 'off' } });
  const adapter = spec.adapter(kernel);
  // Whoever replaces the data (PUT /_sim/data, control.setData, a state restore) goes through
  // the vendor's hook, and the kernel then records what is in force.
  const vendorSetData = adapter.setData?.bind(adapter);
  if (vendorSetData) {
    adapter.setData = (data) => {
      vendorSetData(data);
      kernel.dataOverrides = data;
    };
  }
  kernel.useDataHook(adapter.setData);
  const bodyLimit = options.bodyLimitBytes ?? spec.defaults?.bodyLimitBytes ?? 1 << 20;
  const app = express() as SimApp<C>;
  app.disable('x-powered-by');
  app.set('etag', false);
  // Vendor APIs are exact about their paths: /Reports and /reports/ are not /reports.
  app.set('case sensitive routing', true);
  app.set('strict routing', true);

  const rejections = new RateLimitedErrors();
  const contract = new ContractRequests(spec.contract ?? contractFileOf(spec.name), () => kernel.clock.now());
  const state: SnapshotHooks = {
    snapshot: adapter.snapshot?.bind(adapter),
    restore: adapter.restore?.bind(adapter),
    setData: adapter.setData?.bind(adapter),
    runtimeOptions: adapter.runtimeOptions,
  };
  const admin = options.admin === false ? undefined : adminRouter(kernel, (o) => handle.reset(o), state);
  const jsonTypes = adapter.jsonTypes ?? ['application/json', 'application/*+json'];
  const parseJson = express.json({ limit: bodyLimit, type: jsonTypes, verify: rejectInvalidUtf8 });

  captureOnPrototype(app.response);
  const httpDate = httpDates();
  const render = (req: Request, res: Response, error: SimError): void => {
    if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    adapter.renderError(req, res, error);
  };

  // The contract's request checks run once the body is parsed, inside the kernel's one
  // middleware rather than as a layer of their own (a layer costs a dispatch per request).
  const checked = adapter.validateRequests ? (req: Request) => contract.check(req) : undefined;

  /** After faults: rate limit, body size, the JSON body (only when there is one), the contract's checks. */
  const admit = (req: Request, res: Response, next: NextFunction, state: RequestState): void => {
    const auth = adapter.authenticate?.(req, res, state.identity);
    if (auth !== undefined && !(auth instanceof SimError)) state.principal = auth.principal;
    if (!adapter.rateLimitSkip?.(req)) {
      const key =
        auth instanceof SimError
          ? `address:${req.ip ?? 'unknown'}`
          : (state.principal ??
            adapter.rateLimitKey?.(req, state.identity) ??
            state.identity.token ??
            req.ip ??
            'anonymous');
      const decision = kernel.limiter.take(key);
      adapter.rateLimitHeaders?.(res, decision);
      if (!decision.allowed) {
        // Rendered here rather than through next(err): a flood of 429s must stay cheap.
        render(req, res, rejections.get(decision.retryAfterSeconds));
        return;
      }
    }
    if (auth instanceof SimError) {
      // Drain nothing: the body is never read for a request that did not authenticate.
      next(auth);
      return;
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > bodyLimit) {
      next(
        kernelError(
          'body-too-large',
          413,
          `Request body of ${length} bytes exceeds the limit of ${bodyLimit} bytes.`,
        ),
      );
    } else if (length > 0 || req.headers['transfer-encoding'] !== undefined) {
      parseJson(req, res, checked ? (error?: unknown) => (error ? next(error) : next(checked(req))) : next);
    } else {
      next(checked?.(req));
    }
  };

  // One synchronous middleware does the kernel's per-request work; it goes async only when a
  // fault delays the request. Fewer layers and no promise per request keep the kernel's cost
  // close to a bare Express route.
  app.use((req: Request, res: Response, next: NextFunction) => {
    // The simulator's time, like every timestamp in its bodies (Node would write the wall clock).
    res.setHeader('Date', httpDate(kernel.clock.now()));
    const isAdmin = req.path === '/_sim' || req.path.startsWith('/_sim/');
    if (options.onExchange) tapResponse(isAdmin ? 'sim' : spec.name, req, res, options.onExchange);
    if (isAdmin && admin) return admin(req, res, next);
    if (options.intercept?.(spec.name, req, res)) return;
    const state: RequestState = { identity: adapter.identify?.(req) ?? {}, fault: undefined };
    res.locals.sim = state;
    adapter.everyResponse?.(req, res);
    if (kernel.journal.enabled || options.onRequest) recordExchange(kernel, req, state);
    // Express would answer OPTIONS itself with its `GET, HEAD` listing; the vendor's 405 instead.
    if (req.method === 'OPTIONS' && !adapter.answersOptions) {
      // RFC 9110: a 405 lists the methods the resource has (from the contract; empty if unknown).
      const allow = contract.allowed(req.path) ?? [];
      res.setHeader('Allow', allow.join(', '));
      return next(
        kernelError('method-not-allowed', 405, `OPTIONS is not supported for ${req.path}.`, {
          details: { allow },
        }),
      );
    }
    const hit = faultFor(kernel, req, state.identity);
    if (hit === undefined) return admit(req, res, next, state);
    if (hit instanceof SimError) return next(hit);
    state.fault = hit.id;
    // A delayed, dropped or cut answer may never reach end(): its entry waits for the close.
    recordAtClose(res);
    const outcome = applyFault(kernel, req, res, hit.effect);
    const proceed = (result: SimError | 'dropped' | undefined) => {
      if (result === 'dropped') return;
      if (result) return next(result);
      admit(req, res, next, state);
    };
    if (outcome instanceof Promise) outcome.then(proceed, next);
    else proceed(outcome);
  });

  // Vendor routes sit on the app itself: a mounted router would add a dispatch layer per request.
  adapter.routes(app as unknown as Router);

  app.use((req: Request, _res: Response, next: NextFunction) => {
    next(kernelError('not-found', 404, `No resource found for ${req.method} ${req.path}.`));
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const sim = toSimError(error);
    if (res.headersSent) {
      // The body is already on the wire; the only honest signal left is a broken connection.
      res.destroy();
      return;
    }
    render(req, res, sim);
  });

  const renderBareError = (status: number, message: string): BareResponse => {
    // A stand-in request (no headers, path unknown) and a response that collects what the
    // renderer writes, both on the app's prototypes so the vendor's code runs unchanged.
    const req = new IncomingMessage(new Socket()) as Request;
    req.method = 'GET';
    req.url = '*';
    Object.setPrototypeOf(req, app.request);
    const res = new ServerResponse(req) as unknown as Response;
    Object.setPrototypeOf(res, app.response);
    (req as { res?: Response }).res = res;
    (res as { req?: Request }).req = req;
    res.locals = { sim: { identity: {}, fault: undefined } satisfies RequestState };
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
      );
    };
    res.write = ((chunk: unknown, encoding?: unknown) => {
      keep(chunk, encoding);
      return true;
    }) as Response['write'];
    res.end = ((chunk?: unknown, encoding?: unknown) => {
      keep(chunk, encoding);
      return res;
    }) as Response['end'];
    adapter.everyResponse?.(req, res);
    render(req, res, kernelError('bad-request', status, message));
    const bare = { status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) };
    options.onExchange?.({
      vendor: spec.name,
      method: 'GET',
      path: '*',
      status: bare.status,
      headers: bare.headers,
      body: bare.body,
      bodyTruncated: false,
    });
    return bare;
  };

  const handle: SimHandle<C> = {
    vendor: spec.name,
    kernel,
    credentials,
    renderBareError,
    reset(resetOptions) {
      kernel.reset(resetOptions);
      adapter.reset?.();
    },
    snapshot: () => takeSnapshot(kernel, state),
    prepareRestore: (snapshot) => prepareRestore(kernel, state, snapshot),
    restore: (snapshot) => prepareRestore(kernel, state, snapshot)(),
  };
  app.sim = handle;
  return app;
}

/** IMF-fixdates, memoised per second (per app: no state shared between apps). */
function httpDates(): (ms: number) => string {
  let second = Number.NaN;
  let text = '';
  return (ms) => {
    const s = Math.floor(ms / 1000);
    if (s !== second) {
      second = s;
      text = new Date(s * 1000).toUTCString();
    }
    return text;
  };
}

/**
 * The origin absolute URLs start with: the kernel's `publicOrigin`, else the address of the
 * listener the request arrived on (never the client's Host header, which anyone can set).
 */
export function publicOrigin(kernel: Kernel, req: Request): string {
  const configured = kernel.options.publicOrigin;
  if (configured !== undefined) return configured.replace(/\/+$/, '');
  const socket = req.socket as { localAddress?: string; localPort?: number; encrypted?: boolean };
  const address = socket.localAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
  const host = address.includes(':') ? `[${address}]` : address;
  return `${socket.encrypted ? 'https' : 'http'}://${host}:${socket.localPort ?? 80}`;
}

/** JSON bodies are UTF-8 (RFC 8259): a lossy decode would let broken bytes through as U+FFFD. */
function rejectInvalidUtf8(_req: unknown, _res: unknown, buf: Buffer, encoding: string): void {
  if ((encoding === 'utf-8' || encoding === 'utf8') && !isUtf8(buf)) {
    throw Object.assign(new Error('the body is not valid UTF-8'), {
      type: 'entity.parse.failed',
      status: 400,
    });
  }
}

/** Maps body-parser and unknown errors onto kernel kinds so vendors render one type. */
export function toSimError(error: unknown): SimError {
  if (error instanceof SimError) return error;
  const e = error as { type?: string; status?: number; message?: string; limit?: number; length?: number };
  switch (e?.type) {
    case 'entity.too.large':
      return kernelError('body-too-large', 413, `Request body exceeds the limit of ${e.limit} bytes.`);
    case 'entity.parse.failed':
      return kernelError('malformed-json', 400, `The request body is not valid JSON: ${e.message}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return kernelError('unsupported-media-type', 415, e.message ?? 'Unsupported content encoding.');
    case 'request.aborted':
    case 'request.size.invalid':
      return kernelError('malformed-json', 400, e.message ?? 'The request body could not be read.');
  }
  // Other 4xx from Express or body-parser (a path that does not percent-decode, a body whose
  // Content-Encoding does not inflate) are the client's fault, not ours.
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return kernelError(
      'bad-request',
      400,
      `The request could not be read: ${e.message ?? 'malformed request'}.`,
    );
  }
  return kernelError('internal', 500, 'Internal server error.', {
    details: { cause: String(e?.message ?? error) },
  });
}
