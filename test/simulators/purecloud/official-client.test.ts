import platformClientModule from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, serve } from '../../../simulators/kernel/index.js';
import {
  CUSTOMER_A_ORG_ID,
  CUSTOMER_B_ORG_ID,
  UNRELATED_ORG_ID,
} from '../../../simulators/purecloud/index.js';
import { contractGuard } from '../../support/contract-guard.js';
import { type App, makeApp } from './helpers.js';

/**
 * The official npm client (purecloud-platform-client-v2) against the simulator. Its typings
 * hide the ApiClient class, so the slice used here is described locally.
 */
interface SdkApiClient {
  setGateway(gateway: { host: string; protocol?: string; port?: number }): void;
  setEnvironment(environment: string): void;
  loginClientCredentialsGrant(id: string, secret: string): Promise<{ accessToken: string }>;
  setReturnExtendedResponses(on: boolean): void;
}
interface SdkBillingApi {
  getBillingReportsBillableusage(start: string, end: string): Promise<UsageReport>;
  getBillingTrusteebillingoverviewTrustorOrgId(
    org: string,
    opts?: { billingPeriodIndex?: number },
  ): Promise<Record<string, unknown> & { usages: Record<string, unknown>[] }>;
  getBillingContractsInvoices(opts?: { pageSize?: string; after?: string }): Promise<{
    entities: { id: string; amount: number }[];
    nextUri?: string;
  }>;
  getBillingContracts(opts?: { pageSize?: string; after?: string; status?: string }): Promise<{
    entities: { id: string; billingPeriods: { id: string; status: string; dateStart: string }[] }[];
    nextUri?: string;
  }>;
  getBillingContract(id: string): Promise<{ id: string }>;
  getBillingContractBillingperiod(
    id: string,
    periodId: string,
  ): Promise<{
    id: string;
    charges: {
      product: { name: string };
      actualQuantity: number;
      prepaidQuantity: number;
      fairuseQuantity: number;
      overageQuantity: number;
    }[];
    wallets: { startingBalance: number; endingBalance: number }[];
  }>;
  getBillingContractsInvoiceLines(
    id: string,
    opts?: { pageSize?: string },
  ): Promise<{ entities: { amount: number }[] }>;
  getBillingContractsInvoiceDocument(id: string): Promise<{ url: string }>;
}
interface SdkOrganizationApi {
  getOrganizationsMe(): Promise<{ id: string; name: string; version: number }>;
}
interface SdkOrganizationAuthorizationApi {
  getOrgauthorizationTrustors(opts?: { pageSize?: number; pageNumber?: number }): Promise<{
    entities: { id: string; organization: { id: string; name: string } }[];
    total: number;
    pageCount: number;
  }>;
  getOrgauthorizationTrustor(id: string): Promise<{ id: string; enabled: boolean }>;
}
interface UsageReport {
  status: string;
  startDate: string;
  endDate: string;
  usages: { name: string; totalUsage: string; resources: { name: string; date: string }[] }[];
}
const sdk = platformClientModule as unknown as {
  ApiClientClass: new () => SdkApiClient;
  BillingApi: new (client: SdkApiClient) => SdkBillingApi;
  OrganizationApi: new (client: SdkApiClient) => SdkOrganizationApi;
  OrganizationAuthorizationApi: new (client: SdkApiClient) => SdkOrganizationAuthorizationApi;
};

const guard = contractGuard();
let app: App;
let server: RunningServer;

function client(): SdkApiClient {
  const api = new sdk.ApiClientClass();
  const url = new URL(server.url);
  // The SDK's supported way to reach a non-Genesys host: a gateway for both login and API.
  api.setGateway({ host: url.hostname, protocol: 'http', port: Number(url.port) });
  return api;
}

beforeAll(async () => {
  // Two InProgress answers, then Complete: polls drive generation, the SDK runs on real time.
  app = makeApp(guard, { generation: { polls: 2 } });
  server = await serve(app, { port: 0 });
});

