import type { KernelOptions } from '../kernel/index.js';
import { DEMO_ORGS } from './data/demo-orgs.js';
import type { PureCloudData } from './data/golden.js';

export { DATA_SCHEMA, type PureCloudData } from './data/golden.js';

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
  /** Consecutive contracts in the org's history (the first starts in 2024). Default 5. */
  contracts?: number;
  /** Has the token-based products (AI Experience tokens wallet). Default: drawn from the seed. */
  tokenBased?: boolean;
  clients: PureCloudClient[];
}

/** How long billable-usage generation takes: simulator ms, or a number of InProgress answers. */
export type GenerationTime = { ms: number } | { polls: number };

export interface PureCloudOptions extends KernelOptions {
  /** Golden data: exact facts in the orgs' histories (docs/purecloud.md, "Golden data"). */
  data?: PureCloudData;
  /** Orgs with their OAuth clients and trusts. Default: the demo set in data/demo-orgs.ts. */
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
  /**
   * The billable-usage data cut-off [R]: `previous-day` (default; Genesys documents that the data
   * covers usage up to the previous day) or `generation` (everything observed up to the instant
   * the report is generated). A report is never later than its generation instant either way.
   */
  usageCutoff?: 'previous-day' | 'generation';
  /** Billable-usage reports remembered (LRU; the oldest is forgotten with its job). Default 256. */
  maxReports?: number;
  /** Bytes of rendered report bodies kept (LRU; evicted ones are rendered again). Default 8 MiB. */
  maxReportBytes?: number;
  /** Lifetime of a signed invoice-document link, in seconds. Default 300 [R]. */
  documentLinkSeconds?: number;
  /**
   * Origin of the invoice-document links. Default: the origin the request came in on, so the
   * simulator serves the PDFs itself (`/documents/invoices/{id}.pdf`).
   */
  documentBaseUrl?: string;
}

export interface ResolvedOptions {
  orgs: PureCloudOrg[];
  tokenLifetimeSeconds: number;
  generation: GenerationTime;
  legacyRateLimitHeaders: boolean;
  invalidClientStatus: 400 | 401;
  noTrustError: 'not-found' | 'forbidden';
  usageCutoff: 'previous-day' | 'generation';
  maxReports: number;
  maxReportBytes: number;
  documentLinkSeconds: number;
  documentBaseUrl: string | undefined;
}

export const DEFAULT_RATE_LIMIT = { kind: 'fixed-window', limit: 300, windowMs: 60_000 } as const;
export const DEFAULT_BODY_LIMIT = 512_000;

/**
 * Page sizes of the preview listings as SDK 262 documents them ("Maximum of 10" for contracts,
 * "Maximum of 200" for invoices and lines); the defaults when `pageSize` is absent are [R].
 */
export const PAGE_LIMITS = {
  contracts: { pageSize: 10, maxPageSize: 10 },
  invoices: { pageSize: 25, maxPageSize: 200 },
  lines: { pageSize: 25, maxPageSize: 200 },
  /** Page-number listings (trustors): SDK default 25; the maximum of 100 is [R]. */
  trustors: { pageSize: 25, maxPageSize: 100 },
} as const;

function positive(name: string, value: number): number {
  if (!(Number.isInteger(value) && value > 0)) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

export function resolveOptions(options: PureCloudOptions): ResolvedOptions {
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 86_399;
  if (!(tokenLifetimeSeconds > 0)) throw new RangeError('tokenLifetimeSeconds must be > 0');
  const generation = options.generation ?? { ms: 10_000 };
  const amount = 'ms' in generation ? generation.ms : generation.polls;
  if (!(amount >= 0)) throw new RangeError('generation time must be >= 0');
  const usageCutoff = options.usageCutoff ?? 'previous-day';
  if (usageCutoff !== 'previous-day' && usageCutoff !== 'generation')
    throw new RangeError("usageCutoff must be 'previous-day' or 'generation'");
  return {
    orgs: options.orgs ?? DEMO_ORGS,
    tokenLifetimeSeconds,
    generation,
    legacyRateLimitHeaders: options.legacyRateLimitHeaders ?? false,
    invalidClientStatus: options.invalidClientStatus ?? 401,
    noTrustError: options.noTrustError ?? 'not-found',
    usageCutoff,
    maxReports: positive('maxReports', options.maxReports ?? 256),
    maxReportBytes: positive('maxReportBytes', options.maxReportBytes ?? 8 * 1024 * 1024),
    documentLinkSeconds: positive('documentLinkSeconds', options.documentLinkSeconds ?? 300),
    documentBaseUrl: options.documentBaseUrl?.replace(/\/+$/, ''),
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
      description: 'orgs with their OAuth clients and trusts (default: the demo set in data/demo-orgs.ts)',
      items: {
        type: 'object',
        required: ['id', 'name', 'clients'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          name: { type: 'string', minLength: 1 },
          trustorOrgIds: { type: 'array', items: { type: 'string', minLength: 1 } },
          subscriptionType: { enum: [...SUBSCRIPTION_TYPES] },
          users: { type: 'integer', minimum: 0, maximum: 500_000, default: 40 },
          devices: { type: 'integer', minimum: 0, maximum: 100_000, default: 4 },
          contracts: { type: 'integer', minimum: 1, maximum: 100, default: 5 },
          tokenBased: {
            type: 'boolean',
            description: 'has the token-based products and a token wallet (default: drawn from the seed)',
          },
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
    usageCutoff: {
      description:
        "billable-usage data cut-off: end of the previous day (Genesys's documented behaviour) or the generation instant",
      enum: ['previous-day', 'generation'],
      default: 'previous-day',
    },
    maxReports: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 256 },
    maxReportBytes: { type: 'integer', minimum: 1, maximum: 4_294_967_296, default: 8_388_608 },
    documentLinkSeconds: { type: 'integer', minimum: 1, maximum: 31_536_000, default: 300 },
    documentBaseUrl: {
      description: 'origin of the invoice-document links (default: the origin the request came in on)',
      type: 'string',
      pattern: '^https?://',
    },
  },
};
