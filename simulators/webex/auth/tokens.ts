import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * OAuth tokens of the simulator's integrations, signed with the kernel's secret instead of
 * stored: nothing to bound, and a restart with the same `signingSecret` keeps them valid.
 * `<payload>.<signature>`, both base64url; the payload says what the token is, for whom, with
 * which scopes and until when (simulator time) [R: Webex tokens are opaque].
 */
export type TokenKind = 'access' | 'refresh' | 'code';

export interface TokenClaims {
  kind: TokenKind;
  /** Partner organization uuid. */
  org: string;
  /** Person uuid of the partner administrator who authorized the integration. */
  person: string;
  scopes: string[];
  clientId: string;
  /** Expiry, epoch ms on the simulator clock. */
  exp: number;
  /** Makes every issued token distinct. */
  n: number;
  /** Authorization codes only: the redirect URI they were issued for. */
  redirectUri?: string;
}

const KIND_CODE: Record<TokenKind, string> = { access: 'a', refresh: 'r', code: 'c' };

export class TokenSigner {
  private counter = 0;

  constructor(private readonly secret: Buffer) {}

  /** Tokens issued so far (a state snapshot keeps it: tokens issued after a restore stay distinct). */
  get issued(): number {
    return this.counter;
  }

  set issued(n: number) {
    this.counter = n;
  }

  issue(claims: Omit<TokenClaims, 'n'>): string {
    const full: TokenClaims = { ...claims, n: ++this.counter };
    const payload = Buffer.from(
      JSON.stringify([
        KIND_CODE[full.kind],
        full.org,
        full.person,
        full.scopes,
        full.clientId,
        full.exp,
        full.n,
        full.redirectUri ?? '',
      ]),
      'utf8',
    ).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /**
   * The same token signed with the current key: a token issued before a state restore replaced
   * the key (the credentials' refresh tokens) stays one this simulator accepts.
   */
  resign(token: string): string {
    const payload = token.slice(0, token.indexOf('.'));
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claims of a token this simulator signed, or undefined (unknown, tampered, garbage). */
  read(token: string): TokenClaims | undefined {
    const dot = token.indexOf('.');
    if (dot <= 0 || dot !== token.lastIndexOf('.') || token.length > 4096) return undefined;
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.mac(payload));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const [k, org, person, scopes, clientId, exp, n, redirectUri] = JSON.parse(
        Buffer.from(payload, 'base64url').toString('utf8'),
      ) as [string, string, string, string[], string, number, number, string];
      const kind = (Object.keys(KIND_CODE) as TokenKind[]).find((key) => KIND_CODE[key] === k);
      if (!kind) return undefined;
      return { kind, org, person, scopes, clientId, exp, n, redirectUri: redirectUri || undefined };
    } catch {
      return undefined;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`billing-sim:webex:token:${payload}`).digest('base64url');
  }
}
