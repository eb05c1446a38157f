import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import { invoiceLines } from '../data/billing.js';
import { apiError } from '../errors.js';
import type { PureCloudState } from '../state.js';

/**
 * Invoice documents. `/invoices/{id}/document` answers a signed, expiring link (HMAC with the
 * kernel's secret over org, invoice and expiry [R]); the simulator serves it itself, so an
 * invoice pipeline can be tested offline. An expired or altered link answers 403.
 */
export const DOCUMENT_PATH = '/documents/invoices';

function signature(state: PureCloudState, orgId: string, invoiceId: string, expires: string): string {
  return createHmac('sha256', state.kernel.secret)
    .update(`invoice-document\n${orgId}\n${invoiceId}\n${expires}`)
    .digest('base64url');
}

export function documentLink(state: PureCloudState, req: Request, orgId: string, invoiceId: string): string {
  const base = state.options.documentBaseUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const expires = String(Math.floor(state.kernel.clock.now() / 1000) + state.options.documentLinkSeconds);
  const query = new URLSearchParams({
    org: orgId,
    expires,
    signature: signature(state, orgId, invoiceId, expires),
  });
  return `${base}${DOCUMENT_PATH}/${invoiceId}.pdf?${query.toString()}`;
}

const denied = () => apiError(403, 'not.authorized', 'The document link is invalid or has expired.');

export function documentRoutes(router: Router, state: PureCloudState): void {
  router.get(`${DOCUMENT_PATH}/:file`, async (req: Request, res: Response) => {
    const file = String(req.params.file);
    const org = typeof req.query.org === 'string' ? req.query.org : '';
    const expires = typeof req.query.expires === 'string' ? req.query.expires : '';
    const given = typeof req.query.signature === 'string' ? req.query.signature : '';
    if (!file.endsWith('.pdf') || !/^\d{1,15}$/.test(expires)) throw denied();
    const invoiceId = file.slice(0, -4);
    const wanted = Buffer.from(signature(state, org, invoiceId, expires));
    const got = Buffer.from(given);
    if (got.length !== wanted.length || !timingSafeEqual(got, wanted)) throw denied();
    if (state.kernel.clock.now() > Number(expires) * 1000) throw denied();
    const books = state.org(org) && state.booksOf(org);
    const invoice = books?.invoices.find((i) => i.id === invoiceId);
    if (!books || !invoice) throw apiError(404, 'not.found', `Invoice ${invoiceId} not found.`);
    // pdf-lib is a large module graph: loaded with the first document asked for, not at start.
    const { invoicePdf } = await import('../data/invoice-pdf.js');
    const pdf = await invoicePdf(
      books.history,
      invoice,
      invoiceLines(state.kernel.data, books.history, invoice),
    );
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', pdf.byteLength);
    res.setHeader('Content-Disposition', `inline; filename="${invoiceId}.pdf"`);
    res.end(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });
}
