import type { Request, Response, Router } from 'express';
import { type JobView, SimError, sendRendered } from '../../kernel/index.js';
import type { ReportData, ReportStatus, WebexState } from '../state.js';
import { badRequest, methodNotAllowed } from './params.js';

/** What differs between the Wholesale and BroadWorks report resources. */
export interface ReportFamily<D extends ReportData> {
  family: D['family'];
  base: string;
  readScope: string;
  writeScope: string;
  body(state: WebexState, req: Request, job: JobView<D>): object;
  list(state: WebexState, req: Request, res: Response): void;
  create(state: WebexState, req: Request, res: Response): void;
}

/** The fields a report carries by lifecycle: the signed link once COMPLETED, errors once FAILED. */
export function lifecycleFields(state: WebexState, job: JobView<ReportData>) {
  const status = job.state as ReportStatus;
  return {
    status,
    created: new Date(job.createdAt).toISOString(),
    createdBy: job.data.createdBy,
    ...(status === 'COMPLETED' ? { tempDownloadURL: state.downloadUrl(job) } : {}),
    ...(status === 'FAILED' ? { errors: state.errorsOf(job) } : {}),
  };
}

/** The collection (list, create) and one report (GET, DELETE) — same ids, scopes, 404/423/405 rules for both families. */
export function reportRoutes<D extends ReportData>(
  router: Router,
  state: WebexState,
  family: ReportFamily<D>,
): void {
  router.get(family.base, (req, res) => family.list(state, req, res));
  router.post(family.base, (req, res) => family.create(state, req, res));
  router.all(family.base, methodNotAllowed(['GET', 'POST']));
  const path = `${family.base}/:id`;
  router.get(path, (req, res) => {
    const caller = state.authorize(req, family.readScope);
    const job = findReport<D>(state, family.family, caller.partner.orgUuid, req.params.id as string, true);
    // A report's body changes only with its status and, once COMPLETED, its signed link (the
    // link itself is the version then: no key is built per poll).
    const version = job.state === 'COMPLETED' ? state.downloadUrl(job) : job.state;
    sendRendered(
      res,
      state.reportBodies.get(job.id, version, () => JSON.stringify(family.body(state, req, job))),
    );
  });
  router.delete(path, (req, res) => {
    const caller = state.authorize(req, family.writeScope);
    const job = findReport<D>(state, family.family, caller.partner.orgUuid, req.params.id as string, false);
    if (!job.terminal && state.options.lockDeleteInProgress423) {
      throw new SimError(
        423,
        'The billing report is still being generated (IN_PROGRESS) and cannot be deleted yet; retry later.',
        { retryAfterSeconds: state.lockRetryAfter(job) },
      );
    }
    state.remove(job.id);
    res.status(204).end();
  });
  router.all(path, methodNotAllowed(['GET', 'DELETE']));
}

/** A report of the caller's partner org; another partner's id is indistinguishable from an unknown one. */
function findReport<D extends ReportData>(
  state: WebexState,
  family: D['family'],
  orgUuid: string,
  id: string,
  poll: boolean,
): JobView<D> {
  const uuid = state.reportUuid(id);
  if (!uuid) throw badRequest([`id "${id}" is not a valid billing report id.`]);
  const job = state.report<D>(family, orgUuid, uuid, poll);
  if (!job) throw new SimError(404, 'Billing Report not found.');
  return job;
}
