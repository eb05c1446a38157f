import type { Request, Response } from 'express';
import { kernelError, type SimError, statusText } from './errors.js';
import { type FaultEffect, FaultRuleError, parseFaultHeader, parsePreferCode } from './faults.js';
import type { Kernel } from './kernel.js';
import type { Identity } from './vendor-app.js';

export const FAULT_HEADER = 'x-sim-fault';

/** The fault for this request: per-request header first, then Prism's Prefer, then stored rules. */
export function faultFor(
  kernel: Kernel,
  req: Request,
  identity: Identity,
): { id: string; effect: FaultEffect } | SimError | undefined {
  try {
    const fromHeader = parseFaultHeader(req.get(FAULT_HEADER));
    if (fromHeader) return { id: 'header', effect: fromHeader };
  } catch (e) {
    if (e instanceof FaultRuleError) return kernelError('fault', 400, e.message);
    throw e;
  }
  const prefer = parsePreferCode(req.get('prefer'));
  if (prefer) return { id: 'prefer', effect: prefer };
  if (kernel.faults.size === 0) return undefined;
  const hit = kernel.faults.take({
    method: req.method,
    path: req.path,
    tenant: identity.tenant,
    token: identity.token,
    header: (name) => req.get(name),
  });
  return hit ? { id: hit.rule.id, effect: hit.effect } : undefined;
}

type FaultOutcome = SimError | 'dropped' | undefined;

/**
 * Applies an effect: the error to render, 'dropped' when the socket is gone, or undefined to
 * let the handler run (delay and truncate only). Synchronous unless the effect has a delay.
 */
export function applyFault(
  kernel: Kernel,
  req: Request,
  res: Response,
  effect: FaultEffect,
): FaultOutcome | Promise<FaultOutcome> {
  if (!effect.delayMs) return applyNow(kernel, req, res, effect);
  const gone = new AbortController();
  const onClose = () => gone.abort();
  res.once('close', onClose);
  return kernel.clock.wait(effect.delayMs, gone.signal).then(() => {
    res.off('close', onClose);
    return gone.signal.aborted ? 'dropped' : applyNow(kernel, req, res, effect);
  });
}

function applyNow(kernel: Kernel, req: Request, res: Response, effect: FaultEffect): FaultOutcome {
  if (effect.drop) {
    req.socket.destroy();
    return 'dropped';
  }
  if (effect.truncateBytes !== undefined) truncateAfter(res, effect.truncateBytes);
  if (effect.status) {
    return kernelError(
      'fault',
      effect.status,
      effect.message ?? `${statusText(effect.status)} (injected fault).`,
      {
        // A rule's Retry-After is simulator time; the client waits in its own seconds.
        retryAfterSeconds:
          effect.retryAfterSeconds === undefined
            ? undefined
            : kernel.clock.toClientSeconds(effect.retryAfterSeconds * 1000),
      },
    );
  }
  return undefined;
}

/** Lets `limit` bytes of the body out, then cuts the connection as a broken upstream would. */
function truncateAfter(res: Response, limit: number): void {
  let sent = 0;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as () => Response;
  const cut = (chunk: unknown, encoding: unknown): boolean => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return true;
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    const room = limit - sent;
    if (room > 0) write(buf.subarray(0, room));
    sent += buf.length;
    if (sent >= limit) {
      // Flush what was allowed, then break the connection.
      res.socket?.end();
      setImmediate(() => res.destroy());
      return false;
    }
    return true;
  };
  res.write = ((chunk: unknown, encoding?: unknown) => cut(chunk, encoding)) as Response['write'];
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    // A body shorter than the limit goes out whole.
    return cut(chunk, encoding) ? end() : res;
  }) as Response['end'];
}
