import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_A_ORG_ID,
  CUSTOMER_B_ORG_ID,
  PARTNER_ORG_ID,
  UNRELATED_ORG_ID,
} from '../../../simulators/purecloud/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { expectErrorBody, login, makeApp } from './helpers.js';

const guard = contractGuard();

describe('purecloud adjacent APIs: organizations/me and orgauthorization/trustors', () => {
  it('GET /api/v2/organizations/me answers the caller’s own Organization and needs no permission', async () => {
    const app = makeApp(guard);
    for (const [client, id, name] of [
      ['northwind-directory', PARTNER_ORG_ID, 'Northwind Partners'],
      ['contoso-billing', CUSTOMER_A_ORG_ID, 'Contoso Health'],
    ] as const) {
      const res = await request(app)
        .get('/api/v2/organizations/me')
        .set('Authorization', await login(app, client));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id,
        name,
        version: 1,
        state: 'active',
        selfUri: `/api/v2/organizations/${id}`,
      });
    }
    expectErrorBody(await request(app).get('/api/v2/organizations/me'), 401, 'authentication.required');
  });

  it('lists the orgs that trust the caller, page by page, and reads one trust', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    const all = await request(app).get('/api/v2/orgauthorization/trustors').set('Authorization', bearer);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ pageSize: 25, pageNumber: 1, total: 2, pageCount: 1 });
    expect(all.body.entities.map((t: { id: string }) => t.id)).toEqual([
      CUSTOMER_A_ORG_ID,
      CUSTOMER_B_ORG_ID,
    ]);
    expect(all.body.nextUri).toBeUndefined();
    const first = all.body.entities[0];
    expect(first).toMatchObject({
      enabled: true,
      organization: { id: CUSTOMER_A_ORG_ID, name: 'Contoso Health' },
      authorization: { permissions: ['affiliateOrganization:clientBilling:view'] },
    });
    expect(Date.parse(first.dateCreated)).toBeLessThan(app.sim.kernel.clock.now());
    const page2 = await request(app)
      .get('/api/v2/orgauthorization/trustors?pageSize=1&pageNumber=2')
      .set('Authorization', bearer);
    expect(page2.body).toMatchObject({ pageSize: 1, pageNumber: 2, total: 2, pageCount: 2 });
    expect(page2.body.entities.map((t: { id: string }) => t.id)).toEqual([CUSTOMER_B_ORG_ID]);
    expect(page2.body.previousUri).toBe('/api/v2/orgauthorization/trustors?pageSize=1&pageNumber=1');
    expect(page2.body.nextUri).toBeUndefined();
    const one = await request(app)
      .get(`/api/v2/orgauthorization/trustors/${CUSTOMER_A_ORG_ID}`)
      .set('Authorization', bearer);
    expect(one.body).toEqual(first);
    // Every listed trust is one the partner can read the billing overview of.
    for (const t of all.body.entities) {
      const overview = await request(app)
        .get(`/api/v2/billing/trusteebillingoverview/${t.id}`)
        .set('Authorization', bearer);
      expect(overview.status).toBe(200);
    }
  });

  it('refuses without authorization:orgTrustor:view, unknown trusts and bad paging', async () => {
    const app = makeApp(guard);
    const bearer = await login(app, 'northwind-billing');
    for (const id of [UNRELATED_ORG_ID, 'nope'])
      expectErrorBody(
        await request(app).get(`/api/v2/orgauthorization/trustors/${id}`).set('Authorization', bearer),
        404,
        'not.found',
      );
    for (const q of ['pageSize=0', 'pageSize=101', 'pageNumber=0', 'pageSize=x'])
      expectErrorBody(
        await request(app).get(`/api/v2/orgauthorization/trustors?${q}`).set('Authorization', bearer),
        400,
        'invalid.query.param.value',
      );
    const empty = await request(app)
      .get('/api/v2/orgauthorization/trustors')
      .set('Authorization', await login(app, 'tailspin-billing'));
    expect(empty.body).toMatchObject({ entities: [], total: 0, pageCount: 0 });
    const directory = await login(app, 'northwind-directory');
    for (const uri of [
      '/api/v2/orgauthorization/trustors',
      `/api/v2/orgauthorization/trustors/${CUSTOMER_A_ORG_ID}`,
    ]) {
      const res = await request(app).get(uri).set('Authorization', directory);
      expectErrorBody(res, 403, 'missing.permissions');
      expect(res.body.messageParams).toEqual({ permissions: '[authorization:orgTrustor:view]' });
    }
  });
});
