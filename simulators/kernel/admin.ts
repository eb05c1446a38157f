import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { dashboardPages, dashboardRoutes } from './admin-dashboard.js';
import { dataRoutes } from './admin-data.js';
import { stateRoutes } from './admin-state.js';
import { FaultRuleError, type FaultRuleInput } from './faults.js';
import { type JobView, MAX_JOB_PAGE } from './jobs.js';
import type { Kernel } from './kernel.js';
import { FAULT_RULES_SCHEMA } from './options-schema.js';
import type { SnapshotHooks } from './snapshot.js';

/** The header that carries the admin token when `Authorization` is taken (e.g. by a proxy). */
export const ADMIN_TOKEN_HEADER = 'x-sim-admin-token';
/** Default page size of `GET /_sim/jobs`. */
export const DEFAULT_JOB_PAGE = 100;

/**
 * The /_sim admin API, identical on every simulator (declared in contracts/sim.openapi.yaml).
 * Its errors use one plain envelope, `{ "error": message }`, since no vendor owns these routes.
 * Routing is strict and case-sensitive: `/_sim/faults/` (an empty id) is not the collection.
 * With an admin token (`adminToken`), every route but `GET /_sim/health` demands it.
 */
export function adminRouter(
  kernel: Kernel,
  reset: (options: { clock: boolean }) => void,
  state: SnapshotHooks = {},
): Router {
  const r = express.Router({ strict: true, caseSensitive: true });
  const token = kernel.options.adminToken;
  if (token !== undefined && token !== '') r.use(requireToken(token));
  r.use(dashboardPages(kernel));
  // Before the 64 KiB parser: a snapshot body has its own (larger) limit.
  r.use(stateRoutes(kernel, state));
  r.use(express.json({ limit: 64 * 1024 }));
  r.use(dashboardRoutes(kernel));
  r.use(dataRoutes(kernel));

  r.get('/health', (_req, res) => {
    res.json({ vendor: kernel.vendor, status: 'ok', now: kernel.clock.date().toISOString() });
  });

  r.get('/faults', (_req, res) => {
    res.json({ faults: kernel.faults.list() });
  });
  r.post('/faults', (req, res) => {
    const body = req.body as FaultRuleInput | FaultRuleInput[] | undefined;
    if (!body || typeof body !== 'object')
      return adminError(res, 400, 'body must be a fault rule or a list of them');
    const inputs = Array.isArray(body) ? body : [body];
    // The same schema as the config file's `faults`; every rule is checked before any is added.
    const problems = kernel.validator.check(FAULT_RULES_SCHEMA, inputs);
    if (problems.length) return adminError(res, 400, problems.join('; '));
    try {
      // All or nothing: one bad rule in a batch installs none of them.
      const rules = kernel.faults.addAll(inputs);
      res.status(201).json({ faults: rules });
    } catch (e) {
      if (e instanceof FaultRuleError) return adminError(res, 400, e.message);
      throw e;
    }
  });
  r.delete('/faults', (_req, res) => {
    kernel.faults.clear();
    res.status(204).end();
  });
  r.delete('/faults/:id', (req, res) => {
    if (!kernel.faults.remove(req.params.id as string))
      return adminError(res, 404, `no fault rule ${req.params.id}`);
    res.status(204).end();
  });

  r.get('/clock', (_req, res) => {
    res.json(clockView(kernel));
  });
  r.post('/clock/advance', (req, res) => {
    const body = req.body as { ms?: unknown; seconds?: unknown; to?: unknown } | undefined;
    const given = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
    const keys = (['ms', 'seconds', 'to'] as const).filter((k) => given[k] !== undefined);
    const usage = 'give one of ms (number), seconds (number) or to (ISO date-time)';
    if (keys.length !== 1) return adminError(res, 400, usage);
    try {
      if (typeof given.to === 'string') {
        const at = Date.parse(given.to);
        if (Number.isNaN(at)) return adminError(res, 400, `to is not an ISO date-time: ${given.to}`);
        kernel.clock.set(at);
      } else if (typeof given.ms === 'number') kernel.clock.advance(given.ms);
      else if (typeof given.seconds === 'number') kernel.clock.advance(given.seconds * 1000);
      else return adminError(res, 400, usage);
    } catch (e) {
      return adminError(res, 400, (e as Error).message);
    }
    res.json(clockView(kernel));
  });

  r.get('/jobs', (req, res) => {
    const q = req.query;
    for (const key of ['limit', 'cursor', 'kind', 'tenant'] as const) {
      if (q[key] !== undefined && typeof q[key] !== 'string')
        return adminError(res, 400, `${key} must be given once, as a plain value`);
    }
    const limit = q.limit === undefined ? DEFAULT_JOB_PAGE : Number(q.limit);
    if (!/^\d+$/.test(String(q.limit ?? '1')) || limit < 1 || limit > MAX_JOB_PAGE)
      return adminError(res, 400, `limit must be an integer from 1 to ${MAX_JOB_PAGE}`);
    const cursor = q.cursor as string | undefined;
    if (cursor !== undefined && !/^\d{1,15}$/.test(cursor))
      return adminError(res, 400, 'cursor must be a value from nextCursor of a previous page');
    const page = kernel.jobs.page({
      limit,
      cursor,
      kind: q.kind as string | undefined,
      tenant: q.tenant as string | undefined,
    });
    res.json({ jobs: page.jobs.map(jobView), nextCursor: page.nextCursor ?? null });
  });
  r.post('/jobs/fail-next', (req, res) => {
    const body = req.body as { count?: unknown } | undefined;
    const count = (body && typeof body === 'object' ? body.count : undefined) ?? 1;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1_000_000) {
      return adminError(res, 400, 'count must be an integer from 0 to 1000000');
    }
    kernel.jobs.failNext(count);
    res.json({ failNext: count });
  });
  r.get('/jobs/:id', (req, res) => {
    const job = kernel.jobs.get(req.params.id as string);
    if (!job) return adminError(res, 404, `no job ${req.params.id}`);
    res.json(jobView(job));
  });
  r.post('/jobs/:id/advance', (req, res) => {
    const raw = req.body as { to?: unknown; error?: unknown } | undefined;
    const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
    const to = body.to ?? 'next';
    if (to !== 'next' && to !== 'complete' && to !== 'succeed' && to !== 'fail') {
      return adminError(res, 400, 'to must be one of next, complete, succeed, fail');
    }
    const e = body.error as { code?: unknown; message?: unknown } | undefined;
    if (e !== undefined && (!e || typeof e.code !== 'string' || typeof e.message !== 'string'))
      return adminError(res, 400, 'error must be {code: string, message: string}');
    const job = kernel.jobs.command(
      req.params.id as string,
      to,
      e ? { code: e.code as string, message: e.message as string } : undefined,
    );
    if (!job) return adminError(res, 404, `no job ${req.params.id}`);
    res.json(jobView(job));
  });

  r.get('/requests', (req, res) => {
    const raw = req.query.limit;
    if (raw !== undefined && (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw))) {
      return adminError(res, 400, 'limit must be a non-negative integer');
    }
    res.json({
      capacity: kernel.journal.capacity,
      total: kernel.journal.total,
      requests: kernel.journal.list(raw === undefined ? undefined : Number(raw)),
    });
  });
  r.delete('/requests', (_req, res) => {
    kernel.journal.clear();
    res.status(204).end();
  });

  r.post('/reset', (req, res) => {
    const body = req.body as { clock?: unknown } | undefined;
    const clock = body && typeof body === 'object' && !Array.isArray(body) ? body.clock : undefined;
    if (clock !== undefined && clock !== 'keep' && clock !== 'start')
      return adminError(res, 400, 'clock must be "keep" (default) or "start"');
    reset({ clock: clock === 'start' });
    res.status(204).end();
  });

  r.use((req, res) => adminError(res, 404, `no admin route ${req.method} ${req.baseUrl}${req.path}`));
  r.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = error as { type?: string; message?: string };
    if (e?.type === 'entity.parse.failed') return adminError(res, 400, 'body is not valid JSON');
    if (e?.type === 'entity.too.large') return adminError(res, 413, 'body too large');
    const status = (e as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return adminError(res, 400, `the request could not be read: ${e?.message ?? 'malformed request'}`);
    }
    adminError(res, 500, String(e?.message ?? error));
  });
  // Mounted here so the kernel can hand it any /_sim request without an app-level layer.
  return express.Router({ strict: true, caseSensitive: true }).use('/_sim', r);
}

