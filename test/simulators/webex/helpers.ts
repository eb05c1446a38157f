import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { csvContracts } from '../../../contracts/index.js';
import { Clock } from '../../../simulators/kernel/index.js';
import { createWebexApp, type WebexOptions } from '../../../simulators/webex/index.js';
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

/** Fetches a tempDownloadURL from the app (path and query only: supertest picks the host). */
export async function download(app: Express, url: string, headers: Record<string, string> = {}) {
  const u = new URL(url);
  return request(app)
    .get(`${u.pathname}${u.search}`)
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
