import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { dashboardPages, dashboardRoutes } from './admin-dashboard.js';
import { FaultRuleError, type FaultRuleInput } from './faults.js';
import type { JobView } from './jobs.js';
import type { Kernel } from './kernel.js';
import { FAULT_RULES_SCHEMA } from './options-schema.js';

/**
 * The /_sim admin API, identical on every simulator (declared in contracts/sim.openapi.yaml).
 * Its errors use one plain envelope, `{ "error": message }`, since no vendor owns these routes.
 */
export function adminRouter(kernel: Kernel, reset: () => void): Router {
  const r = express.Router();
  r.use(dashboardPages(kernel));
  r.use(express.json({ limit: 64 * 1024 }));
  r.use(dashboardRoutes(kernel));

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
      const rules = inputs.map((rule) => kernel.faults.add(rule));
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
    if (!kernel.faults.remove(req.params.id)) return adminError(res, 404, `no fault rule ${req.params.id}`);
    res.status(204).end();
  });

  r.get('/clock', (_req, res) => {
    res.json(clockView(kernel));
  });
  r.post('/clock/advance', (req, res) => {
    const body = (req.body ?? {}) as { ms?: unknown; seconds?: unknown; to?: unknown };
    try {
      if (typeof body.to === 'string') kernel.clock.set(new Date(body.to).getTime());
      else if (typeof body.ms === 'number') kernel.clock.advance(body.ms);
      else if (typeof body.seconds === 'number') kernel.clock.advance(body.seconds * 1000);
      else return adminError(res, 400, 'give one of ms (number), seconds (number) or to (ISO date-time)');
    } catch (e) {
      return adminError(res, 400, (e as Error).message);
    }
    res.json(clockView(kernel));
  });

  r.get('/jobs', (_req, res) => {
    res.json({ jobs: kernel.jobs.list().map(jobView) });
  });
  r.post('/jobs/fail-next', (req, res) => {
    const count = (req.body as { count?: unknown } | undefined)?.count ?? 1;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1_000_000) {
      return adminError(res, 400, 'count must be an integer from 0 to 1000000');
    }
    kernel.jobs.failNext(count);
    res.json({ failNext: count });
  });
  r.get('/jobs/:id', (req, res) => {
    const job = kernel.jobs.get(req.params.id);
    if (!job) return adminError(res, 404, `no job ${req.params.id}`);
    res.json(jobView(job));
  });
  r.post('/jobs/:id/advance', (req, res) => {
    const body = (req.body ?? {}) as { to?: unknown; error?: { code?: unknown; message?: unknown } };
    const to = body.to ?? 'next';
    if (to !== 'next' && to !== 'complete' && to !== 'succeed' && to !== 'fail') {
      return adminError(res, 400, 'to must be one of next, complete, succeed, fail');
    }
    const error =
      body.error && typeof body.error.code === 'string' && typeof body.error.message === 'string'
        ? { code: body.error.code, message: body.error.message }
        : undefined;
    const job = kernel.jobs.command(req.params.id, to, error);
    if (!job) return adminError(res, 404, `no job ${req.params.id}`);
    res.json(jobView(job));
  });

  r.get('/requests', (req, res) => {
    const limit = req.query.limit === undefined ? undefined : Number(req.query.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
      return adminError(res, 400, 'limit must be a non-negative integer');
    }
    res.json({
      capacity: kernel.journal.capacity,
      total: kernel.journal.total,
      requests: kernel.journal.list(limit),
    });
  });
  r.delete('/requests', (_req, res) => {
    kernel.journal.clear();
    res.status(204).end();
  });

  r.post('/reset', (_req, res) => {
    reset();
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
  return express.Router().use('/_sim', r);
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
