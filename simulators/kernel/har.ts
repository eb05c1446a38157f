import { STATUS_CODES } from 'node:http';
import type { JournalEntry } from './journal.js';

/** HTTP Archive 1.2 (http://www.softwareishard.com/blog/har-12-spec/) of journal entries. */
export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

interface NameValue {
  name: string;
  value: string;
}

interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: NameValue[];
    headers: NameValue[];
    queryString: NameValue[];
    postData?: { mimeType: string; text: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: NameValue[];
    headers: NameValue[];
    content: { size: number; mimeType: string; text?: string; comment?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
  /** billing-sim extensions (HAR allows custom fields starting with `_`). */
  _seq: number;
  _tenant?: string;
  _fault?: string;
}

function pairs(headers: Record<string, string>): NameValue[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function queryPairs(query: string): NameValue[] {
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
