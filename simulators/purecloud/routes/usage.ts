import type { Request, Response, Router } from 'express';
import type { JobAdvance } from '../../kernel/index.js';
import { authorize } from '../auth/guard.js';
import { PERMISSIONS } from '../auth/permissions.js';
import { billableUsages } from '../data/usage.js';
import { formatDateTime } from '../dates.js';
import { apiError } from '../errors.js';
import type { PureCloudState } from '../state.js';
import { requiredDateTime } from './params.js';

const PATH = '/api/v2/billing/reports/billableusage';
const LIFECYCLE = { steps: ['InProgress'], success: 'Complete', failure: 'Failed' };

/** The finished report, computed once: it is a pure function of (seed, org, range). */
interface UsageJobData {
  usages?: ReturnType<typeof billableUsages>;
}

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
        data: {} satisfies UsageJobData,
      });
    }
    const job = kernel.jobs.poll<UsageJobData>(id)!;
    if (job.failed) {
      // A failed generation is forgotten so that the next poll starts a fresh one.
      kernel.jobs.remove(id);
      throw apiError(500, 'internal.server.error', 'The billable usage report could not be generated.');
    }
    if (job.terminal && !job.data.usages) job.data.usages = billableUsages(kernel.data, org, start, end);
    const startDate = formatDateTime(start);
    const endDate = formatDateTime(end);
    const query = new URLSearchParams({ startDate, endDate });
    res.json({
      id,
      name: 'Billable usage',
      startDate,
      endDate,
      status: job.state,
      usages: job.data.usages ?? [],
      selfUri: `${PATH}?${query.toString()}`,
    });
  });
}
