import type { Request, Response } from 'express';
import type { components } from '../../../contracts/generated/rprm.js';
import { type RenderedBody, sendRendered } from '../../kernel/index.js';
import type { TimeZone } from '../data/zone.js';
import { type ExportView, entityTag } from '../state.js';
import {
  type Negotiator,
  STATUS_JSON,
  STATUS_XML,
  XML_DECLARATION,
  xmlElements,
  xmlEscape,
} from './media.js';

type StatusType = PlcmBillingStatus['statusType'];
type ActionType = PlcmBillingStatus['actionType'];

/** The contract's statusType enum, as a value (the compiler checks it against the contract). */
export const STATUS_TYPES = [
  'ERROR',
  'NOT_STARTED',
  'RUNNING',
  'SUCCESS',
  'ERROR_ANOTHER_CDR_IS_BEING_GENERATED',
  'ERROR_DB_NOT_READY',
  'ERROR_UNKNOWN_CREATE',
  'ERROR_UNKNOWN_STATUS',
  'ERROR_UNKNOWN_DOWNLOAD',
  'WARN_CDR_RESULTS_TRUNCATED',
  'WARN_CDR_RESULTS_INCOMPLETE',
  'GENERATION_COMPLETE',
  'UNKNOWN',
] as const satisfies readonly StatusType[];

/** An Atom link of the status document; the simulator always gives its type and title. */
export type AtomLink = Required<components['schemas']['AtomLink']>;

type PlcmBillingStatus = components['schemas']['PlcmBillingStatus'];

/**
 * plcm-billing-status (the contract's schema, JSON names) with the fields the simulator always
 * sends made required, as the schema's description lists them.
 */
export type BillingStatus = Omit<PlcmBillingStatus, 'atomLinkList'> &
  Required<
    Pick<
      PlcmBillingStatus,
      | 'numberCdrRecordsProcessed'
      | 'totalNumberCdrRecords'
      | 'estimatedTimeRemainingSeconds'
      | 'downloadReady'
    >
  > & { atomLinkList: AtomLink[] };

export interface StatusContext {
  baseUrl: string;
  zone: TimeZone;
  /** A generate-cdrs was just refused because this generation runs. */
  conflict: boolean;
  downloading: boolean;
  unreachableClusters: readonly string[];
  /** Polls a poll-driven generation needs in all. */
  pollsToFinish?: number;
  /** Simulator ms per client ms (a scaled clock): waits are given in the client's seconds. */
  timeScale: number;
}

