import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import type { Har, HarEntry } from '../record/har.js';
import { HAR_FILE } from '../record/recorder.js';
import { redactHeaderValue, redactUrl } from '../record/redact.js';

/** Request headers that take part in matching by default: they change the answer. */
export const DEFAULT_MATCH_HEADERS = ['if-none-match', 'if-match', 'range'];

/** Headers of the recorded answer that belong to the recorded connection, not to the answer. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export interface ReplayOptions {
  /** Request headers whose values must match too (lower case). Default DEFAULT_MATCH_HEADERS. */
  matchHeaders?: string[];
}

interface Queue {
  entries: HarEntry[];
  next: number;
}

/**
 * Answers requests from a recording (`billing-sim flows --record`): a request matching a
 * recorded exchange — method, path, query and the chosen headers, compared in their redacted
 * form, as recorded — gets the recorded answer. Exchanges that match the same request are
 * answered in recorded order (a poll sees IN_PROGRESS, then COMPLETED), the last one repeating.
 * Links in the answers name the origin the request came to, not the recorded one.
 */
export class ReplayStore {
  private readonly queues = new Map<string, Queue>();
  private readonly origins = new Set<string>();
  private readonly matchHeaders: string[];
  private served = 0;

  private constructor(
    readonly dir: string,
    har: Har,
    options: ReplayOptions,
  ) {
    this.matchHeaders = (options.matchHeaders ?? DEFAULT_MATCH_HEADERS).map((h) => h.toLowerCase());
    for (const entry of har.log.entries) {
      let url: URL;
      try {
        url = new URL(entry.request.url);
      } catch {
        continue;
      }
      this.origins.add(url.origin);
      const headers = Object.fromEntries(entry.request.headers.map((h) => [h.name.toLowerCase(), h.value]));
      const key = this.key(entry._vendor, entry.request.method, `${url.pathname}${url.search}`, headers);
      const queue = this.queues.get(key) ?? { entries: [], next: 0 };
      queue.entries.push(entry);
      this.queues.set(key, queue);
    }
  }

  static async load(dir: string, options: ReplayOptions = {}): Promise<ReplayStore> {
    const har = JSON.parse(await readFile(join(dir, HAR_FILE), 'utf8')) as Har;
    if (har?.log?.version !== '1.2' || !Array.isArray(har.log.entries))
      throw new Error(`${join(dir, HAR_FILE)} is not a HAR 1.2 file`);
    return new ReplayStore(dir, har, options);
  }

  /** Recorded exchanges available. */
  get size(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.entries.length;
    return n;
  }

  /** Requests answered from the recording so far. */
  get answered(): number {
    return this.served;
  }

  /** The recorded exchange for this request, or undefined (the simulator answers). */
  match(
    vendor: string | undefined,
    method: string,
    pathAndQuery: string,
    headers: IncomingMessage['headers'],
  ): HarEntry | undefined {
    const flat: Record<string, string> = {};
    for (const name of this.matchHeaders) {
      const v = headers[name];
      if (v !== undefined) flat[name] = Array.isArray(v) ? v.join(', ') : v;
    }
    const queue =
      this.queues.get(this.key(vendor, method, pathAndQuery, flat)) ??
      // Recordings made without vendor names still replay.
      this.queues.get(this.key(undefined, method, pathAndQuery, flat));
    if (!queue) return undefined;
    const entry = queue.entries[Math.min(queue.next, queue.entries.length - 1)];
    queue.next++;
    return entry;
  }

  /**
   * The kernel hook: answers a vendor request from the recording and returns true, or returns
   * false to let the simulator answer.
   */
  intercept(vendor: string, req: IncomingMessage, res: ServerResponse): boolean {
    const entry = this.match(vendor, req.method ?? 'GET', req.url ?? '/', req.headers);
    if (!entry) return false;
    this.served++;
    // The request body is not needed (matching ignores it), but must be read for keep-alive.
    req.resume();
    const origin = `${(req.socket as TLSSocket).encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
    void this.answer(entry, res, origin);
    return true;
  }

  private async answer(entry: HarEntry, res: ServerResponse, origin: string): Promise<void> {
    const r = entry.response;
    if (!r.status) {
      // Recorded without an answer (reset, refused, timed out): the connection breaks again.
      res.socket?.destroy();
      return;
    }
    const headers: [string, string][] = r.headers
      .filter((h) => !HOP_HEADERS.has(h.name.toLowerCase()))
      .map((h) => [h.name, this.relink(h.value, origin)]);
    if (r.content._file) {
      res.writeHead(
        r.status,
        r.statusText || undefined,
        [...headers, ['content-length', String(r.content.size)]].flat(),
      );
      const stream = createReadStream(join(this.dir, r.content._file));
      stream.on('error', () => res.destroy());
      stream.pipe(res);
      return;
    }
    let body = Buffer.alloc(0);
    if (r.content.text !== undefined)
      body =
        r.content.encoding === 'base64'
          ? Buffer.from(r.content.text, 'base64')
          : Buffer.from(this.relink(r.content.text, origin), 'utf8');
    if (entry._error) {
      // A body that broke off when recorded breaks off again, after the bytes that came.
      res.writeHead(
        r.status,
        r.statusText || undefined,
        [...headers, ['content-length', String(body.length + 1)]].flat(),
      );
      res.write(body, () => res.destroy());
      return;
    }
    res.writeHead(
      r.status,
      r.statusText || undefined,
      [...headers, ['content-length', String(body.length)]].flat(),
    );
    res.end(body);
  }

  private relink(text: string, origin: string): string {
    let out = text;
    for (const recorded of this.origins) if (recorded !== origin) out = out.split(recorded).join(origin);
    return out;
  }

  private key(
    vendor: string | undefined,
    method: string,
    pathAndQuery: string,
    headers: Record<string, string>,
  ): string {
    const redacted = redactUrl(pathAndQuery);
    const q = redacted.indexOf('?');
    const path = q < 0 ? redacted : redacted.slice(0, q);
    // Query order does not change a request's meaning.
    const query =
      q < 0
        ? ''
        : redacted
            .slice(q + 1)
            .split('&')
            .filter(Boolean)
            .sort()
            .join('&');
    const chosen = this.matchHeaders.map(
      (h) => `${h}=${headers[h] === undefined ? '' : redactHeaderValue(h, headers[h])}`,
    );
    return [vendor ?? '', method.toUpperCase(), path, query, ...chosen].join('\u0000');
  }
}
