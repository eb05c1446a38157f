import { isUtf8 } from 'node:buffer';
import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import { adminRouter } from './admin.js';
import { type ErrorRenderer, kernelError, RateLimitedErrors, SimError } from './errors.js';
import { tapResponse } from './exchange.js';
import { applyFault, faultFor } from './fault-middleware.js';
import { Kernel, type KernelOptions } from './kernel.js';
import type { RateDecision, RateLimitConfig } from './rate-limit.js';
import { ContractRequests, contractFileOf } from './request-validation.js';

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
}

/** Handle attached to every simulator app for tests and the CLI. */
export interface SimHandle<C = unknown> {
  vendor: string;
  kernel: Kernel;
  /** Demo credentials the banner prints and tests use. */
  credentials: C;
  reset(): void;
}

export type SimApp<C = unknown> = Express & { sim: SimHandle<C> };

interface RequestState {
  identity: Identity;
  /** Set by the adapter's `authenticate`: who the request proved to be. */
  principal?: string;
  fault: string | undefined;
  journal?: { kernel: Kernel; atMs: number; started: number; path: string };
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
  const bodyLimit = options.bodyLimitBytes ?? spec.defaults?.bodyLimitBytes ?? 1 << 20;
  const app = express() as SimApp<C>;
  app.disable('x-powered-by');
  app.set('etag', false);
  // Vendor APIs are exact about their paths: /Reports and /reports/ are not /reports.
  app.set('case sensitive routing', true);
  app.set('strict routing', true);

  const rejections = new RateLimitedErrors();
  const contract = new ContractRequests(spec.contract ?? contractFileOf(spec.name));
  const admin = options.admin === false ? undefined : adminRouter(kernel, () => handle.reset());
  const jsonTypes = adapter.jsonTypes ?? ['application/json', 'application/*+json'];
  const parseJson = express.json({ limit: bodyLimit, type: jsonTypes, verify: rejectInvalidUtf8 });

  const render = (req: Request, res: Response, error: SimError): void => {
    if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    adapter.renderError(req, res, error);
  };

  /** After faults: rate limit, body size, then the JSON body (only when there is one). */
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
      parseJson(req, res, next);
    } else {
      next();
    }
  };

  // One synchronous middleware does the kernel's per-request work; it goes async only when a
  // fault delays the request. Fewer layers and no promise per request keep the kernel's cost
  // close to a bare Express route.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isAdmin = req.path === '/_sim' || req.path.startsWith('/_sim/');
    if (options.onExchange) tapResponse(isAdmin ? 'sim' : spec.name, req, res, options.onExchange);
    if (isAdmin && admin) return admin(req, res, next);
    if (options.intercept?.(spec.name, req, res)) return;
    const state: RequestState = { identity: adapter.identify?.(req) ?? {}, fault: undefined };
    res.locals.sim = state;
    adapter.everyResponse?.(req, res);
    if (kernel.journal.enabled) recordOnClose(kernel, req, res);
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
    const outcome = applyFault(kernel, req, res, hit.effect);
    const proceed = (result: SimError | 'dropped' | undefined) => {
      if (result === 'dropped') return;
      if (result) return next(result);
      admit(req, res, next, state);
    };
    if (outcome instanceof Promise) outcome.then(proceed, next);
    else proceed(outcome);
  });

  if (adapter.validateRequests) {
    app.use((req: Request, _res: Response, next: NextFunction) => {
      next(contract.check(req));
    });
  }

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

  const handle: SimHandle<C> = {
    vendor: spec.name,
    kernel,
    credentials,
    reset() {
      kernel.reset();
      adapter.reset?.();
    },
  };
  app.sim = handle;
  return app;
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

function recordOnClose(kernel: Kernel, req: Request, res: Response): void {
  const state = stateOf(res);
  state.journal = { kernel, atMs: kernel.clock.now(), started: performance.now(), path: req.path };
  res.on('close', journalOnClose);
}

/** One shared listener (no closure per request): the journal is on the hot path of every call. */
function journalOnClose(this: Response): void {
  const req = this.req;
  const state = stateOf(this);
  const j = state.journal!;
  const q = req.originalUrl.indexOf('?');
  j.kernel.journal.record({
    seq: 0,
    atMs: j.atMs,
    method: req.method,
    path: j.path,
    query: q >= 0 ? req.originalUrl.slice(q + 1) : '',
    status: this.writableFinished ? this.statusCode : 0,
    durationMs: Math.round((performance.now() - j.started) * 1000) / 1000,
    tenant: state.identity.tenant,
    fault: state.fault,
    requestBytes: Number(req.headers['content-length'] ?? 0),
  });
}
