import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { contractGuard } from '../../support/contract-guard.js';
import { type App, expectErrorBody, login, makeApp } from './helpers.js';

const guard = contractGuard();
const BASE = '/api/v2/billing/contracts/invoices';

function binary(req: request.Test) {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

function pageText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let out = '';
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      out += inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      out += m[1];
    }
  }
  return out;
}

async function firstInvoice(app: App) {
  const bearer = await login(app, 'contoso-billing');
  const invoice = (await request(app).get(`${BASE}?pageSize=1`).set('Authorization', bearer)).body
    .entities[0];
  const lines = (
    await request(app).get(`${BASE}/${invoice.id}/lines?pageSize=200`).set('Authorization', bearer)
  ).body.entities;
  const doc = await request(app).get(`${BASE}/${invoice.id}/document`).set('Authorization', bearer);
  expect(doc.status).toBe(200);
  return { bearer, invoice, lines, url: new URL(doc.body.url) };
}

describe('purecloud invoice documents', () => {
  it('links to a signed, expiring URL on the simulator itself that serves a valid PDF of the invoice', async () => {
    const app = makeApp(guard);
    const { invoice, lines, url } = await firstInvoice(app);
    expect(url.pathname).toBe(`/documents/invoices/${invoice.id}.pdf`);
    expect(Number(url.searchParams.get('expires'))).toBe(Math.floor(app.sim.kernel.clock.now() / 1000) + 300);
    // No bearer token: the signed link is its own credential.
    const pdf = await binary(request(app).get(`${url.pathname}${url.search}`));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe(`Invoice ${invoice.id}`);
    expect(doc.getCreationDate()?.toISOString().slice(0, 10)).toBe(invoice.dateInvoiced);
    // The number, the total and every line amount are drawn on the page (hex strings in its
    // deflated content stream).
    const text = pageText(bytes);
    const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex').toUpperCase();
    expect(text).toContain(hex(`Invoice number: ${invoice.id}`));
    expect(text).toContain(hex(invoice.amount.toFixed(2)));
    for (const line of lines) expect(text).toContain(hex(line.amount.toFixed(2)));
  });

  it('answers 403 to an expired, altered or unsigned link', async () => {
    const app = makeApp(guard);
    const { url } = await firstInvoice(app);
    const tampered = new URL(url);
    tampered.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    expectErrorBody(await request(app).get(`${tampered.pathname}${tampered.search}`), 403, 'not.authorized');
    const other = new URL(url);
    other.pathname = '/documents/invoices/00000000-0000-4000-8000-000000000000.pdf';
    expectErrorBody(await request(app).get(`${other.pathname}${other.search}`), 403, 'not.authorized');
    const unsigned = new URL(url);
    unsigned.searchParams.delete('signature');
    expectErrorBody(await request(app).get(`${unsigned.pathname}${unsigned.search}`), 403, 'not.authorized');
    app.sim.kernel.clock.advance(300_000);
    expect((await binary(request(app).get(`${url.pathname}${url.search}`))).status).toBe(200);
    app.sim.kernel.clock.advance(1_000);
    expectErrorBody(await request(app).get(`${url.pathname}${url.search}`), 403, 'not.authorized');
  });

  it('a link signed by another instance (another secret) is refused', async () => {
    const { url } = await firstInvoice(makeApp(guard));
    const other = makeApp(guard);
    expectErrorBody(await request(other).get(`${url.pathname}${url.search}`), 403, 'not.authorized');
  });
});
