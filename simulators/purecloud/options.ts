import type { KernelOptions } from '../kernel/index.js';
import { DEMO_ORGS } from './fixtures.js';

/** Subscription types of TrusteeBillingOverview, spelled as the API sends them. */
export const SUBSCRIPTION_TYPES = [
  'ININ',
  'MONTH_TO_MONTH',
  'FREE_TRIAL_MONTH_TO_MONTH',
  'PREPAY_MONTHLY_COMMITMENT',
  'PREPAY',
  'DEV_ORG_MONTH_TO_MONTH',
  'DEV_ORG_PREPAY_MONTHLY_COMMITMENT',
  'DEV_ORG_PREPAY',
] as const;
export type SubscriptionType = (typeof SUBSCRIPTION_TYPES)[number];

/** A client-credentials OAuth client; its permissions are those of the role it was granted. */
export interface PureCloudClient {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Permission strings `domain:entity:action`; `*` matches any segment (`billing:*:*`). */
  permissions: string[];
  /** Grants the client may use. Default `['client_credentials']`. */
  grantTypes?: string[];
}

export interface PureCloudOrg {
  id: string;
  name: string;
  /** Orgs that trust this one (it is their trustee / partner). */
  trustorOrgIds?: string[];
  subscriptionType?: SubscriptionType;
  /** Licensed users in the billable-usage roster. Default 40. */
  users?: number;
  /** Billable devices (Edges) in the roster. Default 4. */
  devices?: number;
  /** Contracts listed by the preview contracts API. Default 5. */
  contracts?: number;
  clients: PureCloudClient[];
}

/** How long billable-usage generation takes: simulator ms, or a number of InProgress answers. */
export type GenerationTime = { ms: number } | { polls: number };

export interface PureCloudOptions extends KernelOptions {
  /** Orgs with their OAuth clients and trusts. Default: the demo set in fixtures.ts. */
  orgs?: PureCloudOrg[];
  /** Access-token lifetime in seconds (`expires_in`). Default 86399. */
  tokenLifetimeSeconds?: number;
  /** Billable-usage generation time. Default `{ ms: 10_000 }` of simulator time. */
  generation?: GenerationTime;
  /** Send the pre-2021 `inin-ratelimit-allowed/-count/-reset` headers. Default false. */
  legacyRateLimitHeaders?: boolean;
  /** HTTP status of OAuth `invalid_client`. Default 401. */
  invalidClientStatus?: 400 | 401;
  /** What trusteebillingoverview answers when no trust exists. Default 404 `not.found`. */
  noTrustError?: 'not-found' | 'forbidden';
  /** Page size of the preview listings when `pageSize` is absent. Default 25. */
  defaultPageSize?: number;
  /** Base of the invoice document links. Default `https://billing-documents.mypurecloud.com`. */
  documentBaseUrl?: string;
}

export interface ResolvedOptions {
  orgs: PureCloudOrg[];
  tokenLifetimeSeconds: number;
  generation: GenerationTime;
  legacyRateLimitHeaders: boolean;
  invalidClientStatus: 400 | 401;
  noTrustError: 'not-found' | 'forbidden';
  defaultPageSize: number;
  maxPageSize: number;
  documentBaseUrl: string;
}

export const DEFAULT_RATE_LIMIT = { kind: 'fixed-window', limit: 300, windowMs: 60_000 } as const;
export const DEFAULT_BODY_LIMIT = 512_000;
export const MAX_PAGE_SIZE = 200;

export function resolveOptions(options: PureCloudOptions): ResolvedOptions {
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 86_399;
  if (!(tokenLifetimeSeconds > 0)) throw new RangeError('tokenLifetimeSeconds must be > 0');
  const generation = options.generation ?? { ms: 10_000 };
  const amount = 'ms' in generation ? generation.ms : generation.polls;
  if (!(amount >= 0)) throw new RangeError('generation time must be >= 0');
  const defaultPageSize = options.defaultPageSize ?? 25;
  if (!(defaultPageSize >= 1 && defaultPageSize <= MAX_PAGE_SIZE))
    throw new RangeError(`defaultPageSize must be within 1..${MAX_PAGE_SIZE}`);
  return {
    orgs: options.orgs ?? DEMO_ORGS,
    tokenLifetimeSeconds,
    generation,
    legacyRateLimitHeaders: options.legacyRateLimitHeaders ?? false,
    invalidClientStatus: options.invalidClientStatus ?? 401,
    noTrustError: options.noTrustError ?? 'not-found',
    defaultPageSize,
    maxPageSize: MAX_PAGE_SIZE,
    documentBaseUrl: (options.documentBaseUrl ?? 'https://billing-documents.mypurecloud.com').replace(
      /\/+$/,
      '',
    ),
  };
}

/**
 * PureCloud's own options as JSON Schema (the kernel's are added by the plug-in composition,
 * `simulators/kernel/options-schema.ts`). The config file, `startSimulators` and the environment
 * are checked against it; `resolveOptions` above fills the defaults.
 */
export const OPTIONS_SCHEMA = {
  type: 'object',
  properties: {
    orgs: {
      type: 'array',
      minItems: 1,
      description: 'orgs with their OAuth clients and trusts (default: the demo set in fixtures.ts)',
      items: {
        type: 'object',
        required: ['id', 'name', 'clients'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          name: { type: 'string', minLength: 1 },
          trustorOrgIds: { type: 'array', items: { type: 'string', minLength: 1 } },
          subscriptionType: { enum: [...SUBSCRIPTION_TYPES] },
          users: { type: 'integer', minimum: 0, maximum: 100_000, default: 40 },
          devices: { type: 'integer', minimum: 0, maximum: 100_000, default: 4 },
          contracts: { type: 'integer', minimum: 0, maximum: 10_000, default: 5 },
          clients: {
            type: 'array',
            items: {
              type: 'object',
              required: ['clientId', 'clientSecret', 'name', 'permissions'],
              additionalProperties: false,
              properties: {
                clientId: { type: 'string', minLength: 1 },
                clientSecret: { type: 'string', minLength: 1 },
                name: { type: 'string' },
                permissions: { type: 'array', items: { type: 'string', minLength: 1 } },
                grantTypes: { type: 'array', items: { type: 'string', minLength: 1 } },
              },
            },
          },
        },
      },
    },
    tokenLifetimeSeconds: { type: 'integer', minimum: 1, maximum: 31_536_000, default: 86_399 },
    generation: {
      description: 'billable-usage generation: { ms } of simulator time or { polls } InProgress answers',
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
      properties: {
        ms: { type: 'integer', minimum: 0, maximum: 86_400_000 },
        polls: { type: 'integer', minimum: 0, maximum: 10_000 },
      },
      default: { ms: 10_000 },
    },
    legacyRateLimitHeaders: { type: 'boolean', default: false },
    invalidClientStatus: { enum: [400, 401], default: 401 },
    noTrustError: { enum: ['not-found', 'forbidden'], default: 'not-found' },
    defaultPageSize: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 25 },
    documentBaseUrl: {
      type: 'string',
      pattern: '^https?://',
      default: 'https://billing-documents.mypurecloud.com',
    },
  },
};
