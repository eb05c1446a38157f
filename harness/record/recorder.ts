import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { writeAtomic } from '../reports/atomic.js';
import type { Har, HarContent, HarEntry, HarHeader } from './har.js';
import { REDACTED, redactBody, redactHeaderValue, redactUrl } from './redact.js';

export const HAR_FILE = 'billing-sim.har';
export const FILES_DIR = 'files';

/** Bodies held in memory (and written into the HAR) up to this size; larger ones go to a file. */
const INLINE_LIMIT = 256 * 1024;
/** Media types that are files, not messages: always written beside the HAR as they came. */
const FILE_TYPES = /zip|csv|octet-stream|spreadsheet|pdf/i;

export interface RecordedRequest {
  flow?: string;
  vendor?: string;
  step: string;
  attempt: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Harness time (epoch ms) when it was sent. */
  startedAt: number;
}

/**
 * Records every exchange of a run as a HAR 1.2 log (it opens in browser devtools, Insomnia,
 * Postman, WireMock's importer) with credentials redacted, and the raw CSV/ZIP bodies as files
 * beside it (`files/<seq>-<name>`), referenced from the entry's `response.content._file`.
 */
export class Recorder {
  private readonly entries: HarEntry[] = [];
  private readonly open = new Set<Promise<void>>();

  private constructor(
    readonly dir: string,
    private readonly creator: { name: string; version: string },
  ) {}

  /** A recorder writing into `dir` (created, with its `files/` folder). */
  static async create(dir: string, creator = { name: 'billing-sim', version: '0.1.0' }): Promise<Recorder> {
    await mkdir(join(dir, FILES_DIR), { recursive: true });
    return new Recorder(dir, creator);
  }

  begin(req: RecordedRequest): Exchange {
    const seq = this.entries.length + 1;
    const mime = req.headers['content-type'] ?? '';
    const bodyText = req.body === undefined ? undefined : Buffer.from(req.body).toString('utf8');
    const url = redactUrl(req.url);
    const entry: HarEntry = {
      startedDateTime: new Date(req.startedAt).toISOString(),
      time: 0,
      request: {
        method: req.method,
        url,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: headerList(req.headers),
        queryString: queryList(url),
        ...(bodyText !== undefined ? { postData: { mimeType: mime, text: redactBody(bodyText, mime) } } : {}),
        headersSize: -1,
        bodySize: req.body === undefined ? 0 : Buffer.byteLength(req.body),
      },
      response: {
        status: 0,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: [],
        content: { size: 0, mimeType: '' },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: -1, receive: -1 },
      _seq: seq,
      _flow: req.flow,
      _vendor: req.vendor,
      _step: req.step,
      _attempt: req.attempt,
    };
    this.entries.push(entry);
    return new Exchange(this, entry, seq, req.url);
  }

  /**
   * Writes the HAR (atomically); waits for the body files still being written, unless the run
   * was stopped and a download may never end (`waitForFiles` false).
   */
  async save(waitForFiles = true): Promise<string> {
    while (waitForFiles && this.open.size) await Promise.all([...this.open]);
    const har: Har = {
      log: { version: '1.2', creator: this.creator, pages: [], entries: this.entries },
    };
    const path = join(this.dir, HAR_FILE);
    await writeAtomic(path, `${JSON.stringify(har, null, 1)}\n`);
    return path;
  }

  /** @internal a body file being written */
  track(done: Promise<void>): void {
    this.open.add(done);
    void done.finally(() => this.open.delete(done));
  }
}

/** One attempt on its way: the response head, the body chunks, the end. */
export class Exchange {
  private chunks: Buffer[] = [];
  private size = 0;
  private file: WriteStream | undefined;
  private headersAt = 0;

  constructor(
    private readonly recorder: Recorder,
    private readonly entry: HarEntry,
    private readonly seq: number,
    private readonly url: string,
  ) {}

  response(
    status: number,
    statusText: string,
    headers: Record<string, string>,
    httpVersion: string,
    ms: number,
  ): void {
    const r = this.entry.response;
    r.status = status;
    r.statusText = statusText;
    r.httpVersion = `HTTP/${httpVersion}`;
    r.headers = headerList(headers);
    r.content.mimeType = headers['content-type'] ?? '';
    r.redirectURL = headers.location ? redactUrl(headers.location) : '';
    this.headersAt = ms;
    this.entry.timings.wait = ms;
    if (FILE_TYPES.test(r.content.mimeType)) this.toFile(headers);
  }

  chunk(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.file) {
      this.file.write(chunk);
      return;
    }
    this.chunks.push(chunk);
    if (this.size > INLINE_LIMIT) this.toFile({});
  }

  end(totalMs: number, error?: string): void {
    const r = this.entry.response;
    r.content.size = this.size;
    r.bodySize = this.size;
    this.entry.time = totalMs;
    this.entry.timings.receive = Math.max(0, totalMs - this.headersAt);
    if (error) this.entry._error = error;
    if (this.file) {
      const file = this.file;
      this.file = undefined;
      file.end();
      this.recorder.track(finished(file));
      return;
    }
    const body = Buffer.concat(this.chunks);
    this.chunks = [];
    setContent(r.content, body);
  }

  /** No response at all (refused, reset, timed out). */
  fail(totalMs: number, error: string): void {
    this.entry.time = totalMs;
    this.entry._error = error;
  }

  private toFile(headers: Record<string, string>): void {
    const name = fileName(this.seq, this.url, headers);
    this.entry.response.content._file = `${FILES_DIR}/${name}`;
    const path = join(this.recorder.dir, FILES_DIR, name);
    const file = createWriteStream(path);
    // A full disk must not break the run; the HAR still says which file was meant.
    file.on('error', () => {});
    this.file = file;
    for (const c of this.chunks) file.write(c);
    this.chunks = [];
  }
}

function setContent(content: HarContent, body: Buffer): void {
  if (body.length === 0) return;
  const text = body.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(body)) content.text = redactBody(text, content.mimeType);
  else {
    content.text = body.toString('base64');
    content.encoding = 'base64';
  }
}

function headerList(headers: Record<string, string>): HarHeader[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value: redactHeaderValue(name, value) }));
}

function queryList(url: string): HarHeader[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** `0007-cdrExport.zip`: the sequence number, then the name the server gave or the URL's last segment. */
function fileName(seq: number, url: string, headers: Record<string, string>): string {
  const disposition = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(headers['content-disposition'] ?? '')?.[1];
  let name = disposition ?? '';
  if (!name) {
    try {
      name = basename(new URL(url).pathname);
    } catch {
      name = '';
    }
  }
  name = name.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'body';
  const type = headers['content-type'] ?? '';
  if (!/\.\w+$/.test(name)) name += /zip/i.test(type) ? '.zip' : /csv/i.test(type) ? '.csv' : '.bin';
  return `${String(seq).padStart(4, '0')}-${name === REDACTED ? 'body.bin' : name}`;
}
