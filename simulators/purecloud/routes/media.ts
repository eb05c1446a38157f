import type { NextFunction, Request, Response } from 'express';
import { kernelError } from '../../kernel/index.js';

/**
 * The platform API accepts JSON bodies only; a body of any other media type is refused with
 * 415 before the operation runs (the kernel already parsed JSON bodies).
 */
export function jsonBodiesOnly(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !req.is('application/json')) {
    next(
      kernelError(
        'unsupported-media-type',
        415,
        `Unsupported media type ${req.get('content-type') ?? '(none)'}.`,
      ),
    );
    return;
  }
  next();
}