/**
 * `Authorization: Bearer <token>` or `X-Sim-Admin-Token: <token>`; compared in constant time.
 * Health stays open so load balancers and compose health checks need no secret.
 */
function requireToken(token: string) {
  const expected = Buffer.from(token, 'utf8');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' && req.path === '/health') return next();
    const auth = req.headers.authorization;
    const given =
      (typeof auth === 'string' && /^Bearer /i.test(auth) ? auth.slice(7).trim() : undefined) ??
      (req.headers[ADMIN_TOKEN_HEADER] as string | undefined);
    const buf = Buffer.from(given ?? '', 'utf8');
    if (buf.length === expected.length && timingSafeEqual(buf, expected)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="billing-sim admin"');
    adminError(
      res,
      401,
      given === undefined
        ? `the admin API needs the admin token (Authorization: Bearer … or ${ADMIN_TOKEN_HEADER})`
        : 'wrong admin token',
    );
  };
}

/** Loopback addresses: binding to one of them needs no admin token. */
export function isLoopback(host: string | undefined): boolean {
  if (host === undefined || host === '') return true;
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * The rule `serve` enforces: a simulator reachable beyond loopback needs an admin token, unless
 * the operator opts out explicitly. Returns the refusal, a warning, or nothing.
 */
export function adminExposure(options: {
  host: string | undefined;
  adminToken: string | undefined;
  insecureAdmin: boolean;
}): { refuse: string } | { warn: string } | undefined {
  if (isLoopback(options.host)) return undefined;
  if (options.adminToken) return undefined;
  if (options.insecureAdmin)
    return {
      warn: `warning: the /_sim admin API on ${options.host} is open to anyone who can reach it (--insecure-admin)`,
    };
  return {
    refuse: `binding to ${options.host} exposes the /_sim admin API: give --admin-token <token> (or adminToken in the config, or BILLING_SIM_ADMIN_TOKEN), or --insecure-admin to run it open`,
  };
}

function adminError(res: Response, status: number, message: string): void {
  res.status(status).json({ error: message });
}

function clockView(kernel: Kernel) {
  return {
    now: kernel.clock.date().toISOString(),
    epochMs: kernel.clock.now(),
    mode: kernel.clock.mode,
    scale: kernel.clock.scale,
  };
}

function jobView(job: JobView) {
  return {
    id: job.id,
    kind: job.kind,
    tenant: job.tenant ?? null,
    state: job.state,
    terminal: job.terminal,
    failed: job.failed,
    error: job.error ?? null,
    processedUnits: job.processedUnits,
    totalUnits: job.totalUnits,
    polls: job.polls,
    createdAt: new Date(job.createdAt).toISOString(),
    finishedAt: job.finishedAt === undefined ? null : new Date(job.finishedAt).toISOString(),
  };
}
