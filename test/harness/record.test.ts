import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Har } from '../../harness/record/har.js';
import { redactBody, redactHeaderValue, redactUrl } from '../../harness/record/redact.js';
import type { RunReport } from '../../harness/reports/model.js';
import { recordEmbeddedRun } from './support/recording.js';

let dir: string;
let report: RunReport;
let har: Har;
let text: string;
let secrets: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-record-'));
  ({ report, secrets } = await recordEmbeddedRun(dir));
  text = await readFile(join(dir, 'billing-sim.har'), 'utf8');
  har = JSON.parse(text) as Har;
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--record: HAR 1.2 of every exchange', () => {
  it('has one entry per attempt with request and response, in transcript order', () => {
    expect(report.passed).toBe(true);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('billing-sim');
    expect(har.log.entries).toHaveLength(report.transcript.length);
    har.log.entries.forEach((e, i) => {
      const t = report.transcript[i]!;
      expect([e.request.method, e.response.status, e._step, e._attempt]).toEqual([
        t.method,
        t.status,
        t.step,
        t.attempt,
      ]);
      expect(Date.parse(e.startedDateTime)).not.toBeNaN();
      expect(e.request.httpVersion).toBe('HTTP/1.1');
      expect(Array.isArray(e.request.headers) && Array.isArray(e.response.headers)).toBe(true);
    });
    expect(new Set(har.log.entries.map((e) => e._vendor))).toEqual(new Set(['purecloud', 'webex', 'rprm']));
  });

  it('keeps JSON bodies inline and the CSV/ZIP bodies as files beside it, byte for byte', async () => {
    const json = har.log.entries.find(
      (e) => e.response.content.mimeType.includes('json') && e.response.content.text,
    );
    expect(() => JSON.parse(json!.response.content.text!)).not.toThrow();
    const files = har.log.entries.filter((e) => e.response.content._file);
    expect(files.some((e) => e.response.content._file!.endsWith('.zip'))).toBe(true);
    expect(files.some((e) => e.response.content._file!.endsWith('.csv'))).toBe(true);
    const listed = await readdir(join(dir, 'files'));
    for (const e of files) {
      const bytes = await readFile(join(dir, e.response.content._file!));
      expect(listed).toContain(e.response.content._file!.slice('files/'.length));
      expect(bytes.length).toBe(e.response.content.size);
      const t = report.transcript[e._seq - 1]!;
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(t.bodySha256);
    }
  });

  it('redacts credentials, tokens and signatures everywhere', () => {
    expect(secrets.length).toBeGreaterThan(2);
    for (const secret of secrets)
      expect(text.includes(secret), `credential ${secret.slice(0, 4)}…`).toBe(false);
    const auth = har.log.entries.flatMap((e) => e.request.headers.filter((h) => h.name === 'authorization'));
    expect(auth.length).toBeGreaterThan(10);
    for (const h of auth) expect(h.value).toMatch(/^(Basic|Bearer) REDACTED$/);
    const token = har.log.entries.find((e) => e.request.url.endsWith('/oauth/token'));
    expect(JSON.parse(token!.response.content.text!).access_token).toBe('REDACTED');
    for (const e of har.log.entries) {
      expect(e.request.url).not.toMatch(/[?&](signature|sig|token)=(?!REDACTED)/i);
      expect(e.response.content.text ?? '').not.toMatch(/[?&](signature|sig|token)=(?!REDACTED)/i);
    }
  });
});

describe('redaction rules', () => {
  it('keeps header schemes and parameter names, drops the values', () => {
    expect(redactHeaderValue('Authorization', 'Bearer abc')).toBe('Bearer REDACTED');
    expect(redactHeaderValue('cookie', 'a=b')).toBe('REDACTED');
    expect(redactHeaderValue('content-type', 'text/csv')).toBe('text/csv');
    expect(redactUrl('https://h/x.csv?expires=1&signature=abc&Key-Pair-Id=k')).toBe(
      'https://h/x.csv?expires=1&signature=REDACTED&Key-Pair-Id=REDACTED',
    );
    expect(
      redactBody('grant_type=client_credentials&client_secret=s3', 'application/x-www-form-urlencoded'),
    ).toBe('grant_type=client_credentials&client_secret=REDACTED');
    expect(JSON.parse(redactBody('{"a":{"password":"p","n":1},"u":"/d?sig=x"}', 'application/json'))).toEqual(
      {
        a: { password: 'REDACTED', n: 1 },
        u: '/d?sig=REDACTED',
      },
    );
  });
});
