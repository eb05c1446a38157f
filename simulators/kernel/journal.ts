import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { credentialValues, redactHeaders, redactQuery, redactText, scrub } from './redact.js';

/**
 * Bounded ring buffer of recent exchanges, served at GET /_sim/requests and searched by
 * POST /_sim/requests/count|find. Headers and textual bodies (up to `bodyBytes` each) are kept
 * as they were; credentials are redacted whenever an entry is read (redact.ts), so recording
 * costs a few references and one copy of the bytes the client was sent.
 */
export interface JournalMessage {
  /** Header names in lower case; credentials redacted. */
  headers: Record<string, string>;
  /** Textual bodies (JSON, XML, text, forms, CSV) up to the journal's body size; credentials redacted. */
  body?: string;
  /** Bytes of the whole body (the request's Content-Length; what the response wrote). */
  bodyBytes: number;
  /** True when the body was longer than what the journal keeps (or not textual). */
  bodyTruncated: boolean;
}

export interface JournalEntry {
  seq: number;
  /** Simulator time of arrival, ISO-8601. */
  at: string;
  method: string;
  path: string;
  /** Query string without `?`; credentials redacted. */
  query: string;
  status: number;
  durationMs: number;
  tenant: string | undefined;
  fault: string | undefined;
  requestBytes: number;
  request: JournalMessage;
  response: JournalMessage;
}

/** What is recorded per exchange: cheap references, formatted and redacted only when read. */
export interface StoredEntry {
  seq: number;
  atMs: number;
  method: string;
  path: string;
  query: string;
  status: number;
  durationMs: number;
  tenant: string | undefined;
  /** The identity's token: kept for matching (`match.token`), never shown. */
  token: string | undefined;
  fault: string | undefined;
  requestBytes: number;
  requestHeaders: IncomingHttpHeaders;
  /** The parsed request body (JSON or form object), as the route saw it. */
  requestBody: unknown;
  responseHeaders: OutgoingHttpHeaders;
  responseChunks: (string | Buffer)[] | undefined;
  responseCaptured: number;
  responseBytes: number;
}

export const DEFAULT_JOURNAL_BODY_BYTES = 8192;

export class Journal {
  // Arrival kept as a number; formatted only when someone reads the journal.
  private entries: (StoredEntry | undefined)[];
  private next = 0;
  private seq = 0;
  /**
   * The last Buffer body copied and its copy: a resource polled again and again is sent as the
   * same cached Buffer each time, and its entries then share one copy instead of one each.
   */
  private lastSource: Uint8Array | undefined;
  private lastCopy: Buffer | undefined;

  /**
   * @param capacity entries kept (0 turns the journal off)
   * @param bodyBytes bytes kept of each request and response body (0 keeps headers only)
   */
  constructor(
    readonly capacity = 1000,
    readonly bodyBytes = DEFAULT_JOURNAL_BODY_BYTES,
  ) {
    this.entries = new Array(Math.max(0, capacity));
  }

  /**
   * A copy of `chunk`'s first `length` bytes to keep (a producer may reuse its Buffer), taken
   * outside Buffer's shared pool so that a small kept body does not pin an 8 KiB pool slab.
   */
  copyBody(chunk: Uint8Array, length: number): Buffer {
    if (chunk === this.lastSource && this.lastCopy?.length === length) return this.lastCopy;
    const copy = Buffer.allocUnsafeSlow(length);
    copy.set(length === chunk.byteLength ? chunk : chunk.subarray(0, length));
    this.lastSource = chunk;
    this.lastCopy = copy;
    return copy;
  }

  get enabled(): boolean {
    return this.capacity > 0;
  }

  /** Takes ownership of `entry` (its seq is set here) to avoid a copy per request. */
  record(entry: StoredEntry): void {
    if (this.capacity === 0) return;
    entry.seq = ++this.seq;
    this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Stored entries oldest first (for matching); `limit` keeps the newest N. */
  stored(limit?: number): StoredEntry[] {
    const out: StoredEntry[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const e = this.entries[(this.next + i) % this.capacity];
      if (e) out.push(e);
    }
    return limit !== undefined && limit < out.length ? out.slice(out.length - limit) : out;
  }

  /** Oldest first; `limit` keeps the newest N. */
  list(limit?: number): JournalEntry[] {
    return this.stored(limit).map((e) => this.view(e));
  }

  /** The entry as the admin API shows it: formatted, bodies decoded, credentials redacted. */
  view(e: StoredEntry): JournalEntry {
    const auth = e.requestHeaders.authorization;
    const secrets = credentialValues(typeof auth === 'string' ? auth : undefined, e.token);
    const requestText = requestBodyText(e);
    const responseText = responseBodyText(e);
    const reqType = headerText(e.requestHeaders['content-type']);
    const resType = headerText(e.responseHeaders['content-type']);
    const request: JournalMessage = {
      headers: redactHeaders(e.requestHeaders),
      bodyBytes: e.requestBytes,
      bodyTruncated: false,
    };
    if (requestText !== undefined) {
      const kept = clip(requestText, this.bodyBytes);
      request.body = scrub(redactText(kept.text, reqType ?? 'application/json'), secrets);
      request.bodyTruncated = kept.truncated;
    } else if (e.requestBytes > 0) {
      request.bodyTruncated = true;
    }
    const response: JournalMessage = {
      headers: redactHeaders(e.responseHeaders),
      bodyBytes: e.responseBytes,
      bodyTruncated: e.responseBytes > e.responseCaptured,
    };
    if (responseText !== undefined) response.body = scrub(redactText(responseText, resType), secrets);
    return {
      seq: e.seq,
      at: new Date(e.atMs).toISOString(),
      method: e.method,
      path: e.path,
      query: redactQuery(e.query),
      status: e.status,
      durationMs: e.durationMs,
      tenant: e.tenant,
      fault: e.fault,
      requestBytes: e.requestBytes,
      request,
      response,
    };
  }

  get size(): number {
    return Math.min(this.seq, this.capacity);
  }

  /** Total exchanges recorded since the last clear, including ones the ring has dropped. */
  get total(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = new Array(this.capacity);
    this.next = 0;
    this.seq = 0;
  }
}

function headerText(v: string | string[] | number | undefined): string | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : String(v);
}

/** The request body as text: JSON objects re-serialized, forms re-encoded, strings as they are. */
export function requestBodyText(e: StoredEntry): string | undefined {
  const b = e.requestBody;
  if (b === undefined || b === null) return undefined;
  if (typeof b === 'string') return b;
  if (Buffer.isBuffer(b)) return undefined;
  if (typeof b !== 'object') return JSON.stringify(b);
  // express.urlencoded and express.json both leave an empty object when there was no body.
  if (e.requestBytes === 0 && Object.keys(b).length === 0) return undefined;
  const type = headerText(e.requestHeaders['content-type']) ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(b)) form.append(k, String(v));
    return form.toString();
  }
  return JSON.stringify(b);
}

export function responseBodyText(e: StoredEntry): string | undefined {
  if (!e.responseChunks || e.responseChunks.length === 0) return undefined;
  return e.responseChunks.map((c) => (typeof c === 'string' ? c : c.toString('utf8'))).join('');
}

function clip(text: string, limit: number): { text: string; truncated: boolean } {
  if (Buffer.byteLength(text) <= limit) return { text, truncated: false };
  return { text: Buffer.from(text).subarray(0, limit).toString('utf8'), truncated: true };
}

/** Media types whose bodies the journal keeps as text. */
export const TEXTUAL_BODY = /json|xml|text\/|csv|x-www-form-urlencoded|javascript/i;
