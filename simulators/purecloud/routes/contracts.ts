import type { Request, Response, Router } from 'express';
import type { components } from '../../../contracts/generated/purecloud.js';
import { authorize, PERMISSIONS } from '../auth.js';
import { type InvoiceRecord, invoiceLines } from '../data/billing.js';
import {
  contractJson,
  contractStatus,
  contractVisible,
  invoiceJson,
  invoiceVisible,
  lineJson,
  paymentStatus,
  periodDetailJson,
  periodVisible,
} from '../data/contracts.js';
import { addDays } from '../data/dates.js';
import { apiError } from '../errors.js';
import { PAGE_LIMITS } from '../options.js';
import type { OrgBooks, PureCloudState } from '../state.js';
import { documentLink } from './documents.js';
import { paginate, parsePageRequest } from './paging.js';
import { enumParam, filterQuery, optionalDateRange } from './params.js';

type Schemas = components['schemas'];

const BASE = '/api/v2/billing/contracts';

/**
 * The preview contract and invoice endpoints. Every lookup goes through the caller's own
 * org's books, so another org's ids are simply not found.
 */
export function contractRoutes(router: Router, state: PureCloudState): void {
  const { kernel } = state;
  const caller = (res: Response): OrgBooks =>
    state.booksOf(authorize(res, PERMISSIONS.contracts).claims.orgId);

  const findInvoice = (books: OrgBooks, id: string): InvoiceRecord => {
    const invoice = books.invoices.find((i) => i.id === id);
    if (!invoice || !invoiceVisible(invoice, kernel.clock.now())) {
      throw apiError(404, 'not.found', `Invoice ${id} not found.`, { entityId: id });
    }
    return invoice;
  };

  // Literal paths first: /contracts/invoices must not be taken for a contract id.
  router.get(`${BASE}/invoices`, (req: Request, res: Response) => {
    const books = caller(res);
    const page = parsePageRequest(req.query, PAGE_LIMITS.invoices);
    const range = optionalDateRange(req.query);
    const payment = enumParam<'Paid' | 'UnPaid'>(req.query, 'paymentStatus');
    const now = kernel.clock.now();
    const wanted = payment === undefined ? undefined : payment === 'Paid' ? 'Paid' : 'Unpaid';
    const items = books.invoices.filter(
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
    res.json(
      listing(result, (i) => invoiceJson(i, invoiceLines(kernel.data, books.history, i), books.address, now)),
    );
  });

  router.get(`${BASE}/invoices/:invoiceId/lines`, (req: Request, res: Response) => {
    const books = caller(res);
    const page = parsePageRequest(req.query, PAGE_LIMITS.lines);
    const invoice = findInvoice(books, String(req.params.invoiceId));
    const lines = invoiceLines(kernel.data, books.history, invoice);
    const result = paginate(`lines:${invoice.id}`, `${BASE}/invoices/${invoice.id}/lines`, lines, page, {});
    res.json(listing(result, (l) => lineJson(books.history, invoice, l)));
  });

  router.get(`${BASE}/invoices/:invoiceId/document`, (req: Request, res: Response) => {
    const books = caller(res);
    const invoice = findInvoice(books, String(req.params.invoiceId));
    res.json({
      url: documentLink(state, req, books.history.org.id, invoice.id),
    } satisfies Schemas['UrlResponse']);
  });

  router.get(BASE, (req: Request, res: Response) => {
    const books = caller(res);
    const page = parsePageRequest(req.query, PAGE_LIMITS.contracts);
    const range = optionalDateRange(req.query);
    const status = enumParam<'Active' | 'Inactive'>(req.query, 'status');
    const externalNumber = req.query.externalNumber as string | undefined;
    const now = kernel.clock.now();
    const items = books.history.contracts
      .filter(
        (c) =>
          contractVisible(c, now) &&
          c.start < range.toExclusive &&
          addDays(c.endExclusive, -1) >= range.from &&
          (status === undefined || contractStatus(c, now) === status) &&
          (externalNumber === undefined || c.externalNumber === externalNumber),
      )
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const result = paginate(
      'contracts',
      BASE,
      items,
      page,
      filterQuery(req.query, ['dateStart', 'dateEnd', 'status', 'externalNumber']),
    );
    res.json(listing(result, (c) => contractJson(books.history, c, now)));
  });

  const findContract = (books: OrgBooks, id: string) => {
    const contract = books.history.contracts.find((c) => c.id === id);
    if (!contract || !contractVisible(contract, kernel.clock.now())) {
      throw apiError(404, 'not.found', `Contract ${id} not found.`, { entityId: id });
    }
    return contract;
  };

  router.get(`${BASE}/:contractId`, (req: Request, res: Response) => {
    const books = caller(res);
    const contract = findContract(books, String(req.params.contractId));
    res.json(contractJson(books.history, contract, kernel.clock.now()));
  });

  router.get(`${BASE}/:contractId/billingperiods/:billingPeriodId`, (req: Request, res: Response) => {
    const books = caller(res);
    const contract = findContract(books, String(req.params.contractId));
    const periodId = String(req.params.billingPeriodId);
    const now = kernel.clock.now();
    const period = contract.periods.find((p) => p.id === periodId && periodVisible(p, now));
    if (!period) {
      throw apiError(404, 'not.found', `Billing period ${periodId} not found.`, { entityId: periodId });
    }
    res.json(periodDetailJson(kernel.data, books.history, contract, period, now, state.cutoffAt(now)));
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
