import type { NextFunction, Request, Response } from 'express';
import { kernelError, type SimError } from '../../kernel/index.js';

/**
 * The RPRM resources take no body. The kernel reads JSON bodies (limit included) and leaves
 * other media types alone; this reads and discards those too, counting bytes, so the body
 * limit holds whatever the framing (chunked included) and a request over it never reaches a
 * route: nothing it would have started is started.
 */
export function bodyLimit(limit: number) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (!hasBody || (req as Request & { _body?: boolean })._body === true || req.readableEnded) {
      next();
      return;
    }
    let seen = 0;
    let settled = false;
    const settle = (error?: SimError) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (error) {
        // Keep discarding what still arrives so the answer can be written.
        req.resume();
        next(error);
      } else next();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit)
        settle(kernelError('body-too-large', 413, `Request body exceeds the limit of ${limit} bytes.`));
    };
    req.on('data', onData);
    req.once('end', () => settle());
    req.once('error', () => settle(kernelError('bad-request', 400, 'The request body could not be read.')));
  };
}
