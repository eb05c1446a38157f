import type { Request, Response, Router } from 'express';
import { type JobAdvance, JSON_UTF8 } from '../../kernel/index.js';
import { authorize, PERMISSIONS } from '../auth.js';
import { formatDateTime } from '../data/dates.js';
import { KEPT_BODY_BYTES, type ReportEntry } from '../data/reports.js';
import { usageReport } from '../data/usage.js';
import { apiError } from '../errors.js';
import type { PureCloudState } from '../state.js';
import { requiredDateTime } from './params.js';

const PATH = '/api/v2/billing/reports/billableusage';
export const JOB_KIND = 'purecloud.billable-usage';
const EMPTY = Buffer.from('[]');

function send(res: Response, body: Buffer): void {
  res.setHeader('Content-Type', JSON_UTF8);
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

const LIFECYCLE = { steps: ['InProgress'], success: 'Complete', failure: 'Failed' };

/**
 * The report is generated in the background: one kernel job per (org, startDate, endDate, data
 * cut-off), polled through the same GET. There is no job id on the wire, as in the real API.
 * Once the cut-off has moved and something was observed since, asking again starts a new
 * generation (InProgress again), which then lists the newer observations.
 */
export function usageRoutes(router: Router, state: PureCloudState): void {
  const { kernel, options } = state;
  const advance: JobAdvance =
    'ms' in options.generation
      ? { kind: 'time', ms: options.generation.ms }
      : // `polls: N` means N InProgress answers; the kernel counts the completing poll too.
        { kind: 'polls', count: options.generation.polls + 1 };

  const startJob = (orgId: string, key: string, start: number, end: number, cutoff: number): ReportEntry => {
    const jobId = kernel.data.uuid(`purecloud/billableusage:${key}:${cutoff}`);
    kernel.jobs.remove(jobId);
    kernel.jobs.create({ kind: JOB_KIND, id: jobId, tenant: orgId, lifecycle: LIFECYCLE, advance, data: {} });
    const entry: ReportEntry = { key, jobId, orgId, start, end, cutoff };
    state.reports.set(entry);
    return entry;
  };

  router.get(PATH, (req: Request, res: Response) => {
    const caller = authorize(res, PERMISSIONS.billableUsage);
    const start = requiredDateTime(req.query, 'startDate');
    const end = requiredDateTime(req.query, 'endDate');
    const orgId = caller.claims.orgId;
    const history = state.history(orgId);
    const now = kernel.clock.now();
    const cutoff = state.cutoffAt(now);
    const key = `${orgId}:${start}:${end}`;
    let entry = state.reports.get(key);
    let job = entry && kernel.jobs.get(entry.jobId);
    if (!entry || !job) entry = startJob(orgId, key, start, end, cutoff);
    else if (job.terminal && !job.failed && history.observedBetween(start, end, entry.cutoff, cutoff)) {
      entry = startJob(orgId, key, start, end, cutoff);
    }
    job = kernel.jobs.poll(entry.jobId)!;
    if (job.failed) {
      // A failed generation is forgotten so that the next poll starts a fresh one.
      kernel.jobs.remove(entry.jobId);
      state.reports.delete(key);
      throw apiError(500, 'internal.server.error', 'The billable usage report could not be generated.');
    }
    if (entry.body?.state !== job.state) {
      const startDate = formatDateTime(start);
      const endDate = formatDateTime(end);
      const query = new URLSearchParams({ startDate, endDate });
      const head = Buffer.from(
        `{"id":"${entry.jobId}","name":"Billable usage","startDate":"${startDate}","endDate":"${endDate}",` +
          `"status":"${job.state}","usages":`,
      );
      const tail = Buffer.from(`,"selfUri":${JSON.stringify(`${PATH}?${query.toString()}`)}}`);
      if (!job.terminal) {
        const body = Buffer.concat([head, EMPTY, tail]);
        state.reports.setBody(entry, job.state, body);
        send(res, body);
        return;
      }
      // The usages are written between head and tail: one buffer, no concatenation. Small
      // bodies are kept; large ones are written again on each poll into the instance's render
      // buffer, free again once this response has closed.
      const report = usageReport(history, start, end, entry.cutoff, head, tail);
      if (report.size <= KEPT_BODY_BYTES) {
        const body = Buffer.allocUnsafe(report.size);
        report.writeInto(body);
        state.reports.setBody(entry, job.state, body);
        send(res, body);
        return;
      }
      state.reports.dropBody(entry);
      const { buffer, done } = state.renderBuffer.take(report.size);
      report.writeInto(buffer);
      res.once('close', done);
      send(res, buffer);
      return;
    }
    send(res, entry.body.rendered);
  });
}
