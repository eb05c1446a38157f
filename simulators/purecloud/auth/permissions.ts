/**
 * Genesys permissions are `domain:entity:action`; roles may grant wildcards per segment
 * (`billing:*:*`). A grant with fewer segments covers everything below it.
 */
export function grants(granted: string, wanted: string): boolean {
  const g = granted.split(':');
  const w = wanted.split(':');
  for (let i = 0; i < w.length; i++) {
    const segment = g[i];
    if (segment === undefined) return g.length > 0 && g[g.length - 1] === '*';
    if (segment !== '*' && segment.toLowerCase() !== w[i]!.toLowerCase()) return false;
  }
  return true;
}

export function hasAny(granted: readonly string[], anyOf: readonly string[]): boolean {
  return anyOf.some((wanted) => granted.some((g) => grants(g, wanted)));
}

/** Permissions each operation requires (ANY of), as listed in the SDK's BillingApi docs. */
export const PERMISSIONS = {
  billableUsage: ['billing:subscription:read', 'billing:subscription:view'],
  trusteeOverview: ['affiliateOrganization:clientBilling:view'],
  contracts: ['billing:subscription:view'],
} as const;
