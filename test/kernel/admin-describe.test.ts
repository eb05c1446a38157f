import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createWebexApp } from '../../simulators/index.js';
import { Clock } from '../../simulators/kernel/index.js';
import { contractGuard } from '../support/contract-guard.js';
import { toyContracts } from '../support/toy-contracts.js';
import { createToyApp } from '../support/toy-vendor.js';

const guard = contractGuard(toyContracts);
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

function refsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsOf(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsOf(v, out);
    }
  return out;
}

function resolves(doc: Record<string, unknown>, ref: string): boolean {
  if (!ref.startsWith('#/')) return false;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) return false;
  }
  return true;
}

describe('self-describing admin', () => {
  it('GET /_sim/openapi.json is the vendor contract plus the admin API, every $ref resolving', async () => {
    const app = createWebexApp({ clock: new Clock({ mode: 'manual', start: '2026-10-01T00:00:00Z' }) });
    const res = await request(app).get('/_sim/openapi.json').expect(200);
    const doc = res.body as {
      openapi: string;
      info: { title: string };
      servers: { url: string }[];
      paths: Record<string, Record<string, { tags?: string[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toMatch(/Webex/);
    expect(doc.servers[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(doc.paths)).toContain('/v1/wholesale/billing/reports');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/_sim/faults', '/_sim/requests/count']));
    expect(doc.paths['/_sim/faults']?.post?.tags).toEqual(['billing-sim admin']);
    expect(doc.components.schemas.SimFaultRule).toBeDefined();
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((r) => !resolves(doc as never, r))).toEqual([]);
  });

  it('GET /_sim/version names the package version; the toy vendor (no contract file) still gets the admin API', async () => {
    const app = createToyApp({ onExchange: guard.onExchange });
    const version = await request(app).get('/_sim/version').expect(200);
    expect(version.body).toEqual({
      name: 'billing-sim',
      version: pkg.version,
      vendor: 'toy',
      node: process.version,
    });
    // A GET that carries a broken JSON body gets the admin API's declared 400.
    const broken = await request(app)
      .get('/_sim/version')
      .set('Content-Type', 'application/json')
      .send('{oops');
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ error: 'body is not valid JSON' });
    const doc = (await request(app).get('/_sim/openapi.json').expect(200)).body;
    expect(Object.keys(doc.paths)).toContain('/_sim/requests/find');
  });

  it('GET /_sim/docs is Swagger UI over /_sim/openapi.json with its assets served locally', async () => {
    const app = createToyApp({ onExchange: guard.onExchange });
    const page = await request(app).get('/_sim/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain("url: '/_sim/openapi.json'");
    expect(page.text).toContain('validatorUrl: null');
    const srcs = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.filter((s) => /^https?:/.test(s))).toEqual([]);
    for (const src of srcs.filter((s) => s.startsWith('/_sim/docs/'))) {
      const asset = await request(app).get(src).expect(200);
      expect(Number(asset.headers['content-length'])).toBeGreaterThan(100);
    }
    const css = await request(app).get('/_sim/docs/swagger-ui.css').expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    await request(app).get('/_sim/docs/package.json').expect(404);
    await request(app).get('/_sim/docs/..%2Fpackage.json').expect(404);
  });
});
