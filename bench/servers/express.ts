/**
 * A bare Express 5 route answering the payload. BENCH_EXPRESS=defaults keeps Express's defaults
 * (ETag, X-Powered-By); otherwise both are off, as the kernel sets them, so the kernel's
 * ratio to this route measures only what the kernel adds. BENCH_EXPRESS=layers adds no-op
 * middleware in the kernel's shape (same count, one async, the /_sim mount, express.json(), a
 * nested router, 404 and error handlers) — Express's dispatch cost without the kernel's work.
 * BENCH_EXPRESS=aligned is the plain route on a node:http server whose request and response
 * classes already have the app's prototypes, as the kernel's `serve` runs (finding 15): what
 * Express costs once it no longer re-parents each request.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { alignedMessageClasses } from '../../simulators/kernel/express-messages.js';
import { announce, exitOnSignal, readPayload } from './payload.js';

const payload = readPayload();
const app = express();
if (process.env.BENCH_EXPRESS !== 'defaults') {
  app.disable('x-powered-by');
  app.set('etag', false);
}
const handler = (_req: Request, res: Response) => {
  res.type(payload.contentType).json(payload.body);
};
if (process.env.BENCH_EXPRESS === 'layers') {
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.locals.sim = {};
    next();
  });
  app.use('/_sim', express.Router());
  app.use(async (_req: Request, _res: Response, next: NextFunction) => next());
  app.use((_req: Request, _res: Response, next: NextFunction) => next());
  app.use(express.json());
  const router = express.Router();
  router.get(payload.path, handler);
  app.use(router);
  app.use((_req: Request, _res: Response, next: NextFunction) => next(new Error('not found')));
  app.use((_error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(404).json({});
  });
} else {
  app.get(payload.path, handler);
}
const server =
  process.env.BENCH_EXPRESS === 'aligned' ? createServer(alignedMessageClasses(app) ?? {}, app) : app;
const listening = server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => {
  announce({ url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}` });
});
exitOnSignal(() => new Promise((r) => listening.close(r)));
