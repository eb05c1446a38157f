import type { KernelOptions } from '../kernel/index.js';
import { kindVariants } from '../kernel/options-schema.js';
import { GOLDEN_PARTNERS_SCHEMA, type GoldenPartner } from './data/golden.js';

/** OAuth scopes of the billing report APIs [C]. */
export const SCOPES = {
  wholesaleRead: 'spark-admin:wholesale_billing_reports_read',
  wholesaleWrite: 'spark-admin:wholesale_billing_reports_write',
  broadworksRead: 'spark-admin:broadworks_billing_reports_read',
  broadworksWrite: 'spark-admin:broadworks_billing_reports_write',
} as const;

export type WebexScope = (typeof SCOPES)[keyof typeof SCOPES];

export interface WebexToken {
  /** The bearer token a client sends (`Authorization: Bearer <token>`). */
  token: string;
  scopes: string[];
  /** The partner administrator behind the token; `createdBy` of the reports it creates. */
  personUuid: string;
  /** Shown in the banner only. */
  label?: string;
}

export interface WebexSubPartner {
  name: string;
  orgUuid: string;
}

export interface WebexPartner {
  name: string;
  /** The partner organization's uuid (`ciscospark://us/ORGANIZATION/<uuid>`). */
  orgUuid: string;
  subPartners?: WebexSubPartner[];
  tokens: WebexToken[];
}

/** How a report moves from IN_PROGRESS to COMPLETED/FAILED (see the kernel job engine). */
export type WebexGeneration =
  | { kind: 'time'; ms: number }
  | { kind: 'polls'; count: number }
  | { kind: 'immediate' }
  | { kind: 'manual' };

export interface WebexDataSizes {
  /** Customers per partner, inclusive range drawn from the seed. Default [6, 12]. */
  customers?: [number, number];
  /** Users per customer, inclusive range drawn from the seed. Default [3, 30]. */
  usersPerCustomer?: [number, number];
}

/** The `data:` section: the seeded world's sizes and the golden customers pinned over it. */
export interface WebexData extends WebexDataSizes {
  /** Customers each partner has for certain, with their packages per day (docs/webex.md). */
  partners?: GoldenPartner[];
}

/** An OAuth integration registered with the simulator (client credentials + the admin who authorized it). */
export interface WebexIntegration {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The partner organization whose administrator authorized it. */
  partnerOrgUuid: string;
  /** That administrator (`createdBy` of the reports its tokens create). */
  personUuid: string;
  scopes: string[];
  /**
   * A demo refresh token that never expires (like the demo access tokens): the refresh grant
   * accepts it and answers with signed, expiring tokens. Optional.
   */
  demoRefreshToken?: string;
}

export interface WebexOptions extends KernelOptions {
  /** Partner organizations, their sub-partners and non-expiring demo bearer tokens. Default: DEMO_PARTNERS. */
  partners?: WebexPartner[];
  /** OAuth integrations for `POST /v1/access_token`. Default: DEMO_INTEGRATIONS (one, for Acme). */
  integrations?: WebexIntegration[];
  /** [R] Lifetime of an access token from `/v1/access_token`, simulator seconds. Default 1209600 (14 days). */
  accessTokenLifetimeSeconds?: number;
  /** [R] Lifetime of a refresh token, renewed by each refresh. Default 7776000 (90 days). */
  refreshTokenLifetimeSeconds?: number;
  /** Report generation: simulator time or GET polls until the report finishes. Default 30 s. */
  generation?: WebexGeneration;
  /** Share of new reports that end FAILED, 0..1, drawn from the seed per report. Default 0. */
  failureRate?: number;
  /**
   * Scenario option (an invented rule, off by default: Cisco documents no 409 for billing
   * reports): 409 when a report with the same parameters is IN_PROGRESS or COMPLETED. Turn it on
   * to reproduce clients that treat 409 as "it exists".
   */
  duplicateCreate409?: boolean;
  /**
   * Scenario option (an invented rule, off by default: Cisco documents no 423 for billing
   * reports): 423 Locked with Retry-After when deleting an IN_PROGRESS report.
   */
  lockDeleteInProgress423?: boolean;
  /** Retry-After of that 423. Default: the remaining generation time (time mode), else 10 s. */
  lockRetryAfterSeconds?: number;
  /** Lifetime of a tempDownloadURL, in seconds, counted from the GET that returned it. Default 3600. */
  downloadUrlTtlSeconds?: number;
  /**
   * Public origin (and optional path prefix) put in tempDownloadURL, e.g. when a proxy fronts the
   * download host: `https://files.example.test/reports`. Default: the download listener's own URL.
   */
  downloadBaseUrl?: string;
  /** The download host's own listener (the CloudFront stand-in). */
  downloads?: WebexDownloadHostOptions;
  /** Key-Pair-Id put in download URLs. Default: derived from the seed. */
  keyPairId?: string;
  /** The world behind the CSV reports: seeded sizes and golden (pinned) customers. */
  data?: WebexData;
}

