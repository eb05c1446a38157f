import { createHmac } from 'node:crypto';
import type { ClockState } from './clock.js';
import { FaultRuleError, type FaultsState } from './faults.js';
import type { JobRecord, JobsState } from './jobs.js';
import type { Kernel } from './kernel.js';
import { FAULT_RULE_SCHEMA, type JsonSchema, kernelOptionsProperties } from './options-schema.js';
import type { RateState } from './rate-limit.js';
import { SeededData } from './seed.js';
import type { SimApp } from './vendor-app.js';
import { packageVersion } from './version.js';

/*
 * State snapshots: everything a simulator needs to continue where it was (clock, jobs, fault
 * rules, rate windows, data overrides, the vendor's own state and the signing key), as versioned
 * JSON — `GET`/`PUT /_sim/state`, `serve --state-file`, `control.snapshot()`/`restore()`. A restore
 * checks the whole snapshot (shape, then compatibility, then every part) before it changes
 * anything, so a refused snapshot leaves the running state exactly as it was.
 */

/** `format` of one simulator's snapshot. */
export const STATE_FORMAT = 'billing-sim.state';
/** `format` of a state file: every simulator of one start, keyed by vendor. */
export const STATE_FILE_FORMAT = 'billing-sim.state-file';
/** The snapshot layout this billing-sim writes and reads. */
export const STATE_VERSION = 1;
/** Largest `PUT /_sim/state` body (1000 jobs, 1000 fault rules, rate windows, data overrides). */
export const MAX_STATE_BYTES = 64 * 1024 * 1024;

/** How the snapshot stands to the signing key (`kernel.secret`). */
export type SigningState =
  /** The key was random (no `signingSecret`): the snapshot carries it, so issued tokens and links keep verifying. */
  | { source: 'random'; secret: string }
  /** `signingSecret` was set: only a fingerprint, never the secret; the restoring app must have the same one. */
  | { source: 'configured'; fingerprint: string };

/** One simulator's state, as `GET /_sim/state` answers it. */
export interface SimSnapshot {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  /** The billing-sim version that wrote it; another version refuses it (its world may differ). */
  billingSim: string;
  vendor: string;
  /** The simulator's time when it was taken (ISO 8601). */
  takenAt: string;
  /** What the seeded world is made of: the seed and the vendor's options as given. */
  world: { seed: number; options: Record<string, unknown> };
  signing: SigningState;
  clock: ClockState;
  jobs: JobsState;
  faults: FaultsState;
  rateLimit: RateState;
  /** The data overrides in force (`PUT /_sim/data`), or null for the seeded world alone. */
  data: Record<string, unknown> | null;
  /** The vendor's own state (reports, exports, token counters …): its `VendorAdapter.snapshot()`. */
  vendorState: unknown;
}

/** A state file: one snapshot per simulator of a start (`serve --state-file`, `control.snapshot()`). */
export interface StateFile {
  format: typeof STATE_FILE_FORMAT;
  version: typeof STATE_VERSION;
  billingSim: string;
  simulators: Record<string, SimSnapshot>;
}

/** A snapshot refused: 400 when it is damaged, 409 when it belongs to another simulator or world. */
export class SnapshotError extends Error {
  constructor(
    readonly status: 400 | 409,
    /** One line per problem, each naming where (a JSON pointer) or what (an option) is wrong. */
    readonly problems: string[],
  ) {
    super(
      `${status === 409 ? 'incompatible' : 'invalid'} state snapshot: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? ` (and ${problems.length - 20} more)` : ''}`,
    );
    this.name = 'SnapshotError';
  }
}

/** The vendor's side of a snapshot (its adapter's hooks). */
export interface SnapshotHooks {
  snapshot?(): unknown;
  /**
   * Checks the vendor state completely (with the jobs it will come with) and returns what applies
   * it; throws a SnapshotError (pointers under `/vendorState`) and changes nothing when it is bad.
   */
  restore?(state: unknown, jobs: readonly JobRecord[]): () => void;
  /** Replaces the data overrides (validating them); throws when they are refused. */
  setData?(data: Record<string, unknown> | undefined): void;
  /** Vendor options that do not shape the world (listeners, URLs): left out of `world.options`. */
  runtimeOptions?: readonly string[];
}

const INSTANT: JsonSchema = { type: 'number', minimum: 0, maximum: 8.64e15 };
const COUNT: JsonSchema = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
const JOB_ERROR: JsonSchema = {
  type: 'object',
  required: ['code', 'message'],
  additionalProperties: false,
  properties: { code: { type: 'string' }, message: { type: 'string' } },
};

