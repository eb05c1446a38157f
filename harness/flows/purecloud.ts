import type { VendorHarness } from '../vendors.js';
import { type FlowContext, StepFailure } from './context.js';
import type { FlowDefinition } from './flow.js';
import { walkPages } from './paging.js';
import { poll } from './poll.js';
import type { ApiResponse, CallSpec, StepScope } from './step.js';

/**
 * Genesys Cloud (PureCloud) billing: client-credentials token → billable usage polled until
 * Complete → partner billing overview of each trustor org → contracts and invoices listings
 * followed to their last page.
 */
const VENDOR = 'purecloud';
const POLL_EVERY_MS = 5000;
/** A failed generation answers 500 once and starts afresh on the next poll; allow a few. */
const GENERATION_RESTARTS = 2;

interface Session {
  token: string;
}

async function authenticate(ctx: FlowContext, s: StepScope): Promise<string> {
  const basic = Buffer.from(`${ctx.credential('clientId')}:${ctx.credential('clientSecret')}`).toString(
    'base64',
  );
  const loginUrl = ctx.target.credentials.loginUrl;
  const res = await s.call({
    method: 'POST',
    path:
      typeof loginUrl === 'string' && loginUrl
        ? `${loginUrl.replace(/\/+$/, '')}/oauth/token`
        : '/oauth/token',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
    // Asking for another token has no side effect worth protecting.
    retrySafe: true,
  });
  s.expect(res, 200);
  const body = s.json(res);
  return s.field<string>(body.access_token, '$.access_token', 'string');
}

/** A bearer call that re-authenticates once when the token has expired (401). */
async function authed(
  ctx: FlowContext,
  s: StepScope,
  session: Session,
  spec: CallSpec,
): Promise<ApiResponse> {
  const send = () =>
    s.call({ ...spec, headers: { ...spec.headers, authorization: `Bearer ${session.token}` } });
  const res = await send();
  if (res.status !== 401) return res;
  s.progress('token rejected (401), authenticating again');
  session.token = await authenticate(ctx, s);
  return send();
}

function quantity(s: StepScope, value: unknown, path: string): number {
  const text = s.field<string>(value, path, 'string');
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n))
    throw new StepFailure(`not a decimal number: "${text}"`, path);
  return n;
}

const day = (iso: string) => iso.slice(0, 10);

/** The same GET answers InProgress until the report is Complete; there is no job id. */
async function billableUsage(ctx: FlowContext, s: StepScope, session: Session): Promise<void> {
  const { start, end } = ctx.period;
  let restarts = 0;
  const report = await poll(
    s,
    { what: 'billable usage report', everyMs: POLL_EVERY_MS, timeoutMs: ctx.env.pollTimeoutMs },
    async () => {
      const res = await authed(ctx, s, session, {
        path: '/api/v2/billing/reports/billableusage',
        query: { startDate: `${start}T00:00:00.000Z`, endDate: `${end}T23:59:59.999Z` },
      });
      if (res.status === 500 && restarts < GENERATION_RESTARTS) {
        restarts++;
        return { done: false, state: `generation failed (HTTP 500), restart ${restarts}` };
      }
      s.expect(res, 200);
      const body = s.json(res);
      const status = s.field<string>(body.status, '$.status', 'string');
      if (status === 'Complete') return { done: true, value: body };
      if (status !== 'InProgress') throw new StepFailure(`unexpected report status "${status}"`, '$.status');
      return { done: false, state: status };
    },
  );
  const customer =
    (ctx.target.credentials.orgName as string | undefined) || (await ownOrgName(ctx, s, session));
  const usages = s.field<Record<string, unknown>[]>(report.usages, '$.usages', 'array');
  usages.forEach((u, i) => {
    ctx.usage.push({
      vendor: VENDOR,
      customer,
      product: s.field<string>(u.name, `$.usages[${i}].name`, 'string'),
      quantity: quantity(s, u.totalUsage, `$.usages[${i}].totalUsage`),
      periodStart: start,
      periodEnd: end,
    });
  });
  s.setNote(`${usages.length} charge(s)${restarts ? `, ${restarts} generation restart(s)` : ''}`);
}