export interface WebexDownloadHostOptions {
  /** Listen address. Default: the API's. */
  host?: string;
  /** Port. Default 8403 (0 when the API's port is 0: a free one). */
  port?: number;
  /** HTTPS with the shipped localhost certificate (`true`) or your PEMs. Default: plain http, like the API. */
  tls?: boolean | { cert: string; key: string };
}

const ALL_SCOPES = Object.values(SCOPES);

/** Two partner organizations so tenancy can be exercised, one token per useful scope combination. */
export const DEMO_PARTNERS: WebexPartner[] = [
  {
    name: 'Acme Telecom',
    orgUuid: '1eb65fdf-9643-417f-9974-ad72cae0e10f',
    subPartners: [{ name: 'Acme Reseller North', orgUuid: '52cf576d-60a8-407a-b22c-467c51591908' }],
    tokens: [
      {
        token: 'acme-all-scopes',
        scopes: [...ALL_SCOPES],
        personUuid: '0acd3875-4e12-4d77-b981-e389fd8846c0',
        label: 'all four billing scopes',
      },
      {
        token: 'acme-wholesale-rw',
        scopes: [SCOPES.wholesaleRead, SCOPES.wholesaleWrite],
        personUuid: '7b1c2f10-3c1e-4d2a-9a55-5c2b1d3e4f01',
        label: 'wholesale read + write',
      },
      {
        token: 'acme-wholesale-ro',
        scopes: [SCOPES.wholesaleRead],
        personUuid: '7b1c2f10-3c1e-4d2a-9a55-5c2b1d3e4f02',
        label: 'wholesale read only',
      },
      {
        token: 'acme-wholesale-wo',
        scopes: [SCOPES.wholesaleWrite],
        personUuid: '7b1c2f10-3c1e-4d2a-9a55-5c2b1d3e4f03',
        label: 'wholesale write only',
      },
      {
        token: 'acme-broadworks-rw',
        scopes: [SCOPES.broadworksRead, SCOPES.broadworksWrite],
        personUuid: '7b1c2f10-3c1e-4d2a-9a55-5c2b1d3e4f04',
        label: 'BroadWorks read + write',
      },
      {
        token: 'acme-broadworks-ro',
        scopes: [SCOPES.broadworksRead],
        personUuid: '7b1c2f10-3c1e-4d2a-9a55-5c2b1d3e4f05',
        label: 'BroadWorks read only',
      },
      {
        token: 'acme-no-scopes',
        scopes: [],
        personUuid: '7b1c2f10-3c1e-4d2a-9a55-5c2b1d3e4f06',
        label: 'no billing scope (403 everywhere)',
      },
    ],
  },
  {
    name: 'Globex Communications',
    orgUuid: '9f2d1c3b-7a6e-4b5d-8c4f-3e2a1b0c9d8e',
    subPartners: [],
    tokens: [
      {
        token: 'globex-all-scopes',
        scopes: [...ALL_SCOPES],
        personUuid: 'c3d4e5f6-a7b8-49c0-8d1e-2f3a4b5c6d7e',
        label: 'all four billing scopes',
      },
    ],
  },
];

