import type { Request } from 'express';
import { SimError, TextMemo } from '../../kernel/index.js';
import type { RprmUser } from '../options.js';

interface BasicCredentials {
  user: string;
  password: string;
}

function decodeBasic(header: string): BasicCredentials | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export interface BasicAuth {
  /** The login a request claims, unvalidated: fault matching only, never a rate-limit key. */
  claimedUser(req: Request): string | undefined;
  /**
   * The kernel's authenticate hook. HTTP Basic over TLS, as the appliance does it: unknown user
   * or wrong password → 401 with a Basic challenge; a known user without a billing role → 403.
   * Paths outside /api/rest/billing need no credentials (they answer 404).
   */
  authenticate(req: Request): { principal: string } | SimError | undefined;
}

/** One per app: the decoded-header memo belongs to the simulator, not the process. */
export function createBasicAuth(
  users: Record<string, RprmUser>,
  billingRoles: Set<string>,
  realm: string,
  billingPrefix: string,
): BasicAuth {
  // Every request carries the same few Authorization values; decode each once.
  const decoded = new TextMemo<BasicCredentials | undefined>();
  const parse = (header: string | undefined) =>
    header === undefined ? undefined : decoded.get(header, () => decodeBasic(header));
  const challenge = `Basic realm="${realm}"`;
  return {
    claimedUser: (req) => parse(req.get('authorization'))?.user,
    authenticate(req) {
      const path = req.path;
      if (path !== billingPrefix && !path.startsWith(`${billingPrefix}/`)) return undefined;
      const credentials = parse(req.get('authorization'));
      const user =
        credentials && Object.hasOwn(users, credentials.user) ? users[credentials.user] : undefined;
      if (!credentials || !user || user.password !== credentials.password) {
        // The challenge is written by the error renderer: a 401 that the limiter turns into a
        // 429 must not carry it.
        return new SimError(401, 'Authentication failed: a valid user name and password are required.', {
          code: 'UNAUTHORIZED',
          details: { challenge },
        });
      }
      if (!user.roles.some((r) => billingRoles.has(r.toLowerCase()))) {
        return new SimError(403, 'Current user does not have permission to request information.', {
          code: 'FORBIDDEN',
        });
      }
      return { principal: `user:${credentials.user}` };
    },
  };
}
