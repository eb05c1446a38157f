import type { Request, Response } from 'express';
import { SimError } from '../../kernel/index.js';

/** 400 whose message is the first problem (it names the field); every problem goes in errors[]. */
export function badRequest(problems: string[]): SimError {
  return new SimError(400, problems[0] ?? 'Bad request.', { details: { problems } });
}

/**
 * The JSON object body of a create. A body sent as another media type is a 415 (the kernel's
 * request validation leaves bodies it did not parse to this check); the body's fields were
 * checked against the contract before the route (a missing body reads as `{}`).
 */
export function jsonObjectBody(req: Request): Record<string, unknown> {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is(['application/json', 'application/*+json'])) {
    throw new SimError(415, 'Unsupported Media Type: send the request body as application/json.');
  }
  const body = req.body as unknown;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(['The request body must be a JSON object.']);
  }
  return body as Record<string, unknown>;
}

/** Answers 405 with Allow for a known path and an unsupported method. */
export function methodNotAllowed(allow: string[]) {
  return (req: Request, res: Response): never => {
    res.setHeader('Allow', allow.join(', '));
    throw new SimError(405, `Method ${req.method} is not allowed here; use ${allow.join(' or ')}.`, {
      details: { kernel: 'method-not-allowed' },
    });
  };
}
