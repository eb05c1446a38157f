import type { Request, Response } from 'express';
import { SimError } from '../../kernel/index.js';

/** 400 whose message is the first problem (it names the field); every problem goes in errors[]. */
export function badRequest(problems: string[]): SimError {
  return new SimError(400, problems[0] ?? 'Bad request.', { details: { problems } });
}

/** A single-valued query parameter; a repeated one is a 400 naming it. */
export function queryParam(req: Request, name: string): string | undefined {
  const v = req.query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badRequest([`${name} must be given at most once.`]);
  return v;
}

export function oneOf<T extends string>(
  req: Request,
  name: string,
  allowed: readonly T[],
  problems: string[],
): T | undefined {
  const v = queryParam(req, name);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) {
    problems.push(`${name} must be one of ${allowed.join(', ')}; got "${v}".`);
    return undefined;
  }
  return v as T;
}

/**
 * The JSON object body of a create. A body sent as another media type is a 415; a missing body
 * is an empty object (its required fields then fail by name).
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