/** The demo integration: Acme's partner administrator authorized it with all four billing scopes. */
export const DEMO_INTEGRATIONS: WebexIntegration[] = [
  {
    clientId: 'C0billingsimdemo0acme0integration',
    clientSecret: 'billing-sim-demo-client-secret',
    redirectUri: 'http://localhost:8080/callback',
    partnerOrgUuid: '1eb65fdf-9643-417f-9974-ad72cae0e10f',
    personUuid: '0acd3875-4e12-4d77-b981-e389fd8846c0',
    scopes: [...ALL_SCOPES],
    demoRefreshToken: 'acme-demo-refresh-token',
  },
];

export interface ResolvedWebexOptions {
  partners: WebexPartner[];
  integrations: WebexIntegration[];
  accessTokenLifetimeSeconds: number;
  refreshTokenLifetimeSeconds: number;
  generation: WebexGeneration;
  failureRate: number;
  duplicateCreate409: boolean;
  lockDeleteInProgress423: boolean;
  lockRetryAfterSeconds: number | undefined;
  downloadUrlTtlSeconds: number;
  downloadBaseUrl: string | undefined;
  downloads: { host: string | undefined; port: number; tls: false | true | { cert: string; key: string } };
  keyPairId: string | undefined;
  data: Required<WebexDataSizes>;
}

export const WEBEX_DEFAULTS = {
  generation: { kind: 'time', ms: 30_000 } as WebexGeneration,
  failureRate: 0,
  duplicateCreate409: false,
  lockDeleteInProgress423: false,
  downloadUrlTtlSeconds: 3600,
  downloadPort: 8403,
  accessTokenLifetimeSeconds: 14 * 86_400,
  refreshTokenLifetimeSeconds: 90 * 86_400,
  data: { customers: [6, 12], usersPerCustomer: [3, 30] } as Required<WebexDataSizes>,
  rateLimit: { kind: 'fixed-window', limit: 300, windowMs: 60_000 } as const,
  bodyLimitBytes: 64 * 1024,
};

function range(name: string, value: [number, number] | undefined, fallback: [number, number]) {
  if (value === undefined) return fallback;
  const [min, max] = value;
  if (!Array.isArray(value) || !Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) {
    throw new RangeError(`webex option ${name} must be [min, max] integers with 0 ≤ min ≤ max`);
  }
  return [min, max] as [number, number];
}

function resolveDownloads(d: WebexDownloadHostOptions | undefined): ResolvedWebexOptions['downloads'] {
  const port = d?.port ?? WEBEX_DEFAULTS.downloadPort;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError('webex option downloads.port must be an integer port (0 = a free one)');
  const tls = d?.tls ?? false;
  if (typeof tls === 'object' && (typeof tls.cert !== 'string' || typeof tls.key !== 'string'))
    throw new RangeError('webex option downloads.tls must be true, false or {cert, key} PEMs');
  return { host: d?.host, port, tls };
}

/** The seeded sizes of a `data:` section, defaults filled. */
export function resolveSizes(data: WebexDataSizes | undefined): Required<WebexDataSizes> {
  return {
    customers: range('data.customers', data?.customers, WEBEX_DEFAULTS.data.customers),
    usersPerCustomer: range(
      'data.usersPerCustomer',
      data?.usersPerCustomer,
      WEBEX_DEFAULTS.data.usersPerCustomer,
    ),
  };
}

