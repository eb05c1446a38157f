import type { PureCloudOrg } from '../options.js';

/**
 * The demo world: a partner (trustee) org trusted by two customer orgs, and an unrelated org.
 * Ids and secrets are fixed literals so docs, banners and scripts can name them.
 */
export const PARTNER_ORG_ID = '7d2f4c1e-5b8a-4e39-9a61-0c4e8f2b7a10';
export const CUSTOMER_A_ORG_ID = '3a9e6b52-1f4d-4c87-8e2a-6d5b9c0f1e21';
export const CUSTOMER_B_ORG_ID = 'b4c81d07-9e2f-4a65-b3d8-2f7a6e5c4d32';
export const UNRELATED_ORG_ID = 'e6f0a2b9-3c7d-4b18-9f54-8a1d2c3b4e43';

/** Everything a billing integration needs: usage, contracts, partner billing and its trustors. */
export const FULL_BILLING_PERMISSIONS = [
  'billing:*:*',
  'affiliateOrganization:clientBilling:view',
  'authorization:orgTrustor:view',
];

export const DEMO_ORGS: PureCloudOrg[] = [
  {
    id: PARTNER_ORG_ID,
    name: 'Northwind Partners',
    trustorOrgIds: [CUSTOMER_A_ORG_ID, CUSTOMER_B_ORG_ID],
    subscriptionType: 'PREPAY',
    users: 12,
    devices: 2,
    contracts: 5,
    clients: [
      {
        clientId: 'northwind-billing',
        clientSecret: 'northwind-billing-secret',
        name: 'Northwind billing integration',
        permissions: FULL_BILLING_PERMISSIONS,
      },
      {
        clientId: 'northwind-directory',
        clientSecret: 'northwind-directory-secret',
        name: 'Northwind directory sync (no billing permissions)',
        permissions: ['directory:user:view', 'routing:queue:view'],
      },
      {
        clientId: 'northwind-usage-reader',
        clientSecret: 'northwind-usage-reader-secret',
        name: 'Northwind usage reader (billing:subscription:read only)',
        permissions: ['billing:subscription:read'],
      },
      {
        clientId: 'northwind-web-app',
        clientSecret: 'northwind-web-app-secret',
        name: 'Northwind web app (code grant only)',
        permissions: FULL_BILLING_PERMISSIONS,
        grantTypes: ['authorization_code'],
      },
    ],
  },
  {
    id: CUSTOMER_A_ORG_ID,
    name: 'Contoso Health',
    subscriptionType: 'PREPAY_MONTHLY_COMMITMENT',
    tokenBased: true,
    users: 40,
    devices: 4,
    contracts: 5,
    clients: [
      {
        clientId: 'contoso-billing',
        clientSecret: 'contoso-billing-secret',
        name: 'Contoso billing integration',
        permissions: ['billing:*:*'],
      },
    ],
  },
  {
    id: CUSTOMER_B_ORG_ID,
    name: 'Fabrikam Retail',
    subscriptionType: 'MONTH_TO_MONTH',
    tokenBased: false,
    users: 25,
    devices: 3,
    contracts: 3,
    clients: [
      {
        clientId: 'fabrikam-billing',
        clientSecret: 'fabrikam-billing-secret',
        name: 'Fabrikam billing integration',
        permissions: ['billing:*:*'],
      },
    ],
  },
  {
    id: UNRELATED_ORG_ID,
    name: 'Tailspin Labs',
    subscriptionType: 'DEV_ORG_MONTH_TO_MONTH',
    users: 8,
    devices: 1,
    contracts: 2,
    clients: [
      {
        clientId: 'tailspin-billing',
        clientSecret: 'tailspin-billing-secret',
        name: 'Tailspin billing integration',
        permissions: FULL_BILLING_PERMISSIONS,
      },
    ],
  },
];
