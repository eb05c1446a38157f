/**
 * Price book and licence names the generated data draws from. Names follow the charges on
 * real Genesys Cloud invoices; part numbers and prices are placeholders, like the sample in
 * the partner-billing guide ("price values are for placement only").
 */

/** Licence (charge) names of the billable-usage report, with the roster share of each. */
export const USER_LICENCES = [
  { name: 'Genesys Cloud CX 1', weight: 3 },
  { name: 'Genesys Cloud CX 2', weight: 4 },
  { name: 'Genesys Cloud CX 3', weight: 2 },
  { name: 'Genesys Cloud Communicate', weight: 1 },
] as const;

/** Add-ons some users carry on top of their licence. */
export const USER_ADD_ONS = ['Genesys Cloud CX 1 Digital Add-on II', 'Genesys Cloud WEM Add-on I'] as const;

export const DEVICE_CHARGE = 'Genesys Cloud Edge';

export interface OverviewItem {
  name: string;
  partNumber: string;
  grouping: string;
  unitOfMeasureType: string;
  /** Price per unit in cents: prepaid and over commitment. */
  prepayCents: number;
  overageCents: number;
  product: string;
  isThirdParty: boolean;
  isCancellable: boolean;
}

/** Partner-billing usages (SubscriptionOverviewUsage) and the enabledProducts they imply. */
export const OVERVIEW_ITEMS: readonly OverviewItem[] = [
  item('Genesys Cloud CX 1', 'PC-170-NV-PCCX1', 'user-license', 'seat', 7500, 9000, 'PureCloud1Overage'),
  item('Genesys Cloud CX 2', 'PC-170-NV-PCCX2', 'user-license', 'seat', 11000, 13200, 'PureCloud2Overage'),
  item('Genesys Cloud CX 3', 'PC-170-NV-PCCX3', 'user-license', 'seat', 15500, 18600, 'PureCloud3Overage'),
  item(
    'Genesys Cloud Communicate',
    'PC-170-NV-PCCOMM',
    'user-license',
    'seat',
    3500,
    4200,
    'PureCloudCommunicateOverage',
  ),
  {
    ...item(
      'PureCloud for Avtex InteractionSync Add-on',
      'PC-170-NV-AVTEXINSY',
      'billable-app-usage-license',
      'seat',
      1978,
      2374,
      'avtexDynamicsOverage',
    ),
    isThirdParty: true,
  },
  item('Genesys Cloud Edge', 'PC-170-NV-EDGEVIRT', 'device', 'device', 30000, 36000, 'PureCloudEdgeOverage'),
  item('Recording Storage', 'PC-170-NV-STORAGE', 'storage', 'gigabyte', 10, 12, 'PureCloudStorageOverage'),
];

function item(
  name: string,
  partNumber: string,
  grouping: string,
  unitOfMeasureType: string,
  prepayCents: number,
  overageCents: number,
  product: string,
): OverviewItem {
  return {
    name,
    partNumber,
    grouping,
    unitOfMeasureType,
    prepayCents,
    overageCents,
    product,
    isThirdParty: false,
    isCancellable: grouping !== 'storage',
  };
}

export interface ContractProduct {
  sku: string;
  name: string;
  /** BillingProduct.unitOfMeasure enum value. */
  unitOfMeasure: string;
  priceCents: number;
  overageCents: number;
  /** Usage-metered products get a fair-use allowance and no prepaid quantity. */
  metered: boolean;
}

/** Products of the preview contract / invoice API. */
export const CONTRACT_PRODUCTS: readonly ContractProduct[] = [
  {
    sku: 'GC-170-NV-CX1',
    name: 'Genesys Cloud CX 1',
    unitOfMeasure: 'User',
    priceCents: 7500,
    overageCents: 9000,
    metered: false,
  },
  {
    sku: 'GC-170-NV-CX2',
    name: 'Genesys Cloud CX 2',
    unitOfMeasure: 'User',
    priceCents: 11000,
    overageCents: 13200,
    metered: false,
  },
  {
    sku: 'GC-170-NV-CX3',
    name: 'Genesys Cloud CX 3',
    unitOfMeasure: 'User',
    priceCents: 15500,
    overageCents: 18600,
    metered: false,
  },
  {
    sku: 'GC-170-NV-AIEXP',
    name: 'Genesys Cloud AI Experience Tokens',
    unitOfMeasure: 'Token',
    priceCents: 100,
    overageCents: 120,
    metered: true,
  },
  {
    sku: 'GC-170-NV-APIOVG',
    name: 'API Overage',
    unitOfMeasure: 'Transaction',
    priceCents: 1,
    overageCents: 1,
    metered: true,
  },
  {
    sku: 'GC-170-NV-STOR',
    name: 'Recording Storage',
    unitOfMeasure: 'GB',
    priceCents: 10,
    overageCents: 12,
    metered: true,
  },
  {
    sku: 'GC-170-NV-SMS',
    name: 'SMS Messaging',
    unitOfMeasure: 'Message',
    priceCents: 1,
    overageCents: 2,
    metered: true,
  },
  {
    sku: 'GC-170-NV-EDGE',
    name: 'Genesys Cloud Edge',
    unitOfMeasure: 'Each',
    priceCents: 30000,
    overageCents: 36000,
    metered: false,
  },
];

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
