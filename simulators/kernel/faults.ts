import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import type { SeededData } from './seed.js';

/** Most rules one simulator holds; a batch that would pass it installs nothing (docs/kernel.md). */
export const MAX_FAULT_RULES = 1000;
/** Longest path pattern accepted: compile cost and memory stay bounded. */
export const MAX_PATTERN_LENGTH = 1024;
/** Longest string field (message, tenant, token, header name/value) of a rule. */
const MAX_TEXT_LENGTH = 4096;

/**
 * Fault rules: match (method, path, tenant/token, header) → effect, applied N times, from the
 * Nth matching request, or at a seeded ratio. Rules come through three doors (admin API,
 * `X-Sim-Fault` header, Prism's `Prefer: code=`) and end up as the same FaultEffect.
 */
export interface FaultMatch {
  method?: string;
  /**
   * Glob on the request path (`*` one segment, `**` any depth) or a regex when it starts with `^`.
   * Both run on RE2 (re2js): matching is linear in the path, so no pattern can stall the event loop.
   */
  path?: string;
  tenant?: string;
  token?: string;
  header?: { name: string; value?: string };
}

export interface FaultEffect {
  /** Answer with this status in the vendor's error envelope. */
  status?: number;
  /** Simulator seconds; sent as the client's seconds (Retry-After 120 under `--time-scale 60` is 2). */
  retryAfterSeconds?: number;
  message?: string;
  /** Hold the request this long (simulator time) before handling it. */
  delayMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Let the handler answer but cut the body after this many bytes, then destroy the socket. */
  truncateBytes?: number;
}

export interface FaultRuleInput {
  id?: string;
  match?: FaultMatch;
  effect: FaultEffect;
  /** Apply at most this many times (default: unlimited). */
  times?: number;
  /** Start applying at the Nth matching request (1-based, default 1). */
  fromRequest?: number;
  /** Apply to this share of matching requests, drawn from the seed. */
  ratio?: number;
}

export interface FaultRule extends FaultRuleInput {
  id: string;
  match: FaultMatch;
  matched: number;
  applied: number;
  /** Its `times` ran out: it no longer matches and is listed only for the record. */
  retired?: boolean;
}

/** How many spent rules the list keeps for the record (newest first out of the scan, oldest dropped). */
export const RETIRED_KEPT = 100;

export interface FaultRequest {
  method: string;
  path: string;
  tenant: string | undefined;
  token: string | undefined;
  header(name: string): string | undefined;
}

export class FaultRuleError extends Error {}

/** Matches a request path; compiled once per rule. */
export interface PathMatcher {
  test(path: string): boolean;
}

interface Entry {
  rule: FaultRule;
  path: PathMatcher | undefined;
}

export class FaultStore {
  private entries: Entry[] = [];
  /** Spent rules, oldest first: listed (retired: true) but never matched again. */
  private spent: FaultRule[] = [];
  private counter = 0;
  /** Rules taken out of the scan because their `times` ran out. */
  retired = 0;

  constructor(
    private readonly data: SeededData,
    readonly capacity = MAX_FAULT_RULES,
  ) {}

  /** Installs one rule (see addAll). */
  add(input: FaultRuleInput): FaultRule {
    return this.addAll([input])[0] as FaultRule;
  }

  /**
   * Installs a batch all-or-nothing: every rule is checked (types, pattern, cap) before any is
   * stored, so a batch with one bad rule leaves the store as it was. A rule whose id exists
   * replaces it.
   */
  addAll(inputs: readonly FaultRuleInput[]): FaultRule[] {
    const prepared = inputs.map((input, i) => {
      try {
        validateRule(input);
        return { input, path: input.match?.path === undefined ? undefined : pathPattern(input.match.path) };
      } catch (e) {
        if (e instanceof FaultRuleError && inputs.length > 1)
          throw new FaultRuleError(`rule ${i}: ${e.message}`);
        throw e;
      }
    });
    const ids = new Set(this.entries.map((e) => e.rule.id));
    const batchIds = new Set<string>();
    let counter = this.counter;
    const rules = prepared.map(({ input, path }) => {
      const id = input.id ?? `fault-${++counter}`;
      batchIds.add(id);
      const rule: FaultRule = { ...input, id, match: input.match ?? {}, matched: 0, applied: 0 };
      return { rule, path };
    });
    let size = this.entries.length;
    for (const id of batchIds) if (!ids.has(id)) size++;
    if (size > this.capacity) {
      throw new FaultRuleError(
        `at most ${this.capacity} fault rules: ${this.entries.length} installed, this batch would make ${size}`,
      );
    }
    this.counter = counter;
    this.entries = this.entries.filter((e) => !batchIds.has(e.rule.id));
    this.spent = this.spent.filter((r) => !batchIds.has(r.id));
    // A batch that repeats an id keeps the last one, as installing them one by one would.
    const last = new Map<string, Entry>();
    for (const entry of rules) last.set(entry.rule.id, entry);
    for (const entry of rules) if (last.get(entry.rule.id) === entry) this.entries.push(entry);
    return rules.map((e) => ({ ...e.rule }));
  }

