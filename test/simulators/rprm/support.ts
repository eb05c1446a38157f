import { parse } from 'csv-parse/sync';
import type { Response } from 'superagent';
import request from 'supertest';
import yauzl from 'yauzl';
import { Clock } from '../../../simulators/kernel/index.js';
import { createRprmApp, DEMO_USERS, type RprmOptions } from '../../../simulators/rprm/index.js';
import type { ContractGuard } from '../../support/contract-guard.js';

export const START = '2026-03-15T14:00:00Z';
export const BILLING = '/api/rest/billing';

export function basic(user: string, password = DEMO_USERS[user]?.password ?? ''): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
export const ADMIN = basic('admin');

export function makeApp(guard: ContractGuard, options: RprmOptions = {}) {
  const clock = new Clock({ mode: 'manual', start: START });
  const app = createRprmApp({ clock, onExchange: guard.onExchange, ...options });
  return { app, clock, agent: request(app) };
}

/** supertest parser that keeps a binary body as a Buffer. */
export function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Every entry of a ZIP as text (test sizes only). */
export function unzip(zip: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err);
      const out = new Map<string, string>();
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(out));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: false }) as string[][];
}