/** A stored fault rule: the rule as installed plus its counts. */
const STORED_FAULT_RULE: JsonSchema = {
  ...FAULT_RULE_SCHEMA,
  required: ['id', 'match', 'effect', 'matched', 'applied'],
  properties: {
    ...(FAULT_RULE_SCHEMA.properties as Record<string, JsonSchema>),
    matched: COUNT,
    applied: COUNT,
    retired: { type: 'boolean' },
  },
};

/** The JSON shape of one simulator's snapshot (also in contracts/sim.openapi.yaml, `SimState`). */
export const SNAPSHOT_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'format',
    'version',
    'billingSim',
    'vendor',
    'takenAt',
    'world',
    'signing',
    'clock',
    'jobs',
    'faults',
    'rateLimit',
    'data',
    'vendorState',
  ],
  properties: {
    format: { const: STATE_FORMAT },
    version: { const: STATE_VERSION },
    billingSim: { type: 'string' },
    vendor: { type: 'string' },
    takenAt: { type: 'string' },
    world: {
      type: 'object',
      additionalProperties: false,
      required: ['seed', 'options'],
      properties: { seed: { type: 'integer', minimum: 0 }, options: { type: 'object' } },
    },
    signing: {
      type: 'object',
      required: ['source'],
      properties: { source: { enum: ['random', 'configured'] } },
      oneOf: [
        {
          additionalProperties: false,
          required: ['source', 'secret'],
          properties: {
            source: { const: 'random' },
            secret: { type: 'string', pattern: '^[A-Za-z0-9+/]{43}=$' },
          },
        },
        {
          additionalProperties: false,
          required: ['source', 'fingerprint'],
          properties: { source: { const: 'configured' }, fingerprint: { type: 'string' } },
        },
      ],
    },
    clock: {
      type: 'object',
      additionalProperties: false,
      required: ['mode', 'now', 'start', 'aheadMs'],
      properties: {
        mode: { enum: ['system', 'manual', 'scaled'] },
        now: INSTANT,
        start: INSTANT,
        aheadMs: { type: 'number', minimum: -8.64e15, maximum: 8.64e15 },
      },
    },
    jobs: {
      type: 'object',
      additionalProperties: false,
      required: ['counter', 'failNext', 'evicted', 'jobs', 'recency'],
      properties: {
        counter: COUNT,
        failNext: COUNT,
        evicted: COUNT,
        recency: { type: 'array', items: { type: 'string' } },
        jobs: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: [
              'id',
              'kind',
              'tenant',
              'lifecycle',
              'advance',
              'createdAt',
              'totalUnits',
              'data',
              'polls',
              'forced',
              'willFail',
              'finishedAt',
              'seq',
            ],
            properties: {
              id: { type: 'string', minLength: 1 },
              kind: { type: 'string', minLength: 1 },
              tenant: { type: ['string', 'null'] },
              lifecycle: {
                type: 'object',
                additionalProperties: false,
                required: ['steps', 'success', 'failure'],
                properties: {
                  steps: { type: 'array', items: { type: 'string' } },
                  success: { type: 'string' },
                  failure: { type: 'string' },
                },
              },
              advance: {
                type: 'object',
                required: ['kind'],
                properties: { kind: { enum: ['immediate', 'time', 'polls', 'manual'] } },
                oneOf: [
                  { additionalProperties: false, properties: { kind: { const: 'immediate' } } },
                  {
                    additionalProperties: false,
                    required: ['kind', 'ms'],
                    properties: { kind: { const: 'time' }, ms: { type: 'number', minimum: 0 } },
                  },
                  {
                    additionalProperties: false,
                    required: ['kind', 'count'],
                    properties: { kind: { const: 'polls' }, count: COUNT },
                  },
                  { additionalProperties: false, properties: { kind: { const: 'manual' } } },
                ],
              },
              createdAt: INSTANT,
              totalUnits: COUNT,
              data: true,
              polls: COUNT,
              forced: { type: 'number', minimum: 0, maximum: 1 },
              willFail: { oneOf: [{ type: 'null' }, JOB_ERROR] },
              finishedAt: { oneOf: [{ type: 'null' }, INSTANT] },
              seq: COUNT,
            },
          },
        },
      },
    },
    faults: {
      type: 'object',
      additionalProperties: false,
      required: ['counter', 'retired', 'active', 'spent'],
      properties: {
        counter: COUNT,
        retired: COUNT,
        active: { type: 'array', items: STORED_FAULT_RULE },
        spent: { type: 'array', items: STORED_FAULT_RULE },
      },
    },
    rateLimit: {
      type: 'object',
      additionalProperties: false,
      required: ['config', 'entries'],
      properties: {
        config: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
        entries: {
          type: 'array',
          items: {
            type: 'array',
            minItems: 3,
            maxItems: 3,
            prefixItems: [{ type: 'string' }, { type: 'number' }, { type: 'number' }],
          },
        },
      },
    },
    data: { type: ['object', 'null'] },
    vendorState: true,
  },
};

