import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { contracts, csvContracts } from '../../../contracts/index.js';
import { Clock } from '../../../simulators/kernel/index.js';
import { createWebexApp, downloadHost, type WebexOptions } from '../../../simulators/webex/index.js';
import type { ContractGuard } from '../../support/contract-guard.js';

/** 2026-03-15: "today" for every test (so the latest valid wholesale end date is 2026-03-14). */
export const CLOCK_START = '2026-03-15T10:00:00Z';

export const TOKENS = {
  acme: 'acme-all-scopes',
  acmeWholesaleRw: 'acme-wholesale-rw',
  acmeWholesaleRo: 'acme-wholesale-ro',
  acmeWholesaleWo: 'acme-wholesale-wo',
  acmeBroadworksRw: 'acme-broadworks-rw',
  acmeBroadworksRo: 'acme-broadworks-ro',
  acmeNone: 'acme-no-scopes',
  globex: 'globex-all-scopes',
} as const;

export const WHOLESALE = '/v1/wholesale/billing/reports';
export const BROADWORKS = '/v1/broadworks/billing/reports';

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** A simulator on a manual clock, polls-driven generation and no rate limit unless overridden. */
export function webexApp(guard: ContractGuard | undefined, options: WebexOptions = {}) {
  const clock = new Clock({ mode: 'manual', start: CLOCK_START });
  const app = createWebexApp({
    clock,
    generation: { kind: 'polls', count: 2 },
    rateLimit: { kind: 'off' },
    onExchange: guard?.onExchange,
    ...options,
  });
  return { app, clock };
}

/** Asserts the Webex error envelope, the status and the TrackingID header agreeing with the body. */
export function expectWebexError(res: request.Response, status: number, messagePattern?: RegExp): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.body as { message: string; errors: { description: string }[]; trackingId: string };
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  expect(Array.isArray(body.errors) && body.errors.length > 0).toBe(true);
  for (const e of body.errors) expect(typeof e.description).toBe('string');
  expect(body.trackingId).toBe(res.headers.trackingid);
  if (messagePattern) expect(body.message).toMatch(messagePattern);
}

/** Polls GET until the report leaves IN_PROGRESS (polls-driven generation finishes in a few). */
export async function pollUntilDone(app: Express, path: string, token: string, limit = 10) {
  for (let i = 0; i < limit; i++) {
    const res = await request(app).get(path).set(bearer(token));
    expect(res.status).toBe(200);
    if (res.body.status !== 'IN_PROGRESS') return res;
  }
  throw new Error(`report ${path} still IN_PROGRESS after ${limit} polls`);
}

/**
 * Fetches a tempDownloadURL from the app's download host (path and query only: supertest picks
 * the host) and checks the answer against the contract, as the guard does for the API.
 */
export async function download(
  app: Express,
  url: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'HEAD' | 'POST' = 'GET',
) {
  const u = new URL(url);
  const path = `${u.pathname}${u.search}`;
  const host = request(downloadHost(app as Parameters<typeof downloadHost>[0]));
  const req = method === 'HEAD' ? host.head(path) : method === 'POST' ? host.post(path) : host.get(path);
  const res = await req
    .set(headers)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        const json = /json/.test(String(res.headers['content-type']));
        cb(null, json ? JSON.parse(buf.toString('utf8')) : buf);
      });
    });
  // Only paths and methods the contract declares (a deployment's path prefix is outside it).
  if (method === 'POST' || !/^\/[^/]+\/(WHOLESALE|\d{4}\/\d{2}\/\d{2})\//.test(u.pathname)) return res;
  const violations = contracts().validateResponse(
    'webex',
    method,
    u.pathname,
    res.status,
    res.headers,
    Buffer.isBuffer(res.body) ? res.body : undefined,
  );
  expect(violations, `${method} ${u.pathname} → ${res.status} against the contract`).toEqual([]);
  return res;
}

/** A CloudFront/S3 refusal: the status, an XML `<Error><Code>` and none of the Webex API's headers. */
export function expectCdnError(res: request.Response, status: number, code: string, message?: RegExp): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe('application/xml');
  expect(res.headers.trackingid).toBeUndefined();
  const text = (res.body as Buffer).toString('utf8');
  expect(text).toContain(`<Error><Code>${code}</Code>`);
  if (message) expect(text).toMatch(message);
}

export function parseCsv(text: string | Buffer): string[][] {
  return parse(text, { relax_column_count: false }) as string[][];
}

/** Rows of a CSV checked against its contract (header + every row); returns records by column. */
export function checkedCsv(name: string, text: string | Buffer): Record<string, string>[] {
  const contract = csvContracts().get(name);
  const rows = parseCsv(text);
  expect(rows.length).toBeGreaterThan(0);
  const [header, ...data] = rows as [string[], ...string[][]];
  const violations = [...contract.checkHeader(header)];
  data.forEach((cells, i) => {
    violations.push(...contract.checkRow(cells, i + 2));
  });
  expect(violations, `${name} CSV violations`).toEqual([]);
  return data.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] as string])));
}

/** Everything a rejected request must leave alone: the jobs (reports) of the simulator. */
export function storeSnapshot(app: { sim: { kernel: { jobs: { list(): unknown[] } } } }): string {
  return JSON.stringify(app.sim.kernel.jobs.list());
}
