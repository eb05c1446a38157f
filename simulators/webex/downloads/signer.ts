import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring download URLs shaped like Webex's CloudFront links
 * (`…/<org-uuid>/WHOLESALE/<file-uuid>.csv?Expires=…&Signature=…&Key-Pair-Id=…`).
 * [R] The signature is an HMAC-SHA256 of the object path, the expiry and the key-pair id with
 * the kernel's signing secret (random per process unless `signingSecret` is set), in
 * CloudFront's URL-safe base64 alphabet. The Key-Pair-Id is public: derived from the seed.
 */
export class DownloadSigner {
  readonly keyPairId: string;

  constructor(
    private readonly secret: Buffer,
    seed: number,
    keyPairId?: string,
  ) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const h = createHash('sha256').update(`billing-sim:webex:key-pair:${seed}`).digest();
    let id = 'APKA';
    for (let i = 0; i < 16; i++) id += alphabet[(h[i] as number) % 32];
    this.keyPairId = keyPairId ?? id;
  }

  sign(objectPath: string, expires: number): string {
    return createHmac('sha256', this.secret)
      .update(`${objectPath}\n${expires}\n${this.keyPairId}`)
      .digest('base64')
      .replace(/\+/g, '-')
      .replace(/=/g, '_')
      .replace(/\//g, '~');
  }

  url(base: string, objectPath: string, expires: number): string {
    // encodeURIComponent keeps CloudFront's `~`, `-` and `_` as they are.
    const q = [
      `Expires=${expires}`,
      `Signature=${encodeURIComponent(this.sign(objectPath, expires))}`,
      `Key-Pair-Id=${encodeURIComponent(this.keyPairId)}`,
    ];
    return `${base}${objectPath}?${q.join('&')}`;
  }

  /**
   * Why CloudFront would refuse this URL, or undefined when it is good: a missing Key-Pair-Id,
   * an unknown one, or (AccessDenied) a missing, tampered or expired signature.
   */
  verify(objectPath: string, query: URLSearchParams, nowMs: number): CdnRefusal | undefined {
    const keyPair = query.get('Key-Pair-Id');
    if (keyPair === null || keyPair === '') return 'missing-key';
    if (keyPair !== this.keyPairId) return 'unknown-key';
    const expires = query.get('Expires');
    const signature = query.get('Signature');
    if (expires === null || signature === null || !/^\d{1,12}$/.test(expires)) return 'access-denied';
    const expected = Buffer.from(this.sign(objectPath, Number(expires)));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'access-denied';
    if (Number(expires) * 1000 <= nowMs) return 'access-denied';
    return undefined;
  }
}

export type CdnRefusal = 'missing-key' | 'unknown-key' | 'access-denied';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const WHOLESALE_FILE = new RegExp(`^(.*)(/(${UUID})/WHOLESALE/(${UUID})\\.csv)$`);
const BROADWORKS_FILE = new RegExp(`^(.*)(/(${UUID})/(\\d{4})/(\\d{2})/(\\d{2})/(${UUID})\\.csv)$`);

export interface FileRequest {
  family: 'wholesale' | 'broadworks';
  /** Anything before the object path (a path prefix of `downloadBaseUrl`). */
  prefix: string;
  /** The signed part: `/<org>/WHOLESALE/<file>.csv` or `/<org>/YYYY/MM/DD/<file>.csv`. */
  objectPath: string;
  orgUuid: string;
  fileUuid: string;
  /** `YYYY-MM-DD` of a BroadWorks path. */
  date: string | undefined;
}

export function matchFile(path: string): FileRequest | undefined {
  const w = WHOLESALE_FILE.exec(path);
  if (w) {
    return {
      family: 'wholesale',
      prefix: w[1] as string,
      objectPath: w[2] as string,
      orgUuid: w[3] as string,
      fileUuid: w[4] as string,
      date: undefined,
    };
  }
  const b = BROADWORKS_FILE.exec(path);
  if (b) {
    return {
      family: 'broadworks',
      prefix: b[1] as string,
      objectPath: b[2] as string,
      orgUuid: b[3] as string,
      fileUuid: b[7] as string,
      date: `${b[4]}-${b[5]}-${b[6]}`,
    };
  }
  return undefined;
}

export function wholesaleObjectPath(orgUuid: string, fileUuid: string): string {
  return `/${orgUuid}/WHOLESALE/${fileUuid}.csv`;
}

export function broadworksObjectPath(orgUuid: string, finishedAtMs: number, fileUuid: string): string {
  const d = new Date(finishedAtMs).toISOString();
  return `/${orgUuid}/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${fileUuid}.csv`;
}
