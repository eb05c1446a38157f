import { describe, expect, it } from 'vitest';
import { contracts } from '../../../contracts/index.js';
import { CISCO_EXAMPLES } from './cisco-examples.js';

const HEADERS = {
  'content-type': 'application/json;charset=UTF-8',
  trackingid: 'ROUTER_6A2C1F0E-0000-4000-8000-000000000001',
};

describe('Webex contract: vendor view against Cisco’s own examples', () => {
  it.each(CISCO_EXAMPLES.map((e) => [e.label, e] as const))('%s passes the vendor view', (_label, e) => {
    expect(
      contracts().validateResponse('webex', e.method, e.path, e.status, HEADERS, e.body, {
        profile: 'vendor',
      }),
    ).toEqual([]);
  });

  it('the simulator view is stricter: it rejects the examples that lack fields or carry extra ones', () => {
    const rejected = CISCO_EXAMPLES.filter(
      (e) => contracts().validateResponse('webex', e.method, e.path, e.status, HEADERS, e.body).length > 0,
    ).map((e) => e.label);
    // List items without category, the create example with `internal`, the Report example with
    // reportType, `errors: []` on a COMPLETED report and no `created`.
    expect(rejected).toEqual(
      expect.arrayContaining([
        'GET /wholesale/billing/reports 200 response example',
        'schema Report example',
        'schema WholesaleBillingReportsListResponse example',
      ]),
    );
    expect(rejected.length).toBeGreaterThanOrEqual(4);
  });

  it('the vendor view still holds Cisco’s own rules: enums, types, declared statuses', () => {
    const path = '/v1/wholesale/billing/reports';
    const v = (status: number, body: unknown) =>
      contracts().validateResponse('webex', 'GET', path, status, HEADERS, body, { profile: 'vendor' });
    expect(v(200, { items: [{ id: 'x', status: 'DONE' }] })[0]?.path).toBe('/items/0/status');
    expect(v(200, { items: [{ id: 7 }] })[0]?.path).toBe('/items/0/id');
    expect(v(200, { items: 'none' })[0]?.path).toBe('/items');
    expect(v(299, {})[0]?.path).toBe('status');
  });
});