/**
 * For a vendor's `restore` hook: checks its state against its schema and throws a SnapshotError
 * (400) naming each problem under `/vendorState`.
 */
export function assertVendorState(kernel: Kernel, schema: JsonSchema, state: unknown): void {
  const problems = shapeProblems(kernel, schema, state, '/vendorState');
  if (problems.length) throw new SnapshotError(400, problems);
}

/**
 * Problems of a value against a schema, pointers under `at`. The options validator skips a value
 * with nothing in it (an empty config section is fine); a snapshot part must be checked whatever
 * it holds, so it goes in wrapped beside a marker.
 */
export function shapeProblems(kernel: Kernel, schema: JsonSchema, value: unknown, at: string): string[] {
  if (value === undefined) return [`${at || '/'}: is required`];
  // A new wrapper compiles again: restores are rare, and nothing is kept between apps.
  const wrapper: JsonSchema = {
    type: 'object',
    required: ['checked', 'value'],
    properties: { checked: { const: true }, value: schema },
  };
  return kernel.validator
    .check(wrapper, { checked: true, value })
    .map((p) => (p.startsWith('/value') ? `${at}${p.slice('/value'.length)}` : p).replace(/^:/, '/:'));
}

/** The data overrides in force: `kernel.data` once it holds them (golden data), else none. */
export function dataOverrides(kernel: Kernel): Record<string, unknown> | undefined {
  const own = kernel as unknown as { data?: unknown; dataOverrides?: unknown };
  for (const value of [own.dataOverrides, own.data]) {
    if (value && typeof value === 'object' && !(value instanceof SeededData) && !Array.isArray(value))
      return value as Record<string, unknown>;
  }
  return undefined;
}

/** The options that shape a simulator's world: everything but the kernel's runtime options. */
export function worldOptions(kernel: Kernel, vendorRuntime: readonly string[] = []): Record<string, unknown> {
  const runtime = new Set([...Object.keys(kernelOptionsProperties()), 'data', ...vendorRuntime]);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(kernel.options as Record<string, unknown>)) {
    if (runtime.has(key) || value === undefined || typeof value === 'function') continue;
    out[key] = jsonOf(value);
  }
  return out;
}

/** Public fingerprint of a configured signing secret: equal secrets, equal prints; the print reveals nothing. */
export function secretFingerprint(secret: Buffer): string {
  return createHmac('sha256', secret)
    .update('billing-sim:state:signing-fingerprint')
    .digest('base64url')
    .slice(0, 22);
}

/** Takes one simulator's snapshot. Reads only: taking it changes no answer. */
export function takeSnapshot(kernel: Kernel, hooks: SnapshotHooks): SimSnapshot {
  const data = dataOverrides(kernel);
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    billingSim: packageVersion(),
    vendor: kernel.vendor,
    takenAt: kernel.clock.date().toISOString(),
    world: { seed: kernel.seed, options: worldOptions(kernel, hooks.runtimeOptions) },
    signing:
      kernel.options.signingSecret === undefined
        ? { source: 'random', secret: kernel.secret.toString('base64') }
        : { source: 'configured', fingerprint: secretFingerprint(kernel.secret) },
    clock: kernel.clock.snapshot(),
    jobs: jsonOf(kernel.jobs.snapshot()) as JobsState,
    faults: jsonOf(kernel.faults.snapshot()) as FaultsState,
    rateLimit: kernel.limiter.snapshot(),
    data: data === undefined ? null : (jsonOf(data) as Record<string, unknown>),
    vendorState: hooks.snapshot ? jsonOf(hooks.snapshot()) : null,
  };
}

/**
 * Checks a snapshot against this simulator completely — its shape, that it is this vendor's, this
 * billing-sim's, this world's (seed and options), this clock mode's and signing key's, then every
 * job, rule and the vendor's state — and returns what applies it. Throws a SnapshotError (400
 * damaged, 409 incompatible) before anything has changed. A state file is accepted too: this
 * vendor's entry is taken from it.
 */
