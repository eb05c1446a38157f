import type { Request, Response, Router } from 'express';
import { authorize } from '../auth/guard.js';
import { PERMISSIONS } from '../auth/permissions.js';
import {
  contractJson,
  contractStatus,
  invoiceJson,
  invoiceVisible,
  lineJson,
  lineRecords,
  paymentStatus,
  periodDetailJson,
  periodVisible,
} from '../data/contract-views.js';
import type { InvoiceRecord, OrgBook } from '../data/contracts.js';
import { addDays } from '../dates.js';
import { apiError } from '../errors.js';
import { paginate, parsePageRequest, stringParam } from '../paging.js';
import type { PureCloudState } from '../state.js';
import { enumParam, filterQuery, optionalDateRange } from './params.js';

const BASE = '/api/v2/billing/contracts';

/**
 * The preview contract and invoice endpoints. Every lookup goes through the caller's own
 * org book, so another org's ids are simply not found.
 */
export function contractRoutes(router: Router, state: PureCloudState): void {
  const { kernel, options } = state;
  const paging = { pageSize: options.defaultPageSize, maxPageSize: options.maxPageSize };
  const caller = (req: Request): OrgBook =>
    state.book(authorize(state.tokens, req, PERMISSIONS.contracts).orgId);

  const findInvoice = (book: OrgBook, id: string): InvoiceRecord => {
    const invoice = book.invoices.find((i) => i.id === id);
    if (!invoice || !invoiceVisible(invoice, kernel.clock.now())) {
      throw apiError(404, 'not.found', `Invoice ${id} not found.`, { entityId: id });
    }
    return invoice;
  };

  // Literal paths first: /contracts/invoices must not be taken for a contract id.
  router.get(`${BASE}/invoices`, (req: Request, res: Response) => {
    const book = caller(req);
    const page = parsePageRequest(req.query, paging);
    const range = optionalDateRange(req.query);
    const payment = enumParam(req.query, 'paymentStatus', ['Paid', 'UnPaid'] as const);
    const now = kernel.clock.now();
    const wanted = payment === undefined ? undefined : payment === 'Paid' ? 'Paid' : 'Unpaid';
    const items = book.invoices.filter(
      (i) =>
        invoiceVisible(i, now) &&
        i.dateInvoiced >= range.from &&
        i.dateInvoiced < range.toExclusive &&
        (wanted === undefined || paymentStatus(i, now) === wanted),
    );
    const result = paginate(
      'invoices',
      `${BASE}/invoices`,
      items,
      page,
      filterQuery(req.query, ['dateStart', 'dateEnd', 'paymentStatus']),
    );
    res.json(listing(result, (i) => invoiceJson(kernel.data, book, i, now)));
  });

  router.get(`${BASE}/invoices/:invoiceId/lines`, (req: Request, res: Response) => {
    const book = caller(req);
    const page = parsePageRequest(req.query, paging);
    const invoice = findInvoice(book, String(req.params.invoiceId));
    const lines = lineRecords(kernel.data, invoice);
    const result = paginate(`lines:${invoice.id}`, `${BASE}/invoices/${invoice.id}/lines`, lines, page, {});
    res.json(listing(result, (l) => lineJson(book, invoice, l)));
  });

  router.get(`${BASE}/invoices/:invoiceId/document`, (req: Request, res: Response) => {
    const book = caller(req);
    const invoice = findInvoice(book, String(req.params.invoiceId));
    res.json({ url: `${options.documentBaseUrl}/invoices/${invoice.id}.pdf` });
  });

  router.get(BASE, (req: Request, res: Response) => {
    const book = caller(req);
    const page = parsePageRequest(req.query, paging);
    const range = optionalDateRange(req.query);
    const status = enumParam(req.query, 'status', ['Active', 'Inactive'] as const);
    const externalNumber = stringParam(req.query, 'externalNumber');
    const now = kernel.clock.now();
    const items = book.contracts.filter(
      (c) =>
        c.start < range.toExclusive &&
        addDays(c.endExclusive, -1) >= range.from &&
        (status === undefined || contractStatus(c, now) === status) &&
        (externalNumber === undefined || c.externalNumber === externalNumber),
    );
    const result = paginate(
      'contracts',
      BASE,
      items,
      page,
      filterQuery(req.query, ['dateStart', 'dateEnd', 'status', 'externalNumber']),
    );
    res.json(listing(result, (c) => contractJson(book, c, now)));
  });

  router.get(`${BASE}/:contractId`, (req: Request, res: Response) => {
    const book = caller(req);
    const id = String(req.params.contractId);
    const contract = book.contracts.find((c) => c.id === id);
    if (!contract) throw apiError(404, 'not.found', `Contract ${id} not found.`, { entityId: id });
    res.json(contractJson(book, contract, kernel.clock.now()));
  });

  router.get(`${BASE}/:contractId/billingperiods/:billingPeriodId`, (req: Request, res: Response) => {
    const book = caller(req);
    const id = String(req.params.contractId);
    const periodId = String(req.params.billingPeriodId);
    const contract = book.contracts.find((c) => c.id === id);
    if (!contract) throw apiError(404, 'not.found', `Contract ${id} not found.`, { entityId: id });
    const now = kernel.clock.now();
    const period = contract.periods.find((p) => p.id === periodId && periodVisible(p, now));
    if (!period) {
      throw apiError(404, 'not.found', `Billing period ${periodId} not found.`, { entityId: periodId });
    }
    res.json(periodDetailJson(kernel.data, book, contract, period, now));
  });
}

function listing<T, J>(
  page: { entities: T[]; nextUri: string | undefined; previousUri: string | undefined; selfUri: string },
  render: (item: T) => J,
) {
  return {
    entities: page.entities.map(render),
    ...(page.nextUri === undefined ? {} : { nextUri: page.nextUri }),
    selfUri: page.selfUri,
    ...(page.previousUri === undefined ? {} : { previousUri: page.previousUri }),
  };
}
