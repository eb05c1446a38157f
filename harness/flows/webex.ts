import type { UsageRecord } from '../billing/lines.js';
import { checkCsv } from '../validation/csv-check.js';
import type { VendorHarness } from '../vendors.js';
import { type FlowContext, type Period, StepFailure } from './context.js';
import { readSmall, withOneRedownload } from './download.js';
import type { FlowDefinition } from './flow.js';
import { nextLink, walkPages } from './paging.js';
import { poll } from './poll.js';
import type { ApiResponse, CallSpec, StepScope } from './step.js';

/**
 * Webex billing reports, Wholesale and BroadWorks: reuse a COMPLETED report for the period or
 * create one (409 = it exists), poll until COMPLETED (recreating once on FAILED), download the
 * CSV from tempDownloadURL without the token, and read its CUSTOMER rows.
 */
const VENDOR = 'webex';
/** Partners' scripts poll about every 10 s. */
const POLL_EVERY_MS = 10_000;

interface ReportKind {
  id: string;
  title: string;
  base: string;
  /** Filters of the list call; the rest of the matching is `matches`. */
  listQuery(period: Period): CallSpec['query'];
  matches(item: Record<string, unknown>, period: Period): boolean;
  createBody(period: Period): Record<string, string>;
  describe(period: Period): string;
  csvContract: string;
  /** A CSV row as usage, or undefined for rows that are not billed per customer. */
  usage(row: Record<string, string>, period: Period): UsageRecord | undefined;
}

const month = (period: Period) => period.start.slice(0, 7);

const WHOLESALE: ReportKind = {
  id: 'webex-wholesale',
  title: 'Webex Wholesale billing report',
  base: '/v1/wholesale/billing/reports',
  listQuery: (p) => ({ billingStartDate: p.start, billingEndDate: p.end, type: 'CUSTOMER' }),
  matches: (item, p) =>
    item.billingStartDate === p.start &&
    item.billingEndDate === p.end &&
    (item.type ?? 'CUSTOMER') === 'CUSTOMER',
  createBody: (p) => ({ billingStartDate: p.start, billingEndDate: p.end, type: 'CUSTOMER' }),
  describe: (p) => `${p.start}..${p.end} CUSTOMER`,
  csvContract: 'webex-wholesale-customer',
  usage: (row, p) => ({
    vendor: VENDOR,
    customer: row.customerName || row.customerOrgId || 'unknown customer',
    product: row.package ?? '',
    quantity: Number(row.quantity),
    unit: 'subscription',
    periodStart: row.billingStartDate || p.start,
    periodEnd: row.billingEndDate || p.end,
  }),
};

const BROADWORKS: ReportKind = {
  id: 'webex-broadworks',
  title: 'Webex for BroadWorks billing report',
  base: '/v1/broadworks/billing/reports',
  listQuery: () => ({}),
  matches: (item, p) => item.billingPeriod === month(p),
  createBody: (p) => ({ billingPeriod: month(p) }),
  describe: (p) => month(p),
  csvContract: 'webex-broadworks',
  usage: (row, p) => {
    if (row.recordType !== 'CUSTOMER') return undefined;
    const [y, m] = (row.billingPeriod || month(p)).split('-').map(Number) as [number, number];
    return {
      vendor: VENDOR,
      customer: row.customerName || row.customerOrgId || 'unknown customer',
      product: row.package ?? '',
      quantity: Number(row.quantity),
      unit: 'subscription',
      periodStart: `${row.billingPeriod || month(p)}-01`,
      periodEnd: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10),
    };
  },
};

/**
 * The flow's bearer token. With an integration's refresh token (and client id and secret) it
 * refreshes the access token when the API answers 401, once per call, as partners' scripts do;
 * it starts with a refresh when no access token is given.
 */
class WebexSession {
  private token: string | undefined;
  private refreshToken: string | undefined;

  constructor(private readonly ctx: FlowContext) {
    this.token = ctx.optionalList('token')?.[0];
    this.refreshToken = ctx.optionalList('refreshToken')?.[0];
  }

  private get client(): { id: string; secret: string } | undefined {
    const id = this.ctx.optionalList('clientId')?.[0];
    const secret = this.ctx.optionalList('clientSecret')?.join(',');
    return id && secret && this.refreshToken ? { id, secret } : undefined;
  }

  /** Sends an API call with the bearer token; on 401 refreshes the token and sends it once more. */
  async call(s: StepScope, spec: CallSpec): Promise<ApiResponse> {
    if (this.token === undefined) {
      if (!this.client) throw new StepFailure('no Webex access token, and no refresh token to get one');
      await this.refresh(s);
    }
    const send = () =>
      s.call({ ...spec, headers: { ...spec.headers, authorization: `Bearer ${this.token}` } });
    const res = await send();
    if (res.status !== 401 || !this.client) return res;
    s.progress('access token refused (401); refreshing it');
    await this.refresh(s);
    return send();
  }

