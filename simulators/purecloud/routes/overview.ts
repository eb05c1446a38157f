import type { Request, Response, Router } from 'express';
import type { components } from '../../../contracts/generated/purecloud.js';
import { authorize, PERMISSIONS } from '../auth.js';
import { trusteeOverview } from '../data/overview.js';
import { apiError } from '../errors.js';
import type { PureCloudState } from '../state.js';

/** Partner billing: only a trustee org with a trust from the trustor org sees its overview. */
export function overviewRoutes(router: Router, state: PureCloudState): void {
  router.get('/api/v2/billing/trusteebillingoverview/:trustorOrgId', (req: Request, res: Response) => {
    const caller = authorize(res, PERMISSIONS.trusteeOverview);
    // 0..9999 by the contract, checked before the route.
    const raw = req.query.billingPeriodIndex as string | undefined;
    const index = raw === undefined ? 0 : Number(raw);
    const trustorId = String(req.params.trustorOrgId);
    const trustee = state.org(caller.claims.orgId)!;
    const trustor = trustedBy(state, trustee.id, trustorId);
    if (!trustor) {
      if (state.options.noTrustError === 'forbidden') {
        throw apiError(
          403,
          'missing.permissions',
          `Unable to perform the requested action. Organization ${trustee.id} has no trust with organization ${trustorId}.`,
        );
      }
      throw apiError(404, 'not.found', `Trust with organization ${trustorId} not found.`, {
        entityId: trustorId,
      });
    }
    const now = state.kernel.clock.now();
    const overview = trusteeOverview(state.history(trustor.id), index, now, state.cutoffAt(now));
    if (!overview) {
      throw apiError(
        404,
        'not.found',
        `No billing period with index ${index} for organization ${trustorId}.`,
      );
    }
    res.json(overview satisfies components['schemas']['TrusteeBillingOverview']);
  });
}

/** The trustor org when `trusteeId` is trusted by it. */
export function trustedBy(state: PureCloudState, trusteeId: string, trustorId: string) {
  const trustee = state.org(trusteeId);
  const trustor = state.org(trustorId);
  return trustor && (trustee?.trustorOrgIds ?? []).includes(trustor.id) ? trustor : undefined;
}