export function billingStatus(view: ExportView | undefined, ctx: StatusContext): BillingStatus {
  const statusUrl = `${ctx.baseUrl}/api/rest/billing/status`;
  const downloadUrl = `${ctx.baseUrl}/api/rest/billing/download-cdrs`;
  const links: AtomLink[] = [{ href: statusUrl, rel: 'self', type: STATUS_JSON, title: 'billing status' }];
  if (!view) {
    return {
      atomLinkList: links,
      totalNumberCdrRecords: 0,
      numberCdrRecordsProcessed: 0,
      estimatedTimeRemainingSeconds: 0,
      actionType: 'NOT_STARTED',
      statusType: 'NOT_STARTED',
      downloadReady: false,
    };
  }
  const { job, export: exp } = view;
  const w = exp.window;
  const times = {
    fromDate: ctx.zone.format(w.from),
    toDate: ctx.zone.format(w.to),
    creationTime: ctx.zone.format(job.createdAt),
  };
  if (!job.terminal) {
    const remaining =
      job.remainingMs !== undefined
        ? Math.ceil(job.remainingMs / 1000 / ctx.timeScale)
        : // Poll-driven generation: one poll a second is the assumed cadence.
          Math.max(0, (ctx.pollsToFinish ?? 0) - job.polls);
    return {
      atomLinkList: links,
      totalNumberCdrRecords: job.totalUnits,
      numberCdrRecordsProcessed: job.processedUnits,
      estimatedTimeRemainingSeconds: remaining,
      actionType: job.state as ActionType,
      statusType: ctx.conflict ? 'ERROR_ANOTHER_CDR_IS_BEING_GENERATED' : 'RUNNING',
      downloadReady: false,
      ...(ctx.conflict
        ? { statusMessage: 'Another CDR is being generated; only one CDR can be generated at a time.' }
        : {}),
      ...times,
    };
  }
  if (job.failed) {
    const code = job.error?.code ?? '';
    return {
      atomLinkList: links,
      totalNumberCdrRecords: job.totalUnits,
      numberCdrRecordsProcessed: job.processedUnits,
      estimatedTimeRemainingSeconds: 0,
      actionType: 'UNKNOWN',
      statusType: (STATUS_TYPES as readonly string[]).includes(code)
        ? (code as StatusType)
        : 'ERROR_UNKNOWN_CREATE',
      downloadReady: false,
      statusMessage: job.error?.message ?? 'CDR generation failed.',
      ...times,
    };
  }
  let statusType: StatusType = 'GENERATION_COMPLETE';
  let statusMessage: string | undefined;
  if (w.truncated) {
    statusType = 'WARN_CDR_RESULTS_TRUNCATED';
    statusMessage = `CDR results were truncated: records up to ${ctx.zone.format(w.end)} are included.`;
  } else if (ctx.unreachableClusters.length > 0) {
    statusType = 'WARN_CDR_RESULTS_INCOMPLETE';
    statusMessage = `CDR results are incomplete: unreachable clusters ${ctx.unreachableClusters.join(', ')}.`;
  }
  return {
    atomLinkList: [
      ...links,
      { href: downloadUrl, rel: 'download-cdrs', type: 'application/zip', title: 'CDR export' },
    ],
    totalNumberCdrRecords: job.totalUnits,
    numberCdrRecordsProcessed: job.totalUnits,
    estimatedTimeRemainingSeconds: 0,
    actionType: ctx.downloading ? 'DOWNLOADING' : 'CREATING_CDR_FILE',
    statusType,
    downloadReady: true,
    downloadUrl,
    ...(statusMessage ? { statusMessage } : {}),
    entityTag: entityTag(job),
    ...times,
  };
}

/** The status document in the media type the request negotiates (JSON unless it asks for XML). */
export function statusMedia(req: Request, negotiator: Negotiator): typeof STATUS_JSON | typeof STATUS_XML {
  return negotiator.wantsXml(req, STATUS_JSON, STATUS_XML) ? STATUS_XML : STATUS_JSON;
}

export function renderStatus(media: typeof STATUS_JSON | typeof STATUS_XML, status: BillingStatus): string {
  return media === STATUS_XML ? statusXml(status) : JSON.stringify(status);
}

export function sendStatus(
  res: Response,
  media: typeof STATUS_JSON | typeof STATUS_XML,
  body: RenderedBody,
): void {
  sendRendered(res, body, `${media}; charset=utf-8`);
}

/** XML form: kebab-case elements in the plcm-billing-status namespace, atom links first. */
function statusXml(s: BillingStatus): string {
  const links = s.atomLinkList
    .map(
      (l) =>
        `  <ns2:link href="${xmlEscape(l.href)}" rel="${xmlEscape(l.rel)}" type="${xmlEscape(l.type)}" title="${xmlEscape(l.title)}"/>`,
    )
    .join('\n');
  return [
    XML_DECLARATION,
    '<plcm-billing-status xmlns="urn:com:polycom:api:rest:plcm-billing-status" xmlns:ns2="http://www.w3.org/2005/Atom">',
    links,
    xmlElements([
      ['total-number-cdr-records', s.totalNumberCdrRecords],
      ['number-cdr-records-processed', s.numberCdrRecordsProcessed],
      ['estimated-time-remaining-seconds', s.estimatedTimeRemainingSeconds],
      ['action-type', s.actionType],
      ['status-type', s.statusType],
      ['download-ready', s.downloadReady],
      ['download-url', s.downloadUrl],
      ['status-message', s.statusMessage],
      ['entity-tag', s.entityTag],
      ['from-date', s.fromDate],
      ['to-date', s.toDate],
      ['creation-time', s.creationTime],
    ]),
    '</plcm-billing-status>',
    '',
  ].join('\n');
}
