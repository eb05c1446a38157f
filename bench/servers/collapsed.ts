/**
 * A prototype, for the kernel-overhead figure only: the same per-request work as the kernel
 * (identity, journal entry on close, fault-header check, rate-limiter decision, body-size
 * check, JSON parser) done by ONE synchronous middleware in front of a route registered on the
 * app itself — instead of six Express layers, one of them async, a `/_sim` mount, a nested
 * router and a JSON parser that runs for bodiless GETs. It uses the kernel's own Kernel
 * (journal, limiter, fault store, clock), so the difference to `kernel` is the arrangement.
 * The journal keeps the arrival instant as a number (formatted when /_sim/requests is read).
 */
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Clock, Kernel, type RateLimitConfig } from '../../simulators/kernel/index.js';
import { announce, exitOnSignal, readPayload } from './payload.js';

const NEVER: RateLimitConfig = { kind: 'fixed-window', limit: Number.MAX_SAFE_INTEGER, windowMs: 3_600_000 };
const kernel = new Kernel(
  'bench',
  {
    clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }),
    journalSize: 1000,
    rateLimit: NEVER,
  },
  { rateLimit: NEVER },
);
const payload = readPayload();
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
const json = express.json({ limit: 1 << 20 });
const admin = express.Router();
admin.get('/_sim/health', (_req, res) => {
  res.json({ status: 'ok' });
});

app.use((req: Request, res: Response, next: NextFunction) => {
  if (req.url.startsWith('/_sim')) return admin(req, res, next);
  const token = req.headers.authorization?.slice(7);
  const identity = { token, tenant: token?.split('.')[0] };
  res.locals.sim = { identity, fault: undefined };
  if (
    req.headers['x-sim-fault'] !== undefined ||
    req.headers.prefer !== undefined ||
    kernel.faults.size > 0
  ) {
    // The kernel's fault path (parse, match, delay/drop/status) would run here; the bench sends none.
    return next(new Error('fault path not part of this prototype'));
  }
  const at = kernel.clock.now();
  const started = performance.now();
  res.once('close', () => {
    kernel.journal.record({
      seq: 0,
      atMs: at,
      method: req.method,
      path: req.path,
      query: '',
      status: res.writableFinished ? res.statusCode : 0,
      durationMs: performance.now() - started,
      tenant: identity.tenant,
      token,
      fault: undefined,
      requestBytes: Number(req.headers['content-length'] ?? 0),
      requestHeaders: req.rawHeaders.join('\0'),
      requestBody: undefined,
      responseHeaders: '',
      responseChunks: undefined,
      responseCaptured: 0,
      responseBytes: 0,
    });
  });
  const decision = kernel.limiter.take(token ?? req.socket.remoteAddress ?? 'anonymous');
  if (!decision.allowed) {
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    res.status(429).json({ error: 'rate limited', kind: 'rate-limited' });
    return;
  }
  const length = req.headers['content-length'];
  if (length !== undefined && Number(length) > 1 << 20) {
    res.status(413).json({ error: 'too large', kind: 'body-too-large' });
    return;
  }
  if (length !== undefined || req.headers['transfer-encoding'] !== undefined) return json(req, res, next);
  next();
});
app.get(payload.path, (_req, res) => {
  res.type(payload.contentType).json(payload.body);
});
app.use((_req: Request, res: Response) => {
  res.status(404).json({ error: 'not found', kind: 'not-found' });
});

const server = app.listen(0, '127.0.0.1', () => {
  announce({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
exitOnSignal(() => new Promise((r) => server.close(r)));