afterAll(async () => {
  await server.close();
});

describe('purecloud with the official JS client (purecloud-platform-client-v2)', () => {
  it('logs in with client credentials and polls billable usage from InProgress to Complete', async () => {
    const api = client();
    const auth = await api.loginClientCredentialsGrant('contoso-billing', 'contoso-billing-secret');
    expect(typeof auth.accessToken).toBe('string');
    const billing = new sdk.BillingApi(api);
    const start = '2026-02-01T00:00:00.000Z';
    const end = '2026-02-28T23:59:59.999Z';
    const seen: string[] = [];
    let report: UsageReport | undefined;
    for (let i = 0; i < 5 && report?.status !== 'Complete'; i++) {
      report = await billing.getBillingReportsBillableusage(start, end);
      seen.push(report.status);
    }
    expect(seen).toEqual(['InProgress', 'InProgress', 'Complete']);
    expect(report!.startDate).toBe('2026-02-01T00:00:00Z');
    expect(report!.endDate).toBe('2026-02-28T23:59:59.999Z');
    expect(report!.usages.length).toBeGreaterThan(0);
    for (const usage of report!.usages) {
      expect(Number(usage.totalUsage)).toBe(usage.resources.length);
      for (const r of usage.resources) expect(Date.parse(r.date)).toBeGreaterThanOrEqual(Date.parse(start));
    }
  });

  it('reads the trustee billing overview as a partner, and gets ErrorBody rejections', async () => {
    const api = client();
    await api.loginClientCredentialsGrant('northwind-billing', 'northwind-billing-secret');
    const billing = new sdk.BillingApi(api);
    const overview = await billing.getBillingTrusteebillingoverviewTrustorOrgId(CUSTOMER_A_ORG_ID, {
      billingPeriodIndex: 1,
    });
    expect(overview.organization).toEqual({ id: CUSTOMER_A_ORG_ID, name: 'Contoso Health' });
    expect(overview.currency).toBe('USD');
    expect(overview.subscriptionType).toBe('PREPAY_MONTHLY_COMMITMENT');
    expect(typeof overview.billingPeriodStartDate).toBe('string');
    for (const usage of overview.usages) {
      expect(typeof usage.usageQuantity).toBe('string');
      expect(typeof usage.prepayPrice).toBe('string');
    }
    const other = await billing.getBillingTrusteebillingoverviewTrustorOrgId(CUSTOMER_B_ORG_ID);
    expect((other.organization as { id: string }).id).toBe(CUSTOMER_B_ORG_ID);
    // Rejections reach the caller as the parsed ErrorBody.
    const rejected = await billing
      .getBillingTrusteebillingoverviewTrustorOrgId(UNRELATED_ORG_ID)
      .catch((e) => e);
    expect(rejected).toMatchObject({ status: 404, code: 'not.found', details: [], errors: [] });
    expect(typeof rejected.contextId).toBe('string');
  });

  it('walks invoice pages with the SDK using the after cursor', async () => {
    const api = client();
    await api.loginClientCredentialsGrant('northwind-billing', 'northwind-billing-secret');
    const billing = new sdk.BillingApi(api);
    const all = await billing.getBillingContractsInvoices({ pageSize: '200' });
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await billing.getBillingContractsInvoices({ pageSize: '10', ...(after ? { after } : {}) });
      ids.push(...page.entities.map((e) => e.id));
      after = page.nextUri
        ? (new URL(page.nextUri, server.url).searchParams.get('after') ?? undefined)
        : undefined;
    } while (after);
    expect(ids).toEqual(all.entities.map((e) => e.id));
  });

  it('surfaces OAuth errors from the login call', async () => {
    const api = client();
    const error = await api.loginClientCredentialsGrant('contoso-billing', 'wrong').catch((e) => e);
    expect(error).toBeTruthy();
    const data = error.response?.data ?? error;
    expect(data.error).toBe('invalid_client');
  });

  it('drives the preview contract methods: contracts, one contract, a billing period, invoice lines and document', async () => {
    const api = client();
    await api.loginClientCredentialsGrant('contoso-billing', 'contoso-billing-secret');
    const billing = new sdk.BillingApi(api);
    const contracts = await billing.getBillingContracts({ pageSize: '10' });
    expect(contracts.entities.length).toBeGreaterThan(0);
    // SDK 262: "Maximum of 10".
    const tooMany = await billing.getBillingContracts({ pageSize: '11' }).catch((e) => e);
    expect(tooMany).toMatchObject({ status: 400, code: 'invalid.query.param.value' });
    const contract = contracts.entities.find((c) => c.billingPeriods.some((p) => p.status === 'Closed'))!;
    expect((await billing.getBillingContract(contract.id)).id).toBe(contract.id);
    const period = contract.billingPeriods.find((p) => p.status === 'Closed')!;
    const detail = await billing.getBillingContractBillingperiod(contract.id, period.id);
    expect(detail.id).toBe(period.id);
    for (const ch of detail.charges)
      expect(ch.overageQuantity).toBe(
        Math.max(0, ch.actualQuantity - ch.prepaidQuantity - ch.fairuseQuantity),
      );
    expect(detail.wallets).toHaveLength(1);
    // The CX 2 charge of the period is the org's billable usage of CX 2 for that period.
    const end = new Date(
      Date.UTC(Number(period.dateStart.slice(0, 4)), Number(period.dateStart.slice(5, 7)), 1) - 1,
    );
    let report: UsageReport | undefined;
    for (let i = 0; i < 5 && report?.status !== 'Complete'; i++)
      report = await billing.getBillingReportsBillableusage(
        `${period.dateStart}T00:00:00.000Z`,
        end.toISOString(),
      );
    expect(report!.status).toBe('Complete');
    const cx2 = detail.charges.find((c) => c.product.name === 'Genesys Cloud CX 2')!;
    const usage = report!.usages.find((u) => u.name === 'Genesys Cloud CX 2');
    expect(cx2.actualQuantity).toBe(Number(usage?.totalUsage ?? 0));
    expect(cx2.actualQuantity).toBeGreaterThan(0);
    const invoice = (await billing.getBillingContractsInvoices({ pageSize: '1' })).entities[0]!;
    const lines = await billing.getBillingContractsInvoiceLines(invoice.id, { pageSize: '200' });
    const cents = lines.entities.reduce((n, l) => n + Math.round(l.amount * 100), 0);
    expect(Math.round(invoice.amount * 100)).toBe(cents);
    const document = await billing.getBillingContractsInvoiceDocument(invoice.id);
    const pdf = await fetch(document.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('discovers the partner’s own org and its trustors with OrganizationApi and OrganizationAuthorizationApi', async () => {
    const api = client();
    await api.loginClientCredentialsGrant('northwind-billing', 'northwind-billing-secret');
    const me = await new sdk.OrganizationApi(api).getOrganizationsMe();
    expect(me).toMatchObject({ name: 'Northwind Partners', version: 1 });
    const auth = new sdk.OrganizationAuthorizationApi(api);
    const trustors = await auth.getOrgauthorizationTrustors({ pageSize: 25, pageNumber: 1 });
    expect(trustors.total).toBe(2);
    expect(trustors.entities.map((t) => t.organization.id)).toEqual([CUSTOMER_A_ORG_ID, CUSTOMER_B_ORG_ID]);
    const billing = new sdk.BillingApi(api);
    for (const t of trustors.entities) {
      expect(await auth.getOrgauthorizationTrustor(t.id)).toMatchObject({ id: t.id, enabled: true });
      const overview = await billing.getBillingTrusteebillingoverviewTrustorOrgId(t.id);
      expect((overview.organization as { id: string }).id).toBe(t.id);
    }
    const missing = await auth.getOrgauthorizationTrustor(UNRELATED_ORG_ID).catch((e) => e);
    expect(missing).toMatchObject({ status: 404, code: 'not.found' });
  });
});