/** Checks the options a person wrote (config file) and fills the defaults. */
export function resolveOptions(options: WebexOptions): ResolvedWebexOptions {
  const failureRate = options.failureRate ?? WEBEX_DEFAULTS.failureRate;
  if (!(failureRate >= 0 && failureRate <= 1))
    throw new RangeError('webex option failureRate must be in [0, 1]');
  const ttl = options.downloadUrlTtlSeconds ?? WEBEX_DEFAULTS.downloadUrlTtlSeconds;
  if (!(ttl > 0)) throw new RangeError('webex option downloadUrlTtlSeconds must be > 0');
  const generation = options.generation ?? WEBEX_DEFAULTS.generation;
  if (!['time', 'polls', 'immediate', 'manual'].includes(generation.kind)) {
    throw new RangeError('webex option generation.kind must be time, polls, immediate or manual');
  }
  const partners = options.partners ?? DEMO_PARTNERS;
  const seen = new Set<string>();
  for (const p of partners) {
    for (const t of p.tokens) {
      if (seen.has(t.token)) throw new RangeError(`webex token "${t.token}" is configured twice`);
      seen.add(t.token);
    }
  }
  const integrations = options.integrations ?? DEMO_INTEGRATIONS;
  for (const i of integrations) {
    if (!partners.some((p) => p.orgUuid === i.partnerOrgUuid))
      throw new RangeError(`webex integration "${i.clientId}": partnerOrgUuid is not one of the partners`);
  }
  const lifetime = (name: 'accessTokenLifetimeSeconds' | 'refreshTokenLifetimeSeconds') => {
    const v = options[name] ?? WEBEX_DEFAULTS[name];
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`webex option ${name} must be > 0`);
    return v;
  };
  return {
    partners,
    integrations,
    accessTokenLifetimeSeconds: lifetime('accessTokenLifetimeSeconds'),
    refreshTokenLifetimeSeconds: lifetime('refreshTokenLifetimeSeconds'),
    generation,
    failureRate,
    duplicateCreate409: options.duplicateCreate409 ?? WEBEX_DEFAULTS.duplicateCreate409,
    lockDeleteInProgress423: options.lockDeleteInProgress423 ?? WEBEX_DEFAULTS.lockDeleteInProgress423,
    lockRetryAfterSeconds: options.lockRetryAfterSeconds,
    downloadUrlTtlSeconds: ttl,
    downloadBaseUrl: options.downloadBaseUrl?.replace(/\/+$/, ''),
    downloads: resolveDownloads(options.downloads),
    keyPairId: options.keyPairId,
    data: resolveSizes(options.data),
  };
}

const sizeRange = {
  type: 'array',
  prefixItems: [
    { type: 'integer', minimum: 0, maximum: 100_000 },
    { type: 'integer', minimum: 0, maximum: 100_000 },
  ],
  minItems: 2,
  maxItems: 2,
  description: '[min, max], inclusive',
};

/**
 * Webex's own options as JSON Schema (the kernel's are added by the plug-in composition,
 * `simulators/kernel/options-schema.ts`); `resolveOptions` above fills the defaults.
 */