  private async refresh(s: StepScope): Promise<void> {
    const client = this.client as { id: string; secret: string };
    const res = await s.call({
      method: 'POST',
      path: '/v1/access_token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: client.id,
        client_secret: client.secret,
        refresh_token: this.refreshToken as string,
      }).toString(),
      retrySafe: true,
    });
    s.expect(res, 200);
    const body = s.json(res);
    this.token = s.field<string>(body.access_token, '$.access_token', 'string');
    if (typeof body.refresh_token === 'string') this.refreshToken = body.refresh_token;
  }
}

type Report = Record<string, unknown> & { id: string; status: string };

async function findReport(
  ctx: FlowContext,
  s: StepScope,
  kind: ReportKind,
  auth: WebexSession,
): Promise<Report | undefined> {
  const found: Report[] = [];
  const pages = await walkPages(
    s,
    (spec) => auth.call(s, spec),
    { path: kind.base, query: kind.listQuery(ctx.period) },
    (res) => nextLink(res.headers.link),
    (res, index) => {
      const items = s.field<Record<string, unknown>[]>(
        s.json(res).items,
        `$.items (page ${index + 1})`,
        'array',
      );
      for (const item of items) if (kind.matches(item, ctx.period)) found.push(item as Report);
    },
  );
  // A finished report is best; one still running is worth waiting for; FAILED ones are dead.
  const pick = found.find((r) => r.status === 'COMPLETED') ?? found.find((r) => r.status === 'IN_PROGRESS');
  s.setNote(
    `${pages} page(s), ${found.length} report(s) for ${kind.describe(ctx.period)}${pick ? `, reusing ${pick.status}` : ''}`,
  );
  return pick;
}

async function createReport(
  ctx: FlowContext,
  s: StepScope,
  kind: ReportKind,
  auth: WebexSession,
): Promise<Report> {
  const res = await auth.call(s, {
    method: 'POST',
    path: kind.base,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(kind.createBody(ctx.period)),
    // A resent create is harmless: the duplicate answers 409, which means "it exists".
    retrySafe: true,
  });
  if (res.status === 409) {
    const existing = await findReport(ctx, s, kind, auth);
    if (!existing)
      throw new StepFailure(`create answered 409 but no report for ${kind.describe(ctx.period)} is listed`);
    s.setNote(`409: reusing the existing ${existing.status} report`);
    return existing;
  }
  s.expect(res, 200);
  const body = s.json(res);
  s.setNote(`created ${kind.describe(ctx.period)}`);
  return { ...body, id: s.field<string>(body.id, '$.id', 'string'), status: 'IN_PROGRESS' };
}

async function waitForReport(
  ctx: FlowContext,
  s: StepScope,
  kind: ReportKind,
  id: string,
  auth: WebexSession,
): Promise<Report> {
  return poll(s, { what: 'report', everyMs: POLL_EVERY_MS, timeoutMs: ctx.env.pollTimeoutMs }, async () => {
    const res = await auth.call(s, { path: `${kind.base}/${encodeURIComponent(id)}` });
    s.expect(res, 200);
    const body = s.json<Report>(res);
    const status = s.field<string>(body.status, '$.status', 'string');
    if (status === 'COMPLETED' || status === 'FAILED') return { done: true, value: body };
    return { done: false, state: status };
  });
}

function failureText(report: Report): string {
  const errors = Array.isArray(report.errors)
    ? (report.errors as { code?: unknown; description?: unknown }[])
    : [];
  return errors.map((e) => `${e.code ?? ''} ${e.description ?? ''}`.trim()).join('; ') || 'no errors[] given';
}

/**
 * Streams the CSV behind tempDownloadURL through its contract. A 403 means the signed link
 * expired (it lives an hour): the report is read again for a fresh link, once.
 */
