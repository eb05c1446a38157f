import express, { type Request, type Response, type Router } from 'express';
import { toHar } from './har.js';
import type { Kernel } from './kernel.js';
import { countRequests, findRequests, RequestMatchError } from './request-match.js';
import { packageVersion } from './version.js';

/**
 * Request verification over the journal (declared in contracts/sim.openapi.yaml):
 * POST /requests/count and /requests/find with `{"match": {...}}`, GET /requests?format=har.
 */
export function verifyRoutes(kernel: Kernel): Router {
  const r = express.Router();

  r.post('/requests/count', (req, res) => {
    const body = readBody(req, res);
    if (!body) return;
    try {
      res.json({ count: countRequests(kernel.journal, kernel.data, body.match) });
    } catch (e) {
      matchError(res, e);
    }
  });

  r.post('/requests/find', (req, res) => {
    const body = readBody(req, res);
    if (!body) return;
    const limit = body.limit;
    if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0))
      return error(res, 400, 'limit must be a non-negative integer');
    try {
      res.json({
        requests: findRequests(kernel.journal, kernel.data, body.match, limit as number | undefined),
      });
    } catch (e) {
      matchError(res, e);
    }
  });

  r.get('/requests', (req, res, next) => {
    const format = req.query.format;
    if (format === undefined || format === 'json') return next();
    if (format !== 'har') return error(res, 400, 'format must be json or har');
    const origin = `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
    res.type('application/har+json');
    res.setHeader('Content-Disposition', `attachment; filename="${kernel.vendor}-requests.har"`);
    res.send(JSON.stringify(toHar(kernel.journal.list(), origin, packageVersion())));
  });

  return r;
}

function readBody(req: Request, res: Response): { match?: unknown; limit?: unknown } | undefined {
  const body = (req.body ?? {}) as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    error(res, 400, 'body must be an object like {"match": {...}}');
    return undefined;
  }
  const unknown = Object.keys(body).filter((k) => k !== 'match' && k !== 'limit');
  if (unknown.length) {
    error(res, 400, `unknown field(s) ${unknown.join(', ')} (known: match, limit)`);
    return undefined;
  }
  return body as { match?: unknown; limit?: unknown };
}

function matchError(res: Response, e: unknown): void {
  if (!(e instanceof RequestMatchError)) throw e;
  error(res, 400, e.message);
}

function error(res: Response, status: number, message: string): void {
  res.status(status).json({ error: message });
}
