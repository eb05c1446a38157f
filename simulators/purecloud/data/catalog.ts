/**
 * The one price book every view draws from: the same product has the same name, SKU (which is
 * also the partner-billing part number), unit and price in the billable-usage report, the
 * trustee overview, the preview contracts, the charges, the invoices and the wallets. Names
 * follow the charges on real Genesys Cloud invoices; SKUs and prices are placeholders, like the
 * sample in the partner-billing guide ("price values are for placement only").
 */

/**
 * How a product is counted:
 * - `licence`: per user holding it, observed in the billable-usage report;
 * - `device`: per device (Edge), observed in the billable-usage report;
 * - `metered`: a quantity per billing period (storage, API calls, messages);
 * - `token`: the wallet currency of token-based products;
 * - `converted`: metered usage that is paid in tokens (tokenConversionRate tokens per unit).
 */
export type ProductKind = 'licence' | 'device' | 'metered' | 'token' | 'converted';

export interface Product {
  sku: string;
  name: string;
  kind: ProductKind;
  /** SubscriptionOverviewUsage.grouping. */
  grouping: string;
  /** SubscriptionOverviewUsage.unitOfMeasureType. */
  unitOfMeasureType: string;
  /** BillingProduct.unitOfMeasure enum value. */
  unitOfMeasure: string;
  /** Price per unit in cents: prepaid and over commitment. */
  priceCents: number;
  overageCents: number;
  /** TrusteeBillingOverview.enabledProducts entry. */
  enabledProduct: string;
  isThirdParty: boolean;
  /** Tokens per unit of a `converted` product. */
  tokenConversionRate?: number;
}

function product(
  sku: string,
  name: string,
  kind: ProductKind,
  grouping: string,
  unitOfMeasureType: string,
  unitOfMeasure: string,
  priceCents: number,
  overageCents: number,
  enabledProduct: string,
  extra: Partial<Product> = {},
): Product {
  return {
    sku,
    name,
    kind,
    grouping,
    unitOfMeasureType,
    unitOfMeasure,
    priceCents,
    overageCents,
    enabledProduct,
    isThirdParty: false,
    ...extra,
  };
}

export const CATALOG: readonly Product[] = [
  product(
    'PC-170-NV-PCCX1',
    'Genesys Cloud CX 1',
    'licence',
    'user-license',
    'seat',
    'User',
    7500,
    9000,
    'PureCloud1Overage',
  ),
  product(
    'PC-170-NV-PCCX2',
    'Genesys Cloud CX 2',
    'licence',
    'user-license',
    'seat',
    'User',
    11000,
    13200,
    'PureCloud2Overage',
  ),
  product(
    'PC-170-NV-PCCX3',
    'Genesys Cloud CX 3',
    'licence',
    'user-license',
    'seat',
    'User',
    15500,
    18600,
    'PureCloud3Overage',
  ),
  product(
    'PC-170-NV-PCCOMM',
    'Genesys Cloud Communicate',
    'licence',
    'user-license',
    'seat',
    'User',
    3500,
    4200,
    'PureCloudCommunicateOverage',
  ),
  product(
    'PC-170-NV-DIG2',
    'Genesys Cloud CX 1 Digital Add-on II',
    'licence',
    'user-license',
    'seat',
    'User',
    2500,
    3000,
    'PureCloudDigitalAddOnOverage',
  ),
  product(
    'PC-170-NV-WEM1',
    'Genesys Cloud WEM Add-on I',
    'licence',
    'user-license',
    'seat',
    'User',
    2000,
    2400,
    'PureCloudWemAddOnOverage',
  ),
  product(
    'PC-170-NV-AVTEXINSY',
    'PureCloud for Avtex InteractionSync Add-on',
    'licence',
    'billable-app-usage-license',
    'seat',
    'User',
    1978,
    2374,
    'avtexDynamicsOverage',
    { isThirdParty: true },
  ),
  product(
    'PC-170-NV-EDGEVIRT',
    'Genesys Cloud Edge',
    'device',
    'device',
    'device',
    'Each',
    30000,
    36000,
    'PureCloudEdgeOverage',
  ),
  product(
    'PC-170-NV-STORAGE',
    'Recording Storage',
    'metered',
    'storage',
    'gigabyte',
    'GB',
    10,
    12,
    'PureCloudStorageOverage',
  ),
  product(
    'PC-170-NV-APIOVG',
    'API Overage',
    'metered',
    'resource',
    'transaction',
    'Transaction',
    1,
    1,
    'PureCloudApiOverage',
  ),
  product(
    'PC-170-NV-SMS',
    'SMS Messaging',
    'metered',
    'messaging-usage',
    'message',
    'Message',
    1,
    2,
    'PureCloudSmsOverage',
  ),
  product(
    'PC-170-NV-AIEXP',
    'Genesys Cloud AI Experience Tokens',
    'token',
    'billable-app-org-license',
    'token',
    'Token',
    100,
    120,
    'PureCloudAiExperienceTokens',
  ),
  product(
    'PC-170-NV-COPILOT',
    'Genesys Cloud Agent Copilot',
    'converted',
    'billable-app-usage-license',
    'conversation',
    'Conversation',
    0,
    0,
    'PureCloudAgentCopilot',
    { tokenConversionRate: 0.25 },
  ),
  product(
    'PC-170-NV-VBOT',
    'Genesys Cloud Virtual Agent',
    'converted',
    'billable-app-usage-license',
    'session',
    'Session',
    0,
    0,
    'PureCloudVirtualAgent',
    { tokenConversionRate: 0.5 },
  ),
];

export function bySku(sku: string): Product {
  const found = CATALOG.find((p) => p.sku === sku);
  if (!found) throw new Error(`no product ${sku}`);
  return found;
}

/** The base licences (one per user) and the add-ons some users carry on top. */
export const BASE_LICENCES = ['PC-170-NV-PCCX1', 'PC-170-NV-PCCX2', 'PC-170-NV-PCCX3', 'PC-170-NV-PCCOMM'];
export const ADD_ONS = ['PC-170-NV-DIG2', 'PC-170-NV-WEM1', 'PC-170-NV-AVTEXINSY'];
export const DEVICE = 'PC-170-NV-EDGEVIRT';
export const METERED = ['PC-170-NV-STORAGE', 'PC-170-NV-APIOVG', 'PC-170-NV-SMS'];
export const TOKENS = 'PC-170-NV-AIEXP';
export const CONVERTED = ['PC-170-NV-COPILOT', 'PC-170-NV-VBOT'];

/** `1234` cents → `"12.34"`: the string form partner billing uses for prices. */
export function centsToString(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Cents as a JSON number with at most two decimals (preview API amounts). */
export function centsToNumber(cents: number): number {
  return Math.round(cents) / 100;
}
