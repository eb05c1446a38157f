import type { Request, Response } from 'express';
import {
  Clock,
  createVendorApp,
  type KernelOptions,
  kernelKind,
  type SimApp,
  type SimError,
  sendJson,
} from '../../simulators/kernel/index.js';
import type { Payload } from './payload.js';

/**
 * The smallest vendor a kernel can carry: a bearer-token identity, a one-line error envelope
 * (sent with the kernel's `sendJson`, as the real vendors send theirs),
 * and one route answering the payload. What it costs over a bare Express route is the kernel's
 * per-request middleware (journal, fault lookup, rate limiter, body checks), nothing else.
 */
export function createMinimalVendor(payload: Payload, options: KernelOptions): SimApp {
  return createVendorApp({
    name: 'bench',
    options: { clock: new Clock({ mode: 'manual', start: '2026-03-15T10:00:00Z' }), ...options },
    credentials: { token: 'bench.token' },
    adapter: () => ({
      identify(req: Request) {
        const token = req.headers.authorization?.slice(7);
        return { token, tenant: token?.split('.')[0] };
      },
      renderError(_req: Request, res: Response, error: SimError) {
        sendJson(res, error.status, { error: error.message, kind: kernelKind(error) ?? 'vendor' });
      },
      routes(router) {
        router.get(payload.path, (_req, res) => {
          res.type(payload.contentType).json(payload.body);
        });
      },
    }),
  });
}
