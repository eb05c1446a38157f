import type { Request, Response, Router } from 'express';
import type { components, operations } from '../../../contracts/generated/webex.js';
import { type JobView, publicOrigin, SimError } from '../../kernel/index.js';
import { formatDay, parseDay, parseFilterDay } from '../data/dates.js';
import { decodeId, encodeId } from '../data/ids.js';
import { SCOPES } from '../options.js';
import type { ReportStatus, WebexState, WholesaleReportData, WholesaleType } from '../state.js';
import { badRequest, jsonObjectBody } from './params.js';
import { lifecycleFields, reportRoutes } from './reports.js';

const BASE = '/v1/wholesale/billing/reports';
type SortBy = NonNullable<
  NonNullable<operations['listWholesaleBillingReports']['parameters']['query']>['sortBy']
>;
export const WHOLESALE_MAX = 100;

type Job = JobView<WholesaleReportData>;

export function wholesaleRoutes(router: Router, state: WebexState): void {
  reportRoutes<WholesaleReportData>(router, state, {
    family: 'wholesale',
    base: BASE,
    readScope: SCOPES.wholesaleRead,
    writeScope: SCOPES.wholesaleWrite,
    body: reportBody,
    list,
    create,
  });
}

function reportBody(state: WebexState, _req: Request, job: Job) {
  const d = job.data;
  return {
    id: encodeId('BILLING_REPORT', d.uuid),
    billingStartDate: d.billingStartDate,
    billingEndDate: d.billingEndDate,
    type: d.type,
    category: d.category,
    internal: d.internal,
    ...lifecycleFields(state, job),
  };
}

function listItem(job: Job) {
  const d = job.data;
  return {
    id: encodeId('BILLING_REPORT', d.uuid),
    billingStartDate: d.billingStartDate,
    billingEndDate: d.billingEndDate,
    status: job.state as ReportStatus,
    type: d.type,
    category: d.category,
    internal: d.internal,
  };
}

type SortKey = [string, number, string];

function sortKey(job: Job, sortBy: SortBy): SortKey {
  const d = job.data;
  const value =
    sortBy === 'id'
      ? encodeId('BILLING_REPORT', d.uuid)
      : sortBy === 'status'
        ? job.state
        : sortBy === 'billingEndDate'
          ? d.billingEndDate
          : d.billingStartDate;
  return [value, job.createdAt, d.uuid];
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] - b[1];
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

function encodeCursor(sortBy: SortBy, key: SortKey): string {
  return Buffer.from(JSON.stringify({ s: sortBy, k: key })).toString('base64url');
}

function decodeCursor(text: string, sortBy: SortBy): SortKey {
  try {
    const v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { s?: unknown; k?: unknown };
    const k = v.k as unknown[];
    if (
      v.s === sortBy &&
      Array.isArray(k) &&
      k.length === 3 &&
      typeof k[0] === 'string' &&
      typeof k[1] === 'number' &&
      typeof k[2] === 'string'
    ) {
      return k as SortKey;
    }
  } catch {
    // fall through
  }
  throw badRequest([`cursor "${text}" is not a cursor of this listing (sortBy=${sortBy}).`]);
}

