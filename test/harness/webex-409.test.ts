import { afterEach, describe, expect, it } from 'vitest';
import { csvContracts } from '../../contracts/index.js';
import { webexWholesaleFlow } from '../../harness/flows/webex.js';
import { RateCard } from '../../harness/rate-card/rate-card.js';
import { runFlows } from '../../harness/run.js';
import { virtualTime } from '../../harness/time.js';
import { type StubServer, stubServer } from './support/stub-server.js';

/**
 * The 409 branch of the Webex flow, against a scripted server that plays a Webex whose list
 * is behind its create: the list shows nothing, the create answers 409 (the report exists),
 * the next list shows it. Every answer conforms to contracts/webex.openapi.yaml.
 */
const id = (kind: string, uuid: string) =>
  Buffer.from(`ciscospark://us/${kind}/${uuid}`).toString('base64url');
const REPORT = id('BILLING_REPORT', '6f1b8e2a-4c1d-4f7e-9a3b-2d5c8e1f0a11');
const ORG = '1eb65fdf-9643-417f-9974-ad72cae0e10f';
const PERIOD = { start: '2026-02-01', end: '2026-02-28' };
let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function csv(): string {
  const columns = csvContracts().get('webex-wholesale-customer').columns;
  const row: Record<string, string> = {
    billingStartDate: PERIOD.start,
    billingEndDate: PERIOD.end,
    partnerOrgId: id('ORGANIZATION', ORG),
    partnerName: 'Acme Telecom',
    customerOrgId: id('ORGANIZATION', 'a1b2c3d4-0000-4000-8000-000000000001'),
    customerName: 'Initech',
    customerExternalId: 'a1b2c3d4-0000-4000-8000-000000000002',
    package: 'webex_calling',
    quantity: '12',
    billableDays: '336',
    dailyQuantities: Array(28).fill('12').join('|'),
  };
  return `${columns.join(',')}\n${columns.map((c) => row[c] ?? '').join(',')}\n`;
}

describe('Webex create answering 409', () => {
  it('treats 409 as "the report exists", lists again, and uses that report', async () => {
    let lists = 0;
    server = await stubServer((req, res, _body) => {
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', trackingid: 'ROUTER_TEST' });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url ?? '/', 'http://stub');
      const item = {
        id: REPORT,
        billingStartDate: PERIOD.start,
        billingEndDate: PERIOD.end,
        type: 'CUSTOMER',
        category: 'RECONCILIATION',
      };
      if (req.method === 'GET' && url.pathname === '/v1/wholesale/billing/reports') {
        lists++;
        return json(200, { items: lists === 1 ? [] : [{ ...item, status: 'IN_PROGRESS' }] });
      }
      if (req.method === 'POST' && url.pathname === '/v1/wholesale/billing/reports') {
        return json(409, {
          message: 'A billing report with these parameters already exists.',
          errors: [{ description: 'A billing report with these parameters already exists.' }],
          trackingId: 'ROUTER_TEST',
        });
      }
      if (req.method === 'GET' && url.pathname === `/v1/wholesale/billing/reports/${REPORT}`) {
        return json(200, {
          ...item,
          created: '2026-03-15T10:00:00.000Z',
          createdBy: id('PEOPLE', '0acd3875-4e12-4d77-b981-e389fd8846c0'),
          status: 'COMPLETED',
          tempDownloadURL: `${server!.url}/${ORG}/WHOLESALE/6f1b8e2a-4c1d-4f7e-9a3b-2d5c8e1f0a11.csv?Expires=1773572400&Signature=abc&Key-Pair-Id=APKATEST`,
        });
      }
      if (req.method === 'GET' && url.pathname.endsWith('.csv')) {
        if (req.headers.authorization)
          return json(400, {
            message: 'token sent to the file host',
            errors: [{ description: 'x' }],
            trackingId: 'x',
          });
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="report.csv"',
          // The file host is a CDN: no Webex TrackingID there.
        });
        return res.end(csv());
      }
      json(404, { message: 'not found', errors: [{ description: 'not found' }], trackingId: 'ROUTER_TEST' });
    });
    const report = await runFlows({
      flows: [webexWholesaleFlow],
      targets: { webex: { vendor: 'webex', baseUrl: server.url, credentials: { token: 'tok' } } },
      mode: 'external',
      time: virtualTime(),
      stopwatch: () => 0,
      rateCard: RateCard.from({ vendors: { webex: { products: { webex_calling: { unitPrice: 14 } } } } }),
      period: PERIOD,
      strict: true,
    });
    expect(report.flows[0]?.steps.map((s) => [s.name, s.outcome, s.message])).toEqual([
      ['find report', 'passed', '1 page(s), 0 report(s) for 2026-02-01..2026-02-28 CUSTOMER'],
      ['create report', 'passed', '409: reusing the existing IN_PROGRESS report'],
      ['wait for report', 'passed', 'report ready after 1 poll(s), 0.0 s'],
      ['download and parse CSV', 'passed', '1 CSV row(s), 1 customer line(s)'],
    ]);
    expect(report.flows[0]?.lines).toEqual([
      {
        vendor: 'webex',
        customer: 'Initech',
        product: 'webex_calling',
        quantity: 12,
        unit: 'subscription',
        unitPrice: 14,
        amount: 168,
        currency: 'USD',
        periodStart: PERIOD.start,
        periodEnd: PERIOD.end,
        rateSource: 'product',
      },
    ]);
    expect(server.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      'GET /v1/wholesale/billing/reports',
      'POST /v1/wholesale/billing/reports',
      'GET /v1/wholesale/billing/reports',
      `GET /v1/wholesale/billing/reports/${REPORT}`,
      `GET /${ORG}/WHOLESALE/6f1b8e2a-4c1d-4f7e-9a3b-2d5c8e1f0a11.csv`,
    ]);
    expect(JSON.parse(server.requests[1]!.body)).toEqual({
      billingStartDate: PERIOD.start,
      billingEndDate: PERIOD.end,
      type: 'CUSTOMER',
    });
  });
});