  /** Active rules in match order, then the most recent spent ones (retired: true). */
  list(): FaultRule[] {
    return [...this.entries.map((e) => ({ ...e.rule })), ...this.spent.map((r) => ({ ...r }))];
  }

  remove(id: string): boolean {
    const before = this.entries.length + this.spent.length;
    this.entries = this.entries.filter((e) => e.rule.id !== id);
    this.spent = this.spent.filter((r) => r.id !== id);
    return this.entries.length + this.spent.length !== before;
  }

  clear(): void {
    this.entries = [];
    this.spent = [];
    this.counter = 0;
    this.retired = 0;
  }

  /** Active rules (what the cap counts and each request scans). */
  get size(): number {
    return this.entries.length;
  }

  /**
   * The effect of the first rule that matches and is due; counts the hit. A rule whose `times`
   * is used up leaves the store at once, so spent rules cost later requests nothing.
   */
  take(req: FaultRequest): { rule: FaultRule; effect: FaultEffect } | undefined {
    for (let i = 0; i < this.entries.length; i++) {
      const entry = this.entries[i] as Entry;
      const rule = entry.rule;
      if (!this.matches(entry, req)) continue;
      rule.matched++;
      if (rule.times !== undefined && rule.applied >= rule.times) {
        this.retire(i--);
        continue;
      }
      if (rule.fromRequest !== undefined && rule.matched < rule.fromRequest) continue;
      if (rule.ratio !== undefined && this.data.rng(`fault:${rule.id}:${rule.matched}`).next() >= rule.ratio)
        continue;
      rule.applied++;
      if (rule.times !== undefined && rule.applied >= rule.times) this.retire(i);
      return { rule, effect: rule.effect };
    }
    return undefined;
  }

  private retire(index: number): void {
    const [entry] = this.entries.splice(index, 1);
    this.retired++;
    if (!entry) return;
    entry.rule.retired = true;
    this.spent.push(entry.rule);
    if (this.spent.length > RETIRED_KEPT) this.spent.shift();
  }

  private matches(entry: Entry, req: FaultRequest): boolean {
    const m = entry.rule.match;
    if (m.method && m.method.toUpperCase() !== req.method) return false;
    if (entry.path && !entry.path.test(req.path)) return false;
    if (m.tenant !== undefined && m.tenant !== req.tenant) return false;
    if (m.token !== undefined && m.token !== req.token) return false;
    if (m.header) {
      const v = req.header(m.header.name);
      if (v === undefined || (m.header.value !== undefined && v !== m.header.value)) return false;
    }
    return true;
  }
}

/**
 * Compiles a rule's path pattern with RE2 (linear-time matching, no backtracking): a glob, or a
 * regex when it starts with `^`. Throws FaultRuleError for a pattern RE2 cannot compile
 * (including backreferences and lookaround, which need backtracking).
 */
export function pathPattern(path: string): PathMatcher {
  if (path.length > MAX_PATTERN_LENGTH)
    throw new FaultRuleError(`match.path is longer than ${MAX_PATTERN_LENGTH} characters`);
  const source = path.startsWith('^') ? path : globSource(path);
  let re: RE2JS;
  try {
    re = re2().compile(source);
  } catch {
    throw new FaultRuleError('match.path is not a valid regular expression (RE2 syntax)');
  }
  return { test: (p: string) => re.matcher(p).find() };
}

/** RE2 is loaded with the first rule that has a path: a `serve` without faults never reads it. */
function re2(): typeof RE2JS {
  const require = createRequire(import.meta.url);
  return (require('re2js') as typeof import('re2js')).RE2JS;
}

function globSource(path: string): string {
  const escaped = path
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return `^${escaped}$`;
}

