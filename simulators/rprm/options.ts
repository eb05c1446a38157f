import type { KernelOptions } from '../kernel/index.js';
import { when } from '../kernel/options-schema.js';
import type { CountInterval } from './data/callcounts.js';
import type { CdrFileName } from './data/zip.js';
import { TimeZone } from './data/zone.js';

const DEFAULT_ZONE = 'America/New_York';

export interface RprmUser {
  password: string;
  /** RPRM roles; any role in `billingRoles` may read billing. */
  roles: string[];
}

/** How long a generate-cdrs job runs. */
export type GenerationSpeed =
  | { recordsPerSecond: number; minimumSeconds?: number }
  /** Done after this many GET /billing/status polls, whatever the clock says. */
  | { polls: number };

import type { RprmData } from './data/golden.js';

export { DATA_SCHEMA, type RprmData } from './data/golden.js';

export interface RprmOptions extends KernelOptions {
  /** Golden data: rooms, users, conferences, calls, daily counts (docs/rprm.md, "Golden data"). */
  data?: RprmData;
  /** Demo users by login. Default: admin, provisioner, auditor (billing) and scheduler (no billing). */
  users?: Record<string, RprmUser>;
  /** Roles allowed to read billing. Default ['admin', 'provisioner', 'auditor']. */
  billingRoles?: string[];
  /** WWW-Authenticate realm. Default "RPRM". */
  realm?: string;
  /** IANA zone of the appliance: offset-less dates and CSV local times. Default America/New_York. */
  timeZone?: string;
  /** Calls per day of simulated traffic; a window's rows scale with its length. Default 1000. */
  callsPerDay?: number;
  /** DMA clusters whose calls are exported. Default ['dma-east.example.com']. */
  clusters?: string[];
  /** Clusters reported as excluded (unreachable); any → WARN_CDR_RESULTS_INCOMPLETE. Default []. */
  unreachableClusters?: string[];
  /** Generation speed. Default 500 records per simulator second, at least 2 s. */
  generation?: GenerationSpeed;
  /** Call rows above this → the export is cut and ends WARN_CDR_RESULTS_TRUNCATED. Default 1,000,000. */
  maxCdrRecords?: number;
  /** Answer to a generate-cdrs while one runs: 409 plcm-error (default) or 202 like a normal start. */
  generateConflictStatus?: 409 | 202;
  /** Answer to download-cdrs while generation runs: 423 + Retry-After (default) or 409. */
  downloadWhileRunningStatus?: 409 | 423;
  /** Interval of the call-counts rows. Default 'hour'. */
  callCountInterval?: CountInterval;
  /**
   * Calls layout, named by the value its `version` column holds: '2' (default) the documented
   * DMA 6.x order, '1' the DMA 4.x order (dialin last, after userRole). Layouts: contracts/csv.
   */
  cdrVersion?: string;
  /**
   * An Accept header that admits none of a resource's representations: 406 plcm-error (default,
   * as a JAX-RS appliance answers) or, when true, the resource's usual representation anyway.
   */
  lenientAccept?: boolean;
  /** Called for every block of CSV rows produced (tests and benchmarks count generation with it). */
  onRows?: (file: CdrFileName, count: number) => void;
}

export interface ResolvedRprmOptions {
  users: Record<string, RprmUser>;
  billingRoles: Set<string>;
  realm: string;
  zone: TimeZone;
  callsPerDay: number;
  clusters: string[];
  unreachableClusters: string[];
  generation: GenerationSpeed;
  maxCdrRecords: number;
  generateConflictStatus: 409 | 202;
  downloadWhileRunningStatus: 409 | 423;
  callCountInterval: CountInterval;
  cdrVersion: string;
  lenientAccept: boolean;
  onRows: RprmOptions['onRows'];
}

export const DEMO_USERS: Record<string, RprmUser> = {
  admin: { password: 'Polycom12#', roles: ['admin'] },
  provisioner: { password: 'Provision12#', roles: ['provisioner'] },
  auditor: { password: 'Audit12#', roles: ['auditor'] },
  scheduler: { password: 'Schedule12#', roles: ['scheduler'] },
};

