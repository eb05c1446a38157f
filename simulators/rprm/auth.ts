import type { NextFunction, Request, Response } from 'express';
import { SimError, TextMemo } from '../kernel/index.js';
import type { RprmUser } from './options.js';

/** The login a request claims in its Basic header, unvalidated (rate-limit key, fault matching). */
export function claimedUser(req: Request): string | undefined {
  return parseBasic(req.get('authorization'))?.user;
}

function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  return header === undefined ? undefined : decoded.get(header, () => decodeBasic(header));
}

// Every request carries the same few Authorization values; decode each once.
const decoded = new TextMemo<{ user: string; password: string } | undefined>();

function decodeBasic(header: string): { user: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * HTTP Basic over TLS, as the appliance does it: unknown user or wrong password → 401 with a
 * Basic challenge; a known user without a billing role → 403.
 */
export function billingAuth(users: Record<string, RprmUser>, billingRoles: Set<string>, realm: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const credentials = parseBasic(req.get('authorization'));
    const user = credentials && Object.hasOwn(users, credentials.user) ? users[credentials.user] : undefined;
    if (!credentials || !user || user.password !== credentials.password) {
      res.setHeader('WWW-Authenticate', `Basic realm="${realm}"`);
      next(
        new SimError(401, 'Authentication failed: a valid user name and password are required.', {
          code: 'UNAUTHORIZED',
        }),
      );
      return;
    }
    if (!user.roles.some((r) => billingRoles.has(r.toLowerCase()))) {
      next(
        new SimError(403, 'Current user does not have permission to request information.', {
          code: 'FORBIDDEN',
        }),
      );
      return;
    }
    res.locals.rprmUser = credentials.user;
    next();
  };
}
