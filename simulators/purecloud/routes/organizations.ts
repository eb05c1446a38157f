import type { Request, Response, Router } from 'express';
import { authorize, PERMISSIONS } from '../auth.js';
import { organizationJson, trustorJson } from '../data/organizations.js';
import { apiError } from '../errors.js';
import { PAGE_LIMITS } from '../options.js';
import type { PureCloudState } from '../state.js';
import { trustedBy } from './overview.js';

/** What a trustor grants its partner [R]: client billing, the permission partner billing needs. */
const TRUST_PERMISSIONS = ['affiliateOrganization:clientBilling:view'];

/** A page-number parameter; its range is the contract's, checked before the route. */
function positiveParam(query: Record<string, unknown>, name: string, fallback: number): number {
  const raw = query[name] as string | undefined;
  return raw === undefined ? fallback : Number(raw);
}

/**
 * The caller's own organization and the orgs that trust it: how a partner pipeline learns its
 * own id and the trustor org ids it passes to trusteebillingoverview.
 */
export function organizationRoutes(router: Router, state: PureCloudState): void {
  const { kernel } = state;

  router.get('/api/v2/organizations/me', (_req: Request, res: Response) => {
    const caller = authorize(res, PERMISSIONS.none);
    res.json(organizationJson(kernel.data, state.org(caller.claims.orgId)!));
  });

  router.get('/api/v2/orgauthorization/trustors', (req: Request, res: Response) => {
    const caller = authorize(res, PERMISSIONS.trustors);
    const pageSize = positiveParam(req.query, 'pageSize', PAGE_LIMITS.trustors.pageSize);
    const pageNumber = positiveParam(req.query, 'pageNumber', 1);
    const trustorIds = (state.org(caller.claims.orgId)!.trustorOrgIds ?? []).filter((id) => state.org(id));
    const total = trustorIds.length;
    const pageCount = Math.ceil(total / pageSize);
    const uri = (n: number) => `/api/v2/orgauthorization/trustors?pageSize=${pageSize}&pageNumber=${n}`;
    const entities = trustorIds
      .slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
      .map((id) => trustorJson(kernel.data, state.history(id), TRUST_PERMISSIONS));
    res.json({
      entities,
      pageSize,
      pageNumber,
      total,
      firstUri: uri(1),
      selfUri: uri(pageNumber),
      ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
      ...(pageNumber > 1 ? { previousUri: uri(Math.min(pageNumber - 1, Math.max(1, pageCount))) } : {}),
      lastUri: uri(Math.max(1, pageCount)),
      pageCount,
    });
  });

  router.get('/api/v2/orgauthorization/trustors/:trustorOrgId', (req: Request, res: Response) => {
    const caller = authorize(res, PERMISSIONS.trustors);
    const trustorId = String(req.params.trustorOrgId);
    const trustor = trustedBy(state, caller.claims.orgId, trustorId);
    if (!trustor) {
      throw apiError(404, 'not.found', `Trust with organization ${trustorId} not found.`, {
        entityId: trustorId,
      });
    }
    res.json(trustorJson(kernel.data, state.history(trustor.id), TRUST_PERMISSIONS));
  });
}