/** The caller's org name from GET /api/v2/organizations/me (it needs no permissions). */
async function ownOrgName(ctx: FlowContext, s: StepScope, session: Session): Promise<string> {
  const res = await authed(ctx, s, session, { path: '/api/v2/organizations/me' });
  s.expect(res, 200);
  return s.field<string>(s.json(res).name, '$.name', 'string');
}

/** `billingPeriodIndex` of the run's month: 0 is the open month, 1 the one before, … */
export function billingPeriodIndex(periodStart: string, now: number): number {
  const [year, month] = periodStart.split('-').map(Number) as [number, number];
  const today = new Date(now);
  return Math.max(0, today.getUTCFullYear() * 12 + today.getUTCMonth() - (year * 12 + month - 1));
}

/** Partner billing of one trustor org for the month the run bills. */
async function trusteeOverview(
  ctx: FlowContext,
  s: StepScope,
  session: Session,
  orgId: string,
): Promise<void> {
  const res = await authed(ctx, s, session, {
    path: `/api/v2/billing/trusteebillingoverview/${encodeURIComponent(orgId)}`,
    query: { billingPeriodIndex: billingPeriodIndex(ctx.period.start, s.time.now()) },
  });
  s.expect(res, 200);
  const body = s.json(res);
  const org = s.field<Record<string, unknown>>(body.organization, '$.organization', 'object');
  const customer = typeof org.name === 'string' ? org.name : orgId;
  const periodStart = day(s.field<string>(body.billingPeriodStartDate, '$.billingPeriodStartDate', 'string'));
  const periodEnd = day(s.field<string>(body.billingPeriodEndDate, '$.billingPeriodEndDate', 'string'));
  const usages = s.field<Record<string, unknown>[]>(body.usages, '$.usages', 'array');
  usages.forEach((u, i) => {
    ctx.usage.push({
      vendor: VENDOR,
      customer,
      product: s.field<string>(u.name, `$.usages[${i}].name`, 'string'),
      quantity: quantity(s, u.usageQuantity, `$.usages[${i}].usageQuantity`),
      unit: typeof u.unitOfMeasureType === 'string' ? u.unitOfMeasureType : undefined,
      periodStart,
      periodEnd,
    });
  });
  s.setNote(`${customer}: ${usages.length} usage line(s), ${periodStart}..${periodEnd}`);
}

/** The trustor org ids the partner may read, from GET /api/v2/orgauthorization/trustors (paged). */
async function discoverTrustors(ctx: FlowContext, s: StepScope, session: Session): Promise<string[]> {
  const ids: string[] = [];
  let pageNumber = 1;
  let pageCount = 1;
  do {
    const res = await authed(ctx, s, session, {
      path: '/api/v2/orgauthorization/trustors',
      query: { pageSize: 25, pageNumber },
    });
    s.expect(res, 200);
    const body = s.json(res);
    const entities = s.field<Record<string, unknown>[]>(body.entities, '$.entities', 'array');
    entities.forEach((e, i) => {
      ids.push(s.field<string>(e.id, `$.entities[${i}].id`, 'string'));
    });
    pageCount = typeof body.pageCount === 'number' ? body.pageCount : pageNumber;
    pageNumber++;
  } while (pageNumber <= pageCount);
  s.setNote(`${ids.length} trustor org(s)`);
  return ids;
}

/** Page sizes within SDK 262's documented maxima (contracts 10, invoices 200). */
const PAGE_SIZES = { contracts: 10, invoices: 25 } as const;