/** Rules arrive as JSON from the admin API or a config file: check every field's type. */
function validateRule(input: FaultRuleInput): void {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new FaultRuleError('a fault rule must be an object');
  const e = input.effect;
  if (!e || typeof e !== 'object' || Array.isArray(e)) throw new FaultRuleError('effect is required');
  if (e.status !== undefined && (!Number.isInteger(e.status) || e.status < 400 || e.status > 599))
    throw new FaultRuleError('effect.status must be an integer from 400 to 599');
  if (e.status === undefined && !e.drop && e.delayMs === undefined && e.truncateBytes === undefined)
    throw new FaultRuleError('effect needs one of status, drop, delayMs, truncateBytes');
  // Retry-After is whole seconds on the wire; delays are capped at a day of simulator time.
  const limits = {
    retryAfterSeconds: 86_400,
    delayMs: 86_400_000,
    truncateBytes: Number.MAX_SAFE_INTEGER,
  } as const;
  for (const key of ['retryAfterSeconds', 'delayMs', 'truncateBytes'] as const) {
    const v = e[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > limits[key]))
      throw new FaultRuleError(`effect.${key} must be an integer from 0 to ${limits[key]}`);
  }
  if (e.drop !== undefined && typeof e.drop !== 'boolean')
    throw new FaultRuleError('effect.drop must be a boolean');
  if (e.message !== undefined && (typeof e.message !== 'string' || e.message.length > MAX_TEXT_LENGTH))
    throw new FaultRuleError(`effect.message must be a string of at most ${MAX_TEXT_LENGTH} characters`);
  if (
    input.id !== undefined &&
    (typeof input.id !== 'string' || input.id === '' || input.id.length > 200 || input.id.includes('/'))
  )
    throw new FaultRuleError('id must be a non-empty string of at most 200 characters without "/"');
  if (input.ratio !== undefined && !(typeof input.ratio === 'number' && input.ratio >= 0 && input.ratio <= 1))
    throw new FaultRuleError('ratio must be a number within [0, 1]');
  for (const key of ['times', 'fromRequest'] as const) {
    const v = input[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 0))
      throw new FaultRuleError(`${key} must be a non-negative integer`);
  }
  validateMatch(input.match);
}

function validateMatch(m: FaultMatch | undefined): void {
  if (m === undefined) return;
  if (!m || typeof m !== 'object' || Array.isArray(m)) throw new FaultRuleError('match must be an object');
  for (const key of ['method', 'path', 'tenant', 'token'] as const) {
    if (m[key] !== undefined && typeof m[key] !== 'string')
      throw new FaultRuleError(`match.${key} must be a string`);
  }
  if (m.header !== undefined) {
    const h = m.header;
    if (
      !h ||
      typeof h !== 'object' ||
      typeof h.name !== 'string' ||
      (h.value !== undefined && typeof h.value !== 'string')
    )
      throw new FaultRuleError('match.header must be {name: string, value?: string}');
  }
  for (const v of [m.method, m.tenant, m.token, m.header?.name, m.header?.value]) {
    if (v !== undefined && v.length > MAX_TEXT_LENGTH)
      throw new FaultRuleError(`match fields are at most ${MAX_TEXT_LENGTH} characters`);
  }
}

/**
 * `X-Sim-Fault: 429; retry-after=3`, `drop`, `delay=250`, `truncate=100`, `503; retry-after=5; delay=100`.
 * Returns undefined when the header is absent; throws FaultRuleError when it cannot be read.
 */
export function parseFaultHeader(value: string | undefined): FaultEffect | undefined {
  if (!value) return undefined;
  const effect: FaultEffect = {};
  for (const raw of value.split(';')) {
    const part = raw.trim().toLowerCase();
    if (!part) continue;
    const [name, arg] = part.split('=').map((s) => s.trim()) as [string, string | undefined];
    const num = arg === undefined ? Number.NaN : Number(arg);
    if (/^\d{3}$/.test(name)) effect.status = Number(name);
    else if (name === 'drop') effect.drop = true;
    else if (name === 'retry-after' && num >= 0) effect.retryAfterSeconds = num;
    else if (name === 'delay' && num >= 0) effect.delayMs = num;
    else if (name === 'truncate' && num >= 0) effect.truncateBytes = num;
    else throw new FaultRuleError(`X-Sim-Fault: cannot read "${raw.trim()}"`);
  }
  validateRule({ effect });
  return effect;
}

/** Prism compatibility: `Prefer: code=429` asks for that status; 2xx/3xx preferences are ignored. */
export function parsePreferCode(value: string | undefined): FaultEffect | undefined {
  const m = value && /(?:^|[,;\s])code=(\d{3})/.exec(value);
  if (!m) return undefined;
  const status = Number(m[1]);
  return status >= 400 && status <= 599 ? { status } : undefined;
}