export function prepareRestore(kernel: Kernel, hooks: SnapshotHooks, raw: unknown): () => void {
  const snapshot = ownSnapshot(kernel, raw);
  const shape = shapeProblems(kernel, SNAPSHOT_SCHEMA, snapshot, '');
  if (shape.length) throw new SnapshotError(400, shape);
  const s = snapshot as unknown as SimSnapshot;

  const incompatible: string[] = [];
  if (s.vendor !== kernel.vendor)
    incompatible.push(`vendor: the snapshot is of ${s.vendor}, this simulator is ${kernel.vendor}`);
  if (s.billingSim !== packageVersion())
    incompatible.push(
      `billingSim: written by billing-sim ${s.billingSim}, this is ${packageVersion()} (its world may differ)`,
    );
  if (s.world.seed !== kernel.seed)
    incompatible.push(
      `world/seed: the snapshot's seed is ${s.world.seed}, this simulator's is ${kernel.seed}`,
    );
  incompatible.push(...optionDifferences(s.world.options, worldOptions(kernel, hooks.runtimeOptions)));
  if (s.clock.mode !== kernel.clock.mode)
    incompatible.push(
      `clock/mode: the snapshot's clock is ${s.clock.mode}, this simulator's is ${kernel.clock.mode} (start it with the same clock)`,
    );
  incompatible.push(...signingProblems(kernel, s.signing));
  const data = s.data ?? undefined;
  const current = dataOverrides(kernel);
  const dataChanges = canonical(data ?? null) !== canonical(current ?? null);
  if (dataChanges && !hooks.setData)
    incompatible.push('data: the snapshot has data overrides, and this simulator takes none');
  if (incompatible.length) throw new SnapshotError(409, incompatible);

  const damaged: string[] = [...kernel.jobs.check(s.jobs)];
  s.jobs.jobs.forEach((job, i) => {
    if (!job.kind.startsWith(`${kernel.vendor}.`))
      damaged.push(`/jobs/jobs/${i}/kind: ${job.kind} is not a ${kernel.vendor} job`);
  });
  let installFaults: (() => void) | undefined;
  try {
    installFaults = kernel.faults.prepareRestore(s.faults);
  } catch (e) {
    if (!(e instanceof FaultRuleError)) throw e;
    damaged.push(`/faults/${e.message}`);
  }
  if (damaged.length) throw new SnapshotError(400, damaged);
  let applyVendor: (() => void) | undefined;
  if (hooks.restore) applyVendor = hooks.restore(s.vendorState, s.jobs.jobs);
  else if (s.vendorState !== null)
    throw new SnapshotError(400, [`/vendorState: ${kernel.vendor} keeps no state of its own (must be null)`]);

  return () => {
    if (dataChanges) {
      // First: the one step that may still refuse (the vendor validates its data), before any other change.
      try {
        hooks.setData?.(data);
      } catch (e) {
        throw new SnapshotError(400, [`/data: ${(e as Error).message}`]);
      }
    }
    if (s.signing.source === 'random') kernel.secret.set(Buffer.from(s.signing.secret, 'base64'));
    kernel.clock.restore(s.clock);
    kernel.jobs.restore(s.jobs);
    installFaults?.();
    kernel.limiter.restore(s.rateLimit);
    applyVendor?.();
  };
}

/** The snapshot meant for this simulator: the value itself, or its entry in a state file. */
function ownSnapshot(kernel: Kernel, raw: unknown): Record<string, unknown> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new SnapshotError(400, ['/: a state snapshot is a JSON object (GET /_sim/state gives one)']);
  const value = raw as Record<string, unknown>;
  if (value.format === STATE_FILE_FORMAT) {
    if (value.version !== STATE_VERSION) throw new SnapshotError(409, [versionProblem(value.version)]);
    const sims = value.simulators;
    if (!sims || typeof sims !== 'object' || Array.isArray(sims))
      throw new SnapshotError(400, ['/simulators: must be an object of snapshots keyed by vendor']);
    const own = (sims as Record<string, unknown>)[kernel.vendor];
    if (own === undefined)
      throw new SnapshotError(409, [
        `/simulators: the state file has no ${kernel.vendor} snapshot (it has: ${Object.keys(sims).join(', ') || 'none'})`,
      ]);
    return ownSnapshot(kernel, own);
  }
  if (value.format !== STATE_FORMAT)
    throw new SnapshotError(400, [
      `/format: must be "${STATE_FORMAT}" (or "${STATE_FILE_FORMAT}" for a state file), got ${JSON.stringify(value.format) ?? 'nothing'}`,
    ]);
  if (value.version !== STATE_VERSION) {
    if (typeof value.version !== 'number')
      throw new SnapshotError(400, [
        `/version: must be a number, got ${JSON.stringify(value.version) ?? 'nothing'}`,
      ]);
    throw new SnapshotError(409, [versionProblem(value.version)]);
  }
  return value;
}

