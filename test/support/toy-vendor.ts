import type { Request, Response } from 'express';
import {
  createVendorApp,
  type KernelOptions,
  kernelKind,
  type SimApp,
  SimError,
} from '../../simulators/kernel/index.js';

/**
 * A minimal vendor for kernel tests: its own envelope `{problem, status, kind}`, a trace
 * header on every response, bearer tokens of the form `<tenant>.<anything>`, and a job route.
 */
export function createToyApp(
  options: KernelOptions & { brokenItem?: boolean; validateRequests?: boolean } = {},
): SimApp<{ token: string }> {
  const items = new Map<string, { id: string; name: string; quantity: number }>();
  let counter = 0;
  return createVendorApp({
    name: 'toy',
    options,
    defaults: { rateLimit: { kind: 'fixed-window', limit: 1000, windowMs: 60_000 }, bodyLimitBytes: 1024 },
    credentials: { token: 'acme.secret' },
    contract: new URL('../fixtures/contracts/toy.openapi.yaml', import.meta.url).pathname,
    adapter: (kernel) => ({
      identify(req: Request) {
        const token = req.get('authorization')?.replace(/^Bearer /, '');
        return { token, tenant: token?.split('.')[0] };
      },
      everyResponse(_req: Request, res: Response) {
        res.setHeader('X-Toy-Trace', 'trace-1');
      },
      rateLimitHeaders(res, decision) {
        res.setHeader('X-RateLimit-Remaining', String(decision.remaining));
      },
      validateRequests: options.validateRequests,
      renderError(_req: Request, res: Response, error: SimError) {
        res
          .status(error.status)
          .json({ problem: error.message, status: error.status, kind: kernelKind(error) ?? 'vendor' });
      },
      routes(router) {
        router.get('/toy/items/:id', (req, res) => {
          const item = items.get(req.params.id);
          if (!item) throw new SimError(404, `no item ${req.params.id}`);
          res.json(options.brokenItem ? { ...item, quantity: String(item.quantity) } : item);
        });
        router.post('/toy/items', (req, res) => {
          const body = req.body as { name?: unknown; quantity?: unknown } | undefined;
          if (typeof body?.name !== 'string') throw new SimError(400, 'name must be a string');
          const item = { id: String(++counter), name: body.name, quantity: Number(body.quantity ?? 1) };
          items.set(item.id, item);
          res.status(201).json(item);
        });
        router.get('/toy/stream', (_req, res) => {
          res.type('text/plain');
          for (let i = 0; i < 100; i++) res.write(`line ${i}\n`);
          res.end();
        });
        router.get('/toy/slow', async (_req, res) => {
          res.type('text/plain');
          res.write('first\n');
          await kernel.clock.wait(1000);
          res.end('last\n');
        });
        router.get('/toy/range', (req, res) => {
          const q = req.query as Record<string, string>;
          res.json({ id: 'range', name: `${q.from}..${q.to}`, quantity: Number(q.limit ?? 10) });
        });
        router.get('/toy/now', (_req, res) => {
          res.json({ id: 'now', name: kernel.clock.date().toISOString(), quantity: 0 });
        });
      },
      reset() {
        items.clear();
        counter = 0;
      },
    }),
  });
}