/** A preview listing followed through `nextUri` to its last page. */
async function listing(
  ctx: FlowContext,
  s: StepScope,
  session: Session,
  name: keyof typeof PAGE_SIZES,
  path: string,
) {
  let entities = 0;
  const pages = await walkPages(
    s,
    (spec) => authed(ctx, s, session, spec),
    { path, query: { pageSize: PAGE_SIZES[name] } },
    (res) => {
      const next = s.json<{ nextUri?: unknown }>(res).nextUri;
      return typeof next === 'string' && next ? next : undefined;
    },
    (res, index) => {
      entities += s.field<unknown[]>(s.json(res).entities, `$.entities (page ${index + 1})`, 'array').length;
    },
  );
  s.setNote(`${pages} page(s), ${entities} ${name}`);
}

export const pureCloudFlow: FlowDefinition = {
  id: 'purecloud',
  vendor: VENDOR,
  title: 'Genesys Cloud (PureCloud) billing',
  async run(ctx) {
    const session: Session = { token: '' };
    session.token = await ctx.step('oauth token', (s) => authenticate(ctx, s));
    await ctx.step('billable usage', (s) => billableUsage(ctx, s, session));
    // Configured trustor ids win; otherwise the partner discovers the orgs that trust it.
    let trustors = ctx.optionalList('trustorOrgIds') ?? [];
    if (trustors.length === 0)
      trustors = await ctx.step('trustors', (s) => discoverTrustors(ctx, s, session));
    if (trustors.length === 0) ctx.skip('trustee billing overview', 'no trustor orgs');
    for (const orgId of trustors)
      await ctx.step(`trustee billing overview ${orgId}`, (s) => trusteeOverview(ctx, s, session, orgId));
    await ctx.step('contracts pages', (s) =>
      listing(ctx, s, session, 'contracts', '/api/v2/billing/contracts'),
    );
    await ctx.step('invoices pages', (s) =>
      listing(ctx, s, session, 'invoices', '/api/v2/billing/contracts/invoices'),
    );
  },
};

export const purecloudHarness: VendorHarness = {
  vendor: VENDOR,
  flows: [pureCloudFlow],
  // Generation of one minute of simulator time: the virtual clock makes it instant.
  embeddedOptions: { generation: { ms: 60_000 } },
  embeddedCredentials(simulator) {
    const orgs = (simulator as { orgs?: SimOrg[] } | undefined)?.orgs ?? [];
    // The partner org: it has trustors and a client allowed to read partner billing.
    const org = orgs.find((o) => o.trustorOrgIds?.length) ?? orgs[0];
    const client =
      org?.clients.find((c) => c.permissions.some((p) => p.startsWith('affiliateOrganization'))) ??
      org?.clients[0];
    return {
      clientId: client?.clientId,
      clientSecret: client?.clientSecret,
      orgName: org?.name,
      trustorOrgIds: org?.trustorOrgIds ?? [],
    };
  },
  env: [
    {
      env: 'BILLING_SIM_PURECLOUD_CLIENT_ID',
      credential: 'clientId',
      required: true,
      description: 'OAuth client-credentials client id',
    },
    {
      env: 'BILLING_SIM_PURECLOUD_CLIENT_SECRET',
      credential: 'clientSecret',
      required: true,
      description: 'its secret',
    },
    {
      env: 'BILLING_SIM_PURECLOUD_LOGIN_URL',
      credential: 'loginUrl',
      required: false,
      description: 'login host when it differs from the API host (e.g. https://login.mypurecloud.com)',
    },
    {
      env: 'BILLING_SIM_PURECLOUD_TRUSTOR_ORG_IDS',
      credential: 'trustorOrgIds',
      required: false,
      description: 'comma-separated trustor org ids whose partner billing overview to read',
    },
    {
      env: 'BILLING_SIM_PURECLOUD_ORG_NAME',
      credential: 'orgName',
      required: false,
      description: 'customer name for the own org lines',
    },
  ],
};

interface SimOrg {
  name: string;
  trustorOrgIds?: string[];
  clients: { clientId: string; clientSecret: string; permissions: string[] }[];
}
