import type { SeededData } from '../../kernel/index.js';
import { formatDateTime, monthStart } from '../dates.js';
import { type PureCloudOrg, SUBSCRIPTION_TYPES } from '../options.js';
import { centsToString, OVERVIEW_ITEMS } from './catalog.js';

export interface SubscriptionOverviewUsage {
  name: string;
  partNumber: string;
  grouping: string;
  unitOfMeasureType: string;
  usageQuantity: string;
  overagePrice: string;
  prepayQuantity: string;
  prepayPrice: string;
  usageNotes?: string;
  isCancellable: boolean;
  bundleQuantity: string;
  isThirdParty: boolean;
}

export interface TrusteeBillingOverview {
  id: string;
  name: string;
  organization: { id: string; name: string };
  currency: string;
  enabledProducts: string[];
  subscriptionType: string;
  rampPeriodStartDate: string;
  rampPeriodEndDate: string;
  billingPeriodStartDate: string;
  billingPeriodEndDate: string;
  usages: SubscriptionOverviewUsage[];
  contractAmendmentDate: string;
  contractEffectiveDate: string;
  contractEndDate: string;
  minimumMonthlyAmount: string;
  inRampPeriod: boolean;
  selfUri: string;
}

/** The subscription behind an org's partner billing: a pure function of (seed, org). */
export function subscriptionTerms(data: SeededData, org: PureCloudOrg) {
  const rng = data.rng(`purecloud/org:${org.id}/subscription`);
  const effective = Date.UTC(2024, rng.int(0, 11), 1);
  const items = OVERVIEW_ITEMS.filter((_item, i) => i < 2 || rng.bool(0.6)).map((item) => ({
    item,
    prepay: item.grouping === 'storage' ? rng.int(50, 500) : rng.int(2, 60),
  }));
  return {
    effective,
    end: monthStart(effective, 36) - 1,
    rampEnd: monthStart(effective, 2) - 1,
    amendment: monthStart(effective, rng.int(3, 12)),
    subscriptionType: org.subscriptionType ?? rng.pick(SUBSCRIPTION_TYPES),
    items,
  };
}

/**
 * The overview for billing period `index` (0 = the open period containing `now`, 1 = the one
 * before, …), or undefined when that period is before the contract took effect.
 */
export function trusteeOverview(
  data: SeededData,
  org: PureCloudOrg,
  index: number,
  now: number,
): TrusteeBillingOverview | undefined {
  const terms = subscriptionTerms(data, org);
  const periodStart = monthStart(now, -index);
  if (periodStart < terms.effective) return undefined;
  // Period ends are reported to the second (the partner-billing sample shows `23:59:59Z`).
  const periodEnd = monthStart(now, -index + 1) - 1000;
  let minimumCents = 0;
  const usages = terms.items.map(({ item, prepay }) => {
    const rng = data.rng(`purecloud/org:${org.id}/overview:${periodStart}/${item.partNumber}`);
    const used = Math.max(0, prepay + rng.int(-Math.ceil(prepay / 3), Math.ceil(prepay / 2)));
    minimumCents += prepay * item.prepayCents;
    const usage: SubscriptionOverviewUsage = {
      name: item.name,
      partNumber: item.partNumber,
      grouping: item.grouping,
      unitOfMeasureType: item.unitOfMeasureType,
      usageQuantity: String(used),
      overagePrice: centsToString(item.overageCents),
      prepayQuantity: String(prepay),
      prepayPrice: centsToString(item.prepayCents),
      isCancellable: item.isCancellable,
      bundleQuantity: '0',
      isThirdParty: item.isThirdParty,
    };
    if (item.grouping === 'storage')
      usage.usageNotes = 'Storage above the fair-use allowance is billed as overage.';
    return usage;
  });
  return {
    id: org.id,
    name: org.name,
    organization: { id: org.id, name: org.name },
    currency: 'USD',
    enabledProducts: terms.items.map(({ item }) => item.product),
    subscriptionType: terms.subscriptionType,
    rampPeriodStartDate: formatDateTime(terms.effective),
    rampPeriodEndDate: formatDateTime(terms.rampEnd),
    billingPeriodStartDate: formatDateTime(periodStart),
    billingPeriodEndDate: formatDateTime(periodEnd),
    usages,
    contractAmendmentDate: formatDateTime(terms.amendment),
    contractEffectiveDate: formatDateTime(terms.effective),
    contractEndDate: formatDateTime(terms.end),
    minimumMonthlyAmount: centsToString(minimumCents),
    inRampPeriod: periodStart <= terms.rampEnd,
    selfUri: `/api/v2/billing/trusteebillingoverview/${org.id}`,
  };
}
