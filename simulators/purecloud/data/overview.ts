import type { PureCloudOrg } from '../options.js';
import { periodCharges } from './billing.js';
import { centsToString } from './catalog.js';
import { formatDateTime, monthStart } from './dates.js';
import type { OrgHistory } from './history.js';

/**
 * The partner's view of a trustor org's billing period: the contract in force for that period,
 * its prepay quantities and prices, and usage quantities equal to the org's own billable usage
 * (licences, devices) and charges (metered, tokens) for the same period and cut-off.
 */
export function trusteeOverview(history: OrgHistory, index: number, now: number, cutoff: number) {
  const org: PureCloudOrg = history.org;
  const periodStart = monthStart(now, -index);
  const periodEndExclusive = monthStart(now, -index + 1);
  const contract = history.contractAt(periodStart);
  if (!contract) return undefined;
  const period = contract.periods.find((p) => p.start === periodStart)!;
  let minimumCents = 0;
  const charges = periodCharges(history, contract, period, Math.min(cutoff, periodEndExclusive));
  const usages = charges.map((charge) => {
    const { item } = charge;
    const p = item.product;
    minimumCents += item.prepaid * p.priceCents;
    return {
      name: p.name,
      partNumber: p.sku,
      grouping: p.grouping,
      unitOfMeasureType: p.unitOfMeasureType,
      usageQuantity: String(charge.actual),
      overagePrice: centsToString(p.overageCents),
      prepayQuantity: String(item.prepaid),
      prepayPrice: centsToString(p.priceCents),
      ...(p.kind === 'metered' && item.fairuse > 0
        ? {
            usageNotes: `${item.fairuse} ${p.unitOfMeasureType} included; usage above it is billed as overage.`,
          }
        : {}),
      isCancellable: p.kind === 'licence' || p.kind === 'device',
      bundleQuantity: '0',
      isThirdParty: p.isThirdParty,
    };
  });
  return {
    id: org.id,
    name: org.name,
    organization: { id: org.id, name: org.name },
    currency: 'USD',
    enabledProducts: contract.items.map((i) => i.product.enabledProduct),
    subscriptionType: history.subscriptionType,
    rampPeriodStartDate: formatDateTime(contract.start),
    rampPeriodEndDate: formatDateTime(contract.rampEndExclusive - 1000),
    // Period ends are reported to the second (the partner-billing sample shows `23:59:59Z`).
    billingPeriodStartDate: formatDateTime(periodStart),
    billingPeriodEndDate: formatDateTime(periodEndExclusive - 1000),
    usages,
    contractAmendmentDate: formatDateTime(contract.amendment),
    contractEffectiveDate: formatDateTime(contract.start),
    contractEndDate: formatDateTime(contract.endExclusive - 1000),
    minimumMonthlyAmount: centsToString(minimumCents),
    inRampPeriod: periodStart < contract.rampEndExclusive,
    selfUri: `/api/v2/billing/trusteebillingoverview/${org.id}`,
  };
}
