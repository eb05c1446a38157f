import type { Request, Response, Router } from 'express';
import type { components, operations } from '../../../contracts/generated/webex.js';
import { type JobView, SimError } from '../../kernel/index.js';
import { formatMonth, parseInstant, parseMonth } from '../data/dates.js';
import { encodeId } from '../data/ids.js';
import { SCOPES } from '../options.js';
import type { BroadworksReportData, ReportStatus, WebexState } from '../state.js';
import { badRequest, jsonObjectBody } from './params.js';
import { lifecycleFields, reportRoutes } from './reports.js';

const BASE = '/v1/broadworks/billing/reports';
type SortBy = NonNullable<
  NonNullable<operations['listBroadWorksBillingReports']['parameters']['query']>['sortBy']
>;

type Job = JobView<BroadworksReportData>;

export function broadworksRoutes(router: Router, state: WebexState): void {
  reportRoutes<BroadworksReportData>(router, state, {
    family: 'broadworks',
    base: BASE,
    readScope: SCOPES.broadworksRead,
    writeScope: SCOPES.broadworksWrite,
    body: reportBody,
    list,
    create,
  });
}

function reportBody(state: WebexState, _req: Request, job: Job) {
  const d = job.data;
  return {
    id: encodeId('BILLING_REPORT', d.uuid),
    billingPeriod: d.billingPeriod,
    ...lifecycleFields(state, job),
  };
}

function list(state: WebexState, req: Request, res: Response): void {
  const caller = state.authorize(req, SCOPES.broadworksRead);
  // Shapes, the sortBy enum and "given once" are the contract's; calendar days are checked here.
  const query = req.query as Record<string, string | undefined>;
  const problems: string[] = [];
  const instant = (name: 'before' | 'after'): number | undefined => {
    const raw = query[name];
    if (raw === undefined) return undefined;
    const at = parseInstant(raw);
    if (at === undefined)
      problems.push(`${name} must be YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time; got "${raw}".`);
    return at;
  };
  const before = instant('before');
  const after = instant('after');
  const sortBy = (query.sortBy as SortBy | undefined) ?? 'billingPeriod';
  if (problems.length) throw badRequest(problems);
  const items = state
    .reports<BroadworksReportData>('broadworks', caller.partner.orgUuid)
    .filter(
      (j) => (before === undefined || j.createdAt < before) && (after === undefined || j.createdAt > after),
    )
    .map((job) => {
      const id = encodeId('BILLING_REPORT', job.data.uuid);
      const value = sortBy === 'id' ? id : sortBy === 'status' ? job.state : job.data.billingPeriod;
      return { job, id, value };
    })
    .sort((a, b) =>
      a.value !== b.value
        ? a.value < b.value
          ? -1
          : 1
        : a.job.createdAt !== b.job.createdAt
          ? a.job.createdAt - b.job.createdAt
          : a.id < b.id
            ? -1
            : 1,
    );
  res.json({
    items: items.map(({ job, id }) => ({
      id,
      billingPeriod: job.data.billingPeriod,
      status: job.state as ReportStatus,
    })),
  } satisfies components['schemas']['BroadWorksBillingReportsListResponse']);
}

function create(state: WebexState, req: Request, res: Response): void {
  const caller = state.authorize(req, SCOPES.broadworksWrite);
  // The month's shape and its limits against the current month are the contract's, checked
  // before the route.
  const body = jsonObjectBody(req) as components['schemas']['BroadWorksCreateRequest'];
  const period = parseMonth(body.billingPeriod) as { year: number; month: number };
  const billingPeriod = formatMonth(period.year, period.month);
  if (state.options.duplicateCreate409) {
    const existing = state
      .reports<BroadworksReportData>('broadworks', caller.partner.orgUuid)
      .find((j) => !j.failed && j.data.billingPeriod === billingPeriod);
    if (existing) {
      throw new SimError(
        409,
        `A billing report for ${billingPeriod} already exists (${existing.state}): ${encodeId('BILLING_REPORT', existing.data.uuid)}.`,
      );
    }
  }
  const ids = state.nextIds();
  state.createReport<BroadworksReportData>({
    family: 'broadworks',
    uuid: ids.uuid,
    fileUuid: ids.fileUuid,
    partnerOrgUuid: caller.partner.orgUuid,
    createdBy: state.personId(caller),
    billingPeriod,
    year: period.year,
    month: period.month,
  });
  res
    .status(200)
    .json({ id: encodeId('BILLING_REPORT', ids.uuid) } satisfies components['schemas']['BroadWorksReportId']);
}