function versionProblem(version: unknown): string {
  return `/version: snapshot format version ${JSON.stringify(version)} is not one billing-sim ${packageVersion()} reads (it reads ${STATE_VERSION})`;
}

function signingProblems(kernel: Kernel, signing: SigningState): string[] {
  const configured = kernel.options.signingSecret !== undefined;
  if (signing.source === 'random' && configured)
    return [
      'signing: the snapshot carries a random signing key, and this simulator has signingSecret set; start it without signingSecret to keep the snapshot’s tokens and links valid',
    ];
  if (signing.source === 'configured' && !configured)
    return [
      'signing: the snapshot was taken with signingSecret set; start this simulator with the same signingSecret',
    ];
  if (signing.source === 'configured' && signing.fingerprint !== secretFingerprint(kernel.secret))
    return [
      'signing: this simulator’s signingSecret is not the one the snapshot was taken with (its tokens and links would not verify)',
    ];
  return [];
}

function optionDifferences(snapshot: Record<string, unknown>, current: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(snapshot), ...Object.keys(current)])].sort();
  const problems: string[] = [];
  for (const key of keys) {
    const a = canonical(snapshot[key]);
    const b = canonical(current[key]);
    if (a === b) continue;
    problems.push(
      `world/options/${key}: the snapshot's world has ${a === undefined ? 'it unset' : clip(a)}, this simulator ${b === undefined ? 'has it unset' : `has ${clip(b)}`} (start it with the same options)`,
    );
  }
  return problems;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** JSON text with object keys sorted: equal values, equal text (undefined for undefined). */
export function canonical(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** A plain JSON copy: what the snapshot says is exactly what JSON.parse of its text gives back. */
function jsonOf(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Every simulator's snapshot in one state file. */
export function stateFileOf(apps: Record<string, SimApp>): StateFile {
  const simulators: Record<string, SimSnapshot> = {};
  for (const [name, app] of Object.entries(apps)) simulators[name] = app.sim.snapshot();
  return { format: STATE_FILE_FORMAT, version: STATE_VERSION, billingSim: packageVersion(), simulators };
}

/**
 * Restores a state file into the simulators of a start (or one snapshot into its simulator):
 * every snapshot is checked before any is applied, so a refusal changes no simulator.
 */
export function restoreState(apps: Record<string, SimApp>, state: StateFile | SimSnapshot): void {
  const value = state as unknown as Record<string, unknown> | null;
  if (value && typeof value === 'object' && value.format === STATE_FORMAT) {
    const vendor = String(value.vendor);
    const app = apps[vendor];
    if (!app)
      throw new SnapshotError(409, [
        `vendor: the snapshot is of ${vendor}, which is not running here (running: ${Object.keys(apps).join(', ') || 'none'})`,
      ]);
    app.sim.restore(state);
    return;
  }
  if (!value || typeof value !== 'object' || value.format !== STATE_FILE_FORMAT)
    throw new SnapshotError(400, [
      `/format: must be "${STATE_FILE_FORMAT}" (a state file) or "${STATE_FORMAT}" (one simulator's snapshot)`,
    ]);
  const sims = value.simulators;
  if (!sims || typeof sims !== 'object' || Array.isArray(sims))
    throw new SnapshotError(400, ['/simulators: must be an object of snapshots keyed by vendor']);
  const given = Object.keys(sims);
  const running = Object.keys(apps);
  const missing = running.filter((n) => !given.includes(n));
  const extra = given.filter((n) => !running.includes(n));
  if (missing.length || extra.length) {
    throw new SnapshotError(409, [
      ...missing.map(
        (n) => `/simulators/${n}: the state file has no ${n} snapshot, and ${n} is running here`,
      ),
      ...extra.map((n) => `/simulators/${n}: the state file holds ${n}, which is not running here`),
      'start the simulators the state file was written by (the same --only), or start without it',
    ]);
  }
  const problems: string[] = [];
  let status: 400 | 409 = 400;
  const apply: (() => void)[] = [];
  for (const name of running) {
    try {
      apply.push(apps[name]!.sim.prepareRestore((sims as Record<string, unknown>)[name]));
    } catch (e) {
      if (!(e instanceof SnapshotError)) throw e;
      if (e.status === 409) status = 409;
      problems.push(...e.problems.map((p) => `${name}: ${p}`));
    }
  }
  if (problems.length) throw new SnapshotError(status, problems);
  for (const step of apply) step();
}
