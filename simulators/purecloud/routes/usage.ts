import type { Request, Response, Router } from 'express';
import { BodyCache, type JobAdvance, sendRendered } from '../../kernel/index.js';
import { authorize } from '../auth/guard.js';
import { PERMISSIONS } from '../auth/permissions.js';
import { billableUsages } from '../data/usage.js';
import { formatDateTime } from '../dates.js';
import { apiError } from '../errors.js';
import type { PureCloudState } from '../state.js';
import { requiredDateTime } from './params.js';

const PATH = '/api/v2/billing/reports/billableusage';
const LIFECYCLE = { steps: ['InProgress'], success: 'Complete', failure: 'Failed' };

/**
 * The report is generated in the background: one kernel job per (org, startDate, endDate),
 * polled through the same GET. There is no job id on the wire, as in the real API.
 */
export function usageRoutes(router: Router, state: PureCloudState): void {
  const { kernel, options } = state;
  const advance: JobAdvance =
    'ms' in options.generation
      ? { kind: 'time', ms: options.generation.ms }
      : // `polls: N` means N InProgress answers; the kernel counts the completing poll too.
        { kind: 'polls', count: options.generation.polls + 1 };

  // A report is polled until Complete and then re-read; its body is a pure function of (seed,
  // org, range) and its status, so it is built and serialised once per status.
  const bodies = new BodyCache();
  state.onReset(() => bodies.clear());

  router.get(PATH, (req: Request, res: Response) => {
    const token = authorize(state.tokens, req, PERMISSIONS.billableUsage);
    const start = requiredDateTime(req.query, 'startDate');
    const end = requiredDateTime(req.query, 'endDate');
    if (start > end) throw apiError(400, 'invalid.value', 'startDate must be before endDate.');
    const org = state.org(token.orgId)!;
    const id = kernel.data.uuid(`purecloud/billableusage:${org.id}:${start}:${end}`);
    if (!kernel.jobs.get(id)) {
      kernel.jobs.create({
        kind: 'billableusage',
        id,
        tenant: org.id,
        lifecycle: LIFECYCLE,
        advance,
        data: {},
      });
    }
    const job = kernel.jobs.poll(id)!;
    if (job.failed) {
      // A failed generation is forgotten so that the next poll starts a fresh one.
      kernel.jobs.remove(id);
      throw apiError(500, 'internal.server.error', 'The billable usage report could not be generated.');
    }
    const body = bodies.get(id, job.state, () => {
      const startDate = formatDateTime(start);
      const endDate = formatDateTime(end);
      const query = new URLSearchParams({ startDate, endDate });
      return JSON.stringify({
        id,
        name: 'Billable usage',
        startDate,
        endDate,
        status: job.state,
        usages: job.terminal ? billableUsages(kernel.data, org, start, end) : [],
        selfUri: `${PATH}?${query.toString()}`,
      });
    });
    sendRendered(res, body);
  });
}
