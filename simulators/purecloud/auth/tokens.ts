import type { Kernel } from '../../kernel/index.js';
import type { PureCloudClient, PureCloudOrg } from '../options.js';

export interface IssuedToken {
  token: string;
  orgId: string;
  clientId: string;
  permissions: readonly string[];
  expiresAt: number;
}

export interface ClientRecord {
  org: PureCloudOrg;
  client: PureCloudClient;
}

/**
 * Issued access tokens. Expired tokens are kept so that they answer `credentials.expired`
 * rather than `bad.credentials`, as the real service distinguishes the two.
 */
export class TokenStore {
  private tokens = new Map<string, IssuedToken>();
  private counter = 0;
  private readonly clients = new Map<string, ClientRecord>();

  constructor(
    private readonly kernel: Kernel,
    orgs: readonly PureCloudOrg[],
    private readonly lifetimeSeconds: number,
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

  issue(record: ClientRecord): IssuedToken {
    const rng = this.kernel.data.rng(`token:${record.client.clientId}:${++this.counter}`);
    const bytes = Buffer.alloc(64);
    for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(0, 255);
    const issued: IssuedToken = {
      token: bytes.toString('base64url'),
      orgId: record.org.id,
      clientId: record.client.clientId,
      permissions: record.client.permissions,
      expiresAt: this.kernel.clock.now() + this.lifetimeSeconds * 1000,
    };
    this.tokens.set(issued.token, issued);
    return issued;
  }

  get lifetime(): number {
    return this.lifetimeSeconds;
  }

  find(token: string): IssuedToken | undefined {
    return this.tokens.get(token);
  }

  expired(token: IssuedToken): boolean {
    return this.kernel.clock.now() >= token.expiresAt;
  }

  clear(): void {
    this.tokens.clear();
    this.counter = 0;
  }
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
