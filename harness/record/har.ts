/** The HAR 1.2 shapes the recorder writes (http://www.softwareishard.com/blog/har-12-spec/). */
export interface HarHeader {
  name: string;
  value: string;
}

export interface HarContent {
  size: number;
  mimeType: string;
  text?: string;
  encoding?: 'base64';
  /** billing-sim: the raw body as a file beside the HAR (CSV, ZIP, large bodies). */
  _file?: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    queryString: HarHeader[];
    postData?: { mimeType: string; text: string };
    headersSize: -1;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    content: HarContent;
    redirectURL: string;
    headersSize: -1;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  /** billing-sim extensions (custom fields start with `_`, as HAR allows). */
  _seq: number;
  _flow?: string;
  _vendor?: string;
  _step: string;
  _attempt: number;
  /** The attempt failed below HTTP or its body broke off. */
  _error?: string;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: [];
    entries: HarEntry[];
  };
}
