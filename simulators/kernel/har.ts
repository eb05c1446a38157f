import { STATUS_CODES } from 'node:http';
import type { JournalEntry } from './journal.js';

/**
 * HTTP Archive 1.2 (http://www.softwareishard.com/blog/har-12-spec/): the one description of the
 * format, shared by the journal's export and the harness's recorder (each adds its own `_` fields).
 */
export interface HarHeader {
  name: string;
  value: string;
}

export interface HarContent {
  size: number;
  mimeType: string;
  text?: string;
  encoding?: 'base64';
  comment?: string;
  /** billing-sim: the raw body as a file beside the HAR (CSV, ZIP, large bodies). */
  _file?: string;
}

/** One exchange, without the extensions either writer adds. */
export interface HarEntryBase {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarHeader[];
    headers: HarHeader[];
    queryString: HarHeader[];
    postData?: { mimeType: string; text: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarHeader[];
    headers: HarHeader[];
    content: HarContent;
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
}

/** A HAR document of entries of type E. */
export interface HarLog<E extends HarEntryBase> {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages?: [];
    entries: E[];
  };
}

/** A journal entry as HAR, with billing-sim's extensions (HAR allows custom fields starting with `_`). */
interface HarEntry extends HarEntryBase {
  _seq: number;
  _tenant?: string;
  _fault?: string;
}

/** The journal as HAR (`GET /_sim/requests?format=har`). */
export type Har = HarLog<HarEntry>;

function pairs(headers: Record<string, string>): HarHeader[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function queryPairs(query: string): HarHeader[] {
  if (!query) return [];
  return query.split('&').map((pair) => {
    const at = pair.indexOf('=');
    const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    return { name: decode(name), value: decode(value) };
  });
}

/** `origin` is the simulator's own (scheme://host:port as the admin client reached it). */
export function toHar(entries: JournalEntry[], origin: string, version: string): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'billing-sim', version },
      entries: entries.map((e): HarEntry => {
        const reqType = e.request.headers['content-type'] ?? 'application/octet-stream';
        const resType = e.response.headers['content-type'] ?? '';
        const entry: HarEntry = {
          startedDateTime: e.at,
          time: e.durationMs,
          request: {
            method: e.method,
            url: `${origin}${e.path}${e.query ? `?${e.query}` : ''}`,
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: pairs(e.request.headers),
            queryString: queryPairs(e.query),
            headersSize: -1,
            bodySize: e.requestBytes,
          },
          response: {
            status: e.status,
            statusText: e.status === 0 ? '' : (STATUS_CODES[e.status] ?? ''),
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: pairs(e.response.headers),
            content: { size: e.response.bodyBytes, mimeType: resType },
            redirectURL: e.response.headers.location ?? '',
            headersSize: -1,
            bodySize: e.status === 0 ? -1 : e.response.bodyBytes,
          },
          cache: {},
          timings: { send: 0, wait: e.durationMs, receive: 0 },
          _seq: e.seq,
        };
        if (e.request.body !== undefined)
          entry.request.postData = { mimeType: reqType, text: e.request.body };
        if (e.response.body !== undefined) entry.response.content.text = e.response.body;
        if (e.response.bodyTruncated)
          entry.response.content.comment = 'body cut at the journal body size, or not textual';
        if (e.status === 0) entry.comment = 'the connection was dropped before an answer';
        if (e.tenant !== undefined) entry._tenant = e.tenant;
        if (e.fault !== undefined) entry._fault = e.fault;
        return entry;
      }),
    },
  };
}
