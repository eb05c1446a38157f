import { createHash, type Hash } from 'node:crypto';

/** One attempt on the wire: what was asked, what came back, how long it took. */
export interface TranscriptEntry {
  /** Sequence number across the whole run. */
  seq: number;
  /** The flow step that made the request. */
  step: string;
  attempt: number;
  method: string;
  url: string;
  /** Request headers with credentials masked. */
  requestHeaders: Record<string, string>;
  requestBodyBytes: number;
  status?: number;
  responseHeaders?: Record<string, string>;
  /** sha256 of the response body as received, with its length. */
  bodySha256?: string;
  bodyBytes?: number;
  /** Set when the attempt failed below HTTP (timeout, reset, TLS) or the body broke off. */
  error?: string;
  /** Milliseconds to response headers and to the end of the body. */
  headersMs?: number;
  totalMs?: number;
  /** Why the client waited before the next attempt, if it did. */
  retry?: { reason: string; waitMs: number; source: 'retry-after' | 'backoff' };
}

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? `${v.split(' ')[0] ?? ''} ***`.trim() : v;
  }
  return out;
}

/** Strips signatures from URLs (signed download links are credentials too). */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) {
      if (/signature|token|key-pair-id|sig$/i.test(key)) u.searchParams.set(key, '***');
    }
    return u.toString();
  } catch {
    return url;
  }
}

export class Transcript {
  private readonly list: TranscriptEntry[] = [];
  private seq = 0;

  add(entry: Omit<TranscriptEntry, 'seq'>): TranscriptEntry {
    const full = { seq: ++this.seq, ...entry };
    this.list.push(full);
    return full;
  }

  get entries(): readonly TranscriptEntry[] {
    return this.list;
  }
}

/** Running digest of a body that is streamed elsewhere. */
export class BodyDigest {
  private readonly hash: Hash = createHash('sha256');
  bytes = 0;

  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}