export const OPTIONS_SCHEMA = {
  type: 'object',
  properties: {
    partners: {
      type: 'array',
      minItems: 1,
      description: 'partner organizations, sub-partners and bearer tokens (default: DEMO_PARTNERS)',
      items: {
        type: 'object',
        required: ['name', 'orgUuid', 'tokens'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          orgUuid: { type: 'string', minLength: 1 },
          subPartners: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'orgUuid'],
              additionalProperties: false,
              properties: { name: { type: 'string' }, orgUuid: { type: 'string', minLength: 1 } },
            },
          },
          tokens: {
            type: 'array',
            items: {
              type: 'object',
              required: ['token', 'scopes', 'personUuid'],
              additionalProperties: false,
              properties: {
                token: { type: 'string', minLength: 1 },
                scopes: { type: 'array', items: { type: 'string' } },
                personUuid: { type: 'string', minLength: 1 },
                label: { type: 'string' },
              },
            },
          },
        },
      },
    },
    generation: {
      description:
        'report generation: kind time needs ms, polls needs count; immediate and manual take nothing else',
      type: 'object',
      required: ['kind'],
      properties: {
        kind: { enum: ['time', 'polls', 'immediate', 'manual'] },
        ms: { type: 'integer', minimum: 0, maximum: 86_400_000 },
        count: { type: 'integer', minimum: 0, maximum: 10_000 },
      },
      allOf: kindVariants({
        time: { required: ['ms'] },
        polls: { required: ['count'] },
        immediate: {},
        manual: {},
      }),
      default: WEBEX_DEFAULTS.generation,
    },
    failureRate: { type: 'number', minimum: 0, maximum: 1, default: WEBEX_DEFAULTS.failureRate },
    duplicateCreate409: { type: 'boolean', default: WEBEX_DEFAULTS.duplicateCreate409 },
    lockDeleteInProgress423: { type: 'boolean', default: WEBEX_DEFAULTS.lockDeleteInProgress423 },
    lockRetryAfterSeconds: { type: 'integer', minimum: 0, maximum: 86_400 },
    downloadUrlTtlSeconds: {
      type: 'integer',
      minimum: 1,
      maximum: 604_800,
      default: WEBEX_DEFAULTS.downloadUrlTtlSeconds,
    },
    downloadBaseUrl: { type: 'string', pattern: '^https?://' },
    downloads: {
      type: 'object',
      additionalProperties: false,
      description: 'the download host listener (the CloudFront stand-in): host, port, tls',
      properties: {
        host: { type: 'string', minLength: 1 },
        port: { type: 'integer', minimum: 0, maximum: 65_535, default: WEBEX_DEFAULTS.downloadPort },
        tls: {
          description:
            'true: the shipped localhost certificate; or {cert, key} PEMs; default false (plain http)',
          anyOf: [
            { type: 'boolean' },
            {
              type: 'object',
              required: ['cert', 'key'],
              additionalProperties: false,
              properties: { cert: { type: 'string' }, key: { type: 'string' } },
            },
          ],
          default: false,
        },
      },
    },
    integrations: {
      type: 'array',
      description: 'OAuth integrations for /v1/access_token (default: DEMO_INTEGRATIONS)',
      items: {
        type: 'object',
        required: ['clientId', 'clientSecret', 'redirectUri', 'partnerOrgUuid', 'personUuid', 'scopes'],
        additionalProperties: false,
        properties: {
          clientId: { type: 'string', minLength: 1 },
          clientSecret: { type: 'string', minLength: 1 },
          redirectUri: { type: 'string', pattern: '^https?://' },
          partnerOrgUuid: { type: 'string', minLength: 1 },
          personUuid: { type: 'string', minLength: 1 },
          scopes: { type: 'array', items: { type: 'string' } },
          demoRefreshToken: { type: 'string', minLength: 1 },
        },
      },
    },
    accessTokenLifetimeSeconds: {
      type: 'integer',
      minimum: 1,
      default: WEBEX_DEFAULTS.accessTokenLifetimeSeconds,
      description: 'lifetime of access tokens from /v1/access_token, simulator seconds',
    },
    refreshTokenLifetimeSeconds: {
      type: 'integer',
      minimum: 1,
      default: WEBEX_DEFAULTS.refreshTokenLifetimeSeconds,
      description: 'lifetime of refresh tokens, renewed by each refresh',
    },
    keyPairId: { type: 'string', minLength: 1 },
  },
};

/**
 * Webex's `data:` section (the plug-in's `dataSchema`; also `PUT /_sim/data`): the seeded
 * world's sizes and the golden customers pinned over it (docs/webex.md, "Golden data").
 */
export const DATA_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'the world behind the reports: the seeded sizes and golden customers (docs/webex.md)',
  properties: {
    customers: sizeRange,
    usersPerCustomer: sizeRange,
    partners: GOLDEN_PARTNERS_SCHEMA,
  },
  default: WEBEX_DEFAULTS.data,
};
