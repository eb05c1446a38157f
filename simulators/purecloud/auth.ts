import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { type Kernel, type SimError, TextMemo } from '../kernel/index.js';
import { apiError } from './errors.js';
import type { PureCloudClient, PureCloudOrg } from './options.js';

/**
 * Access tokens and permissions. Tokens need no store: each is a self-describing payload
 * (client, org, expiry) signed with the kernel's secret, so an expired token still proves what
 * it was and answers `credentials.expired` rather than `bad.credentials`, as the real service
 * distinguishes the two. A reset bumps the epoch every token carries, so older ones stop working.
 */

export interface TokenClaims {
  clientId: string;
  orgId: string;
  expiresAt: number;
  epoch: number;
}

export interface ClientRecord {
  org: PureCloudOrg;
  client: PureCloudClient;
}

/** What a request proved (set by `authenticate`, read by the routes). */
export interface Caller {
  claims: TokenClaims;
  permissions: readonly string[];
}

/** Permissions each operation requires (ANY of), as listed in the SDK's API docs. */
export const PERMISSIONS = {
  billableUsage: ['billing:subscription:read', 'billing:subscription:view'],
  trusteeOverview: ['affiliateOrganization:clientBilling:view'],
  contracts: ['billing:subscription:view'],
  trustors: ['authorization:orgTrustor:view'],
  /** GET /api/v2/organizations/me: "Requires NO permissions". */
  none: [],
} as const;

export class Tokens {
  private readonly clients = new Map<string, ClientRecord>();
  private readonly verified = new TextMemo<TokenClaims | undefined>(512, 512);
  private issued = 0;
  private epoch = 0;

  constructor(
    private readonly kernel: Kernel,
    orgs: readonly PureCloudOrg[],
    readonly lifetime: number,
  ) {
    for (const org of orgs) {
      for (const client of org.clients) {
        if (this.clients.has(client.clientId))
          throw new Error(`duplicate OAuth client id ${client.clientId}`);
        this.clients.set(client.clientId, { org, client });
      }
    }
  }

  client(clientId: string): ClientRecord | undefined {
    return this.clients.get(clientId);
  }

  issue(record: ClientRecord): string {
    const claims = {
      c: record.client.clientId,
      o: record.org.id,
      e: this.kernel.clock.now() + this.lifetime * 1000,
      p: this.epoch,
      // Two tokens issued in the same millisecond still differ.
      n: ++this.issued,
    };
    const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The claims of a token this instance signed in the current epoch, expired or not. */
  verify(token: string): TokenClaims | undefined {
    const claims = this.verified.get(token, () => this.decode(token));
    return claims && claims.epoch === this.epoch ? claims : undefined;
  }

  expired(claims: TokenClaims): boolean {
    return this.kernel.clock.now() >= claims.expiresAt;
  }

  /** The counters a state snapshot keeps (tokens themselves are signed, not stored). */
  snapshot(): { issued: number; epoch: number } {
    return { issued: this.issued, epoch: this.epoch };
  }

  /** Continues from a snapshot: its tokens verify again (with its signing key) and new ones follow on. */
  restore(state: { issued: number; epoch: number }): void {
    this.issued = state.issued;
    this.epoch = state.epoch;
    this.verified.clear();
  }

  /** Tokens issued before a reset stop working. */
  reset(): void {
    this.epoch++;
    this.issued = 0;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.kernel.secret).update(payload).digest('base64url');
  }

  private decode(token: string): TokenClaims | undefined {
    const dot = token.indexOf('.');
    if (dot <= 0) return undefined;
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'utf8');
    const wanted = Buffer.from(this.sign(payload), 'utf8');
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return undefined;
    try {
      const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      if (
        typeof c.c !== 'string' ||
        typeof c.o !== 'string' ||
        typeof c.e !== 'number' ||
        typeof c.p !== 'number'
      )
        return undefined;
      return { clientId: c.c, orgId: c.o, expiresAt: c.e, epoch: c.p };
    } catch {
      return undefined;
    }
  }
}

/**
 * The kernel's authenticate hook for the platform API: 401s before the rate limiter and before
 * any body is read. The login service and the signed document links need no bearer token.
 */
export function authenticate(
  tokens: Tokens,
  req: Request,
  res: Response,
): { principal: string } | SimError | undefined {
  if (!req.path.startsWith('/api/')) return undefined;
  const raw = bearerToken(req.get('authorization'));
  if (!raw) {
    return apiError(
      401,
      'authentication.required',
      'No authentication bearer token specified in authorization header.',
    );
  }
  const claims = tokens.verify(raw);
  const record = claims && tokens.client(claims.clientId);
  if (!claims || !record) return apiError(401, 'bad.credentials', 'Invalid login credentials.');
  if (tokens.expired(claims)) {
    return apiError(401, 'credentials.expired', 'The supplied credentials are expired and cannot be used.');
  }
  const caller: Caller = { claims, permissions: record.client.permissions };
  res.locals.purecloud = caller;
  return { principal: `token:${raw}` };
}

/** The authenticated caller, after checking the operation's permissions (403 after 401). */
export function authorize(res: Response, anyOf: readonly string[]): Caller {
  const caller = res.locals.purecloud as Caller | undefined;
  // authenticate() ran for every /api/ path; a missing caller means a route outside /api/.
  if (!caller)
    throw apiError(
      401,
      'authentication.required',
      'No authentication bearer token specified in authorization header.',
    );
  if (anyOf.length > 0 && !hasAny(caller.permissions, anyOf)) throw missingPermissions(anyOf);
  return caller;
}

/**
 * Genesys permissions are `domain:entity:action`; roles may grant wildcards per segment
 * (`billing:*:*`). A grant with fewer segments covers everything below it.
 */
export function grants(granted: string, wanted: string): boolean {
  const g = granted.split(':');
  const w = wanted.split(':');
  for (let i = 0; i < w.length; i++) {
    const segment = g[i];
    if (segment === undefined) return g.length > 0 && g[g.length - 1] === '*';
    if (segment !== '*' && segment.toLowerCase() !== w[i]!.toLowerCase()) return false;
  }
  return true;
}

export function hasAny(granted: readonly string[], anyOf: readonly string[]): boolean {
  return anyOf.some((wanted) => granted.some((g) => grants(g, wanted)));
}

function missingPermissions(anyOf: readonly string[]) {
  const list = `[${anyOf.join(', ')}]`;
  if (anyOf.length === 1) {
    return apiError(
      403,
      'missing.permissions',
      `Unable to perform the requested action. You are missing the following permission(s): ${list}`,
      {
        messageWithParams:
          'Unable to perform the requested action. You are missing the following permission(s): {permissions}',
        messageParams: { permissions: list },
      },
    );
  }
  return apiError(
    403,
    'missing.any.permissions',
    `Unable to perform the requested action. You must have at least one of the following permissions assigned: ${list}`,
    {
      messageWithParams:
        'Unable to perform the requested action. You must have at least one of the following permissions assigned: {permissions}',
      messageParams: { permissions: list },
    },
  );
}

/** The bearer token of a request, whatever the case of the scheme; undefined when absent. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** `client_id`/`client_secret` from an HTTP Basic header, or undefined when it is not Basic. */
export function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