export function resolveOptions(options: RprmOptions): ResolvedRprmOptions {
  const callsPerDay = options.callsPerDay ?? 1000;
  if (!(callsPerDay > 0 && callsPerDay <= 86_400_000))
    throw new RangeError(`callsPerDay must be in (0, 86400000], got ${callsPerDay}`);
  const maxCdrRecords = options.maxCdrRecords ?? 1_000_000;
  if (!(Number.isInteger(maxCdrRecords) && maxCdrRecords > 0))
    throw new RangeError(`maxCdrRecords must be a positive integer, got ${maxCdrRecords}`);
  const generation = options.generation ?? { recordsPerSecond: 500, minimumSeconds: 2 };
  if ('polls' in generation ? !(generation.polls >= 0) : !(generation.recordsPerSecond > 0))
    throw new RangeError('generation needs recordsPerSecond > 0 or polls ≥ 0');
  const clusters = options.clusters ?? ['dma-east.example.com'];
  if (clusters.length === 0) throw new RangeError('clusters must name at least one cluster');
  return {
    users: options.users ?? DEMO_USERS,
    billingRoles: new Set((options.billingRoles ?? ['admin', 'provisioner', 'auditor']).map(lower)),
    realm: options.realm ?? 'RPRM',
    // A zone given is checked now (a RangeError at start); the default one is loaded on first use.
    zone: options.timeZone === undefined ? new TimeZone(DEFAULT_ZONE, false) : new TimeZone(options.timeZone),
    callsPerDay,
    clusters,
    unreachableClusters: options.unreachableClusters ?? [],
    generation,
    maxCdrRecords,
    generateConflictStatus: options.generateConflictStatus ?? 409,
    downloadWhileRunningStatus: options.downloadWhileRunningStatus ?? 423,
    callCountInterval: options.callCountInterval ?? 'hour',
    cdrVersion: options.cdrVersion ?? '2',
    lenientAccept: options.lenientAccept ?? false,
    onRows: options.onRows,
  };
}

function lower(s: string): string {
  return s.toLowerCase();
}

/**
 * RPRM's own options as JSON Schema (the kernel's are added by the plug-in composition,
 * `simulators/kernel/options-schema.ts`); `resolveOptions` above fills the defaults.
 */
export const OPTIONS_SCHEMA = {
  type: 'object',
  properties: {
    users: {
      type: 'object',
      description: 'demo users by login (default: admin, provisioner, auditor, scheduler)',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        required: ['password', 'roles'],
        additionalProperties: false,
        properties: {
          password: { type: 'string', minLength: 1 },
          roles: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
      },
    },
    billingRoles: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: ['admin', 'provisioner', 'auditor'],
    },
    realm: { type: 'string', minLength: 1, default: 'RPRM' },
    timeZone: { type: 'string', minLength: 1, default: 'America/New_York', description: 'IANA zone' },
    callsPerDay: { type: 'number', exclusiveMinimum: 0, maximum: 86_400_000, default: 1000 },
    clusters: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
      default: ['dma-east.example.com'],
    },
    unreachableClusters: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
    generation: {
      description: 'generation speed: { recordsPerSecond, minimumSeconds? } or { polls }',
      type: 'object',
      additionalProperties: false,
      properties: {
        recordsPerSecond: { type: 'number', exclusiveMinimum: 0 },
        minimumSeconds: { type: 'number', minimum: 0 },
        polls: { type: 'integer', minimum: 0, maximum: 10_000 },
      },
      ...when({ required: ['polls'] }, { maxProperties: 1 }, { required: ['recordsPerSecond'] }),
      default: { recordsPerSecond: 500, minimumSeconds: 2 },
    },
    maxCdrRecords: { type: 'integer', minimum: 1, maximum: 100_000_000, default: 1_000_000 },
    generateConflictStatus: { enum: [409, 202], default: 409 },
    downloadWhileRunningStatus: { enum: [409, 423], default: 423 },
    callCountInterval: { enum: ['hour', 'day'], default: 'hour' },
    cdrVersion: {
      enum: ['2', '1'],
      default: '2',
      description: "calls layout by its version value: '2' DMA 6.x (default), '1' DMA 4.x (contracts/csv)",
    },
    lenientAccept: {
      type: 'boolean',
      default: false,
      description: 'answer the usual representation instead of 406 for an unacceptable Accept',
    },
    onRows: { 'x-function': true, description: 'library only: called for every block of CSV rows' },
  },
};
