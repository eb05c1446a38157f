import type { OutgoingHttpHeaders } from 'node:http';
import { JournalSlots } from './journal-slots.js';
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
  /** The request's header lines as sent (`packHeaders` of its raw headers). */
  requestHeaders: PackedHeaders;
  /** The parsed request body (JSON or form object), as the route saw it. */
  requestBody: unknown;
  /** The response's headers (`packOutgoing`). */
  responseHeaders: PackedHeaders;
  responseChunks: (string | Buffer)[] | undefined;
  responseCaptured: number;
  responseBytes: number;
}

export const DEFAULT_JOURNAL_BODY_BYTES = 8192;

/**
 * Header lines as the journal keeps them: names and values alternating, joined by NUL (which no
 * header name or value may contain). One flat string per message rather than an object and a
 * string per line: an entry outlives a few young-generation collections, and everything it holds
 * is then copied into the old generation, so fewer and flatter objects keep that copy small.
 */
export type PackedHeaders = string;

/** Node's raw header list (`req.rawHeaders`: name, value, name, value …). */
export function packHeaders(raw: readonly string[]): PackedHeaders {
  return raw.join('\0');
}

/** The headers a response carries (as `res.getHeaders()` lists them), multi-valued ones line by line. */
export function packOutgoing(headers: OutgoingHttpHeaders): PackedHeaders {
  const lines: string[] = [];
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) lines.push(name, v);
    else lines.push(name, String(value));
  }
  return lines.join('\0');
}

/** Names in lower case; a header sent more than once becomes the list of its values. */
export function unpackHeaders(packed: PackedHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (packed === '') return out;
  const parts = packed.split('\0');
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const name = (parts[i] as string).toLowerCase();
    const value = parts[i + 1] as string;
    const had = out[name];
    out[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

/** One header's value (several joined by `, `), or undefined. */
export function packedHeader(packed: PackedHeaders, name: string): string | undefined {
  const v = unpackHeaders(packed)[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

export class Journal {
  // Entries live in compact slots (journal-slots.ts); arrival kept as a number and everything
  // formatted only when someone reads the journal.
  private readonly slots: JournalSlots;
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
    this.slots = new JournalSlots(Math.max(0, capacity));
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

  /** Keeps `entry` (its seq is set here); the object itself is not kept. */
  record(entry: StoredEntry): void {
    if (this.capacity === 0) return;
    entry.seq = ++this.seq;
    this.slots.write(this.next, entry);
    this.next = (this.next + 1) % this.capacity;
  }

  /** Stored entries oldest first (for matching); `limit` keeps the newest N. */
  stored(limit?: number): StoredEntry[] {
    const out: StoredEntry[] = [];
    const first = limit !== undefined && limit < this.size ? this.size - limit : 0;
    let seen = 0;
    for (let i = 0; i < this.capacity; i++) {
      const slot = (this.next + i) % this.capacity;
      if (!this.slots.used(slot)) continue;
      if (seen++ < first) continue;
      out.push(this.slots.read(slot) as StoredEntry);
    }
    return out;
  }

  /** Oldest first; `limit` keeps the newest N. */
  list(limit?: number): JournalEntry[] {
    return this.stored(limit).map((e) => this.view(e));
  }

  /** The entry as the admin API shows it: formatted, bodies decoded, credentials redacted. */
  view(e: StoredEntry): JournalEntry {
    const requestHeaders = unpackHeaders(e.requestHeaders);
    const responseHeaders = unpackHeaders(e.responseHeaders);
    const auth = headerText(requestHeaders.authorization);
    const secrets = credentialValues(auth, e.token);
    const requestText = requestBodyText(e);
    const responseText = responseBodyText(e);
    const reqType = headerText(requestHeaders['content-type']);
    const resType = headerText(responseHeaders['content-type']);
    const request: JournalMessage = {
      headers: redactHeaders(requestHeaders),
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
      headers: redactHeaders(responseHeaders),
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
    this.slots.clear();
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
  const type = packedHeader(e.requestHeaders, 'content-type') ?? '';
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