async function download(
  ctx: FlowContext,
  s: StepScope,
  kind: ReportKind,
  report: Report,
  auth: WebexSession,
): Promise<UsageRecord[]> {
  const contract = ctx.env.csv.get(kind.csvContract);
  let url = s.field<string>(report.tempDownloadURL, '$.tempDownloadURL', 'string');
  let refreshed = false;
  return withOneRedownload(s, 'CSV download', async () => {
    // The signed URL is the credential: the bearer token must not travel to the file host.
    let res = await s.stream({ path: url });
    if (res.status === 403 && !refreshed) {
      refreshed = true;
      await readSmall(res.body);
      s.progress('download link refused (403, expired?); reading the report for a fresh one');
      const again = await auth.call(s, { path: `${kind.base}/${encodeURIComponent(report.id)}` });
      s.expect(again, 200);
      url = s.field<string>(s.json(again).tempDownloadURL, '$.tempDownloadURL', 'string');
      res = await s.stream({ path: url });
    }
    if (res.status !== 200) {
      const body = await readSmall(res.body);
      s.expect({ status: res.status, body, attempts: res.attempts }, 200);
    }
    const rows: UsageRecord[] = [];
    const result = await checkCsv(
      res.body,
      contract,
      s.name,
      (row, line) => {
        const usage = kind.usage(row, ctx.period);
        if (!usage) return;
        if (!Number.isFinite(usage.quantity))
          throw new StepFailure(`${kind.csvContract}:${line}: quantity "${row.quantity}" is not a number`);
        rows.push(usage);
      },
      ctx.env.findingLimit,
    );
    if (result.failure) return { value: rows, failure: result.failure };
    s.addFindings(result.findings, result.dropped);
    s.setNote(
      `${result.rows} CSV row(s), ${rows.length} customer line(s)${refreshed ? ', link refreshed' : ''}`,
    );
    return { value: rows };
  });
}

function reportFlow(kind: ReportKind): FlowDefinition {
  return {
    id: kind.id,
    vendor: VENDOR,
    title: kind.title,
    async run(ctx) {
      const auth = new WebexSession(ctx);
      let report = await ctx.step('find report', (s) => findReport(ctx, s, kind, auth));
      if (!report) report = await ctx.step('create report', (s) => createReport(ctx, s, kind, auth));
      let done = await ctx.step('wait for report', (s) =>
        waitForReport(ctx, s, kind, (report as Report).id, auth),
      );
      if (done.status === 'FAILED') {
        const reason = failureText(done);
        report = await ctx.step('recreate failed report', async (s) => {
          s.progress(`report FAILED (${reason}); creating it again`);
          return createReport(ctx, s, kind, auth);
        });
        done = await ctx.step('wait for recreated report', (s) =>
          waitForReport(ctx, s, kind, (report as Report).id, auth),
        );
        if (done.status === 'FAILED') {
          await ctx.step('report outcome', async () => {
            throw new StepFailure(`report FAILED twice: ${failureText(done)}`, '$.errors');
          });
        }
      }
      const usage = await ctx.step('download and parse CSV', (s) => download(ctx, s, kind, done, auth));
      ctx.usage.push(...usage);
    },
  };
}

export const webexWholesaleFlow = reportFlow(WHOLESALE);
export const webexBroadWorksFlow = reportFlow(BROADWORKS);

export const webexHarness: VendorHarness = {
  vendor: VENDOR,
  flows: [webexWholesaleFlow, webexBroadWorksFlow],
  // A minute of simulator time per report: instant on the virtual clock, and still several polls.
  embeddedOptions: { generation: { kind: 'time', ms: 60_000 } },
  embeddedCredentials(simulator) {
    const creds = simulator as
      | {
          partners?: { tokens: { token: string; scopes: string[] }[] }[];
          integrations?: { clientId: string; clientSecret: string; refreshToken: string }[];
        }
      | undefined;
    const tokens = (creds?.partners ?? []).flatMap((p) => p.tokens);
    const best = [...tokens].sort((a, b) => b.scopes.length - a.scopes.length)[0];
    const integration = creds?.integrations?.[0];
    return {
      token: best?.token,
      refreshToken: integration?.refreshToken,
      clientId: integration?.clientId,
      clientSecret: integration?.clientSecret,
    };
  },
  env: [
    {
      env: 'BILLING_SIM_WEBEX_TOKEN',
      credential: 'token',
      required: true,
      description:
        'partner administrator access token with the spark-admin:wholesale_billing_reports_* and broadworks_billing_reports_* scopes',
    },
    {
      env: 'BILLING_SIM_WEBEX_REFRESH_TOKEN',
      credential: 'refreshToken',
      required: false,
      description: "the integration's refresh token: the flow gets a new access token on 401 (or at start)",
    },
    {
      env: 'BILLING_SIM_WEBEX_CLIENT_ID',
      credential: 'clientId',
      required: false,
      description: "the integration's client id (with the refresh token)",
    },
    {
      env: 'BILLING_SIM_WEBEX_CLIENT_SECRET',
      credential: 'clientSecret',
      required: false,
      description: "the integration's client secret (with the refresh token)",
    },
  ],
};