function list(state: WebexState, req: Request, res: Response): void {
  const caller = state.authorize(req, SCOPES.wholesaleRead);
  // Shapes, enums, `max` ≥ 1 and "given once" are the contract's, checked before the route;
  // what is left is what a schema cannot say: calendar days and organization ids.
  const query = req.query as Record<string, string | undefined>;
  const problems: string[] = [];
  // SDKs send YYYY-MM-DD or an ISO date-time (wxc_sdk: 2025-01-01T00:00:00.000Z): either names a day.
  const filterDay = (name: 'billingStartDate' | 'billingEndDate'): string | undefined => {
    const raw = query[name];
    if (raw === undefined) return undefined;
    const day = parseFilterDay(raw);
    if (day === undefined)
      problems.push(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time; got "${raw}".`);
    return day === undefined ? undefined : formatDay(day);
  };
  const start = filterDay('billingStartDate');
  const end = filterDay('billingEndDate');
  const type = query.type as WholesaleType | undefined;
  const status = query.status as ReportStatus | undefined;
  const sortBy = (query.sortBy as SortBy | undefined) ?? 'billingStartDate';
  const subPartnerOrgId = query.subPartnerOrgId;
  const subUuid = subPartnerOrgId === undefined ? undefined : decodeId('ORGANIZATION', subPartnerOrgId);
  if (subPartnerOrgId !== undefined && !subUuid)
    problems.push(`subPartnerOrgId "${subPartnerOrgId}" is not a valid organization id.`);
  const max = query.max === undefined ? WHOLESALE_MAX : Math.min(WHOLESALE_MAX, Number(query.max));
  if (problems.length) throw badRequest(problems);
  const cursorText = query.cursor;
  const after = cursorText === undefined ? undefined : decodeCursor(cursorText, sortBy);

  const matching = state
    .reports<WholesaleReportData>('wholesale', caller.partner.orgUuid)
    .filter(
      (j) =>
        (start === undefined || j.data.billingStartDate === start) &&
        (end === undefined || j.data.billingEndDate === end) &&
        (type === undefined || j.data.type === type) &&
        (status === undefined || j.state === status) &&
        (subUuid === undefined || j.data.subPartnerOrgUuid === subUuid),
    )
    .map((job) => ({ job, key: sortKey(job, sortBy) }))
    .filter((x) => after === undefined || compareKeys(x.key, after) > 0)
    .sort((a, b) => compareKeys(a.key, b.key));
  const page = matching.slice(0, max);
  if (matching.length > max) {
    const last = page[page.length - 1] as { key: SortKey };
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(req.query)) {
      if (name === 'cursor' || name === 'max' || typeof value !== 'string') continue;
      params.set(name, value);
    }
    params.set('max', String(max));
    params.set('cursor', encodeCursor(sortBy, last.key));
    res.setHeader('Link', `<${publicOrigin(state.kernel, req)}${BASE}?${params.toString()}>; rel="next"`);
  }
  res.json({
    items: page.map((x) => listItem(x.job)),
  } satisfies components['schemas']['WholesaleBillingReportsListResponse']);
}

function create(state: WebexState, req: Request, res: Response): void {
  const caller = state.authorize(req, SCOPES.wholesaleWrite);
  // Types, date shapes and calendar days, the limits against today and the order of the dates
  // are the contract's (checked before the route); null reads as absent. Left here: whether the
  // sub-partner id is one of the caller's.
  const body = jsonObjectBody(req) as components['schemas']['WholesaleCreateRequest'];
  const start = parseDay(body.billingStartDate) as number;
  const end = parseDay(body.billingEndDate) as number;
  const type: WholesaleType = body.type ?? 'PARTNER';
  let subPartnerOrgUuid: string | undefined;
  if (body.subPartnerOrgId !== undefined && body.subPartnerOrgId !== null) {
    const uuid = decodeId('ORGANIZATION', body.subPartnerOrgId);
    if (!uuid) throw badRequest(['subPartnerOrgId must be a Webex organization id.']);
    if (!(caller.partner.subPartners ?? []).some((s) => s.orgUuid === uuid))
      throw badRequest(['subPartnerOrgId is not a sub-partner of your partner organization.']);
    subPartnerOrgUuid = uuid;
  }
  const internal = body.internal ?? false;

  const billingStartDate = formatDay(start);
  const billingEndDate = formatDay(end);
  if (state.options.duplicateCreate409) {
    const existing = state
      .reports<WholesaleReportData>('wholesale', caller.partner.orgUuid)
      .find(
        (j) =>
          !j.failed &&
          j.data.billingStartDate === billingStartDate &&
          j.data.billingEndDate === billingEndDate &&
          j.data.type === type &&
          j.data.subPartnerOrgUuid === subPartnerOrgUuid &&
          j.data.internal === internal,
      );
    if (existing) {
      throw new SimError(
        409,
        `A ${type} billing report for ${billingStartDate} to ${billingEndDate} already exists (${existing.state}): ${encodeId('BILLING_REPORT', existing.data.uuid)}.`,
      );
    }
  }
  const ids = state.nextIds();
  const job = state.createReport<WholesaleReportData>({
    family: 'wholesale',
    uuid: ids.uuid,
    fileUuid: ids.fileUuid,
    partnerOrgUuid: caller.partner.orgUuid,
    createdBy: state.personId(caller),
    billingStartDate,
    billingEndDate,
    start,
    end,
    type,
    category: 'RECONCILIATION',
    subPartnerOrgUuid,
    internal,
  });
  res.status(200).json({
    id: encodeId('BILLING_REPORT', job.data.uuid),
    billingStartDate,
    billingEndDate,
    type,
    category: job.data.category,
    internal,
  } satisfies components['schemas']['WholesaleReportId']);
}
