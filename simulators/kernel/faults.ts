import type { SeededData } from './seed.js';

/**
 * Fault rules: match (method, path, tenant/token, header) → effect, applied N times, from the
 * Nth matching request, or at a seeded ratio. Rules come through three doors (admin API,
 * `X-Sim-Fault` header, Prism's `Prefer: code=`) and end up as the same FaultEffect.
 */
export interface FaultMatch {
  method?: string;
  /** Glob on the request path (`*` one segment, `**` any depth) or a regex when it starts with `^`. */
  path?: string;
  tenant?: string;
  token?: string;
  header?: { name: string; value?: string };
}

export interface FaultEffect {
  /** Answer with this status in the vendor's error envelope. */
  status?: number;
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
}

export interface FaultRequest {
  method: string;
  path: string;
  tenant: string | undefined;
  token: string | undefined;
  header(name: string): string | undefined;
}

export class FaultRuleError extends Error {}

export class FaultStore {
  private rules: FaultRule[] = [];
  private counter = 0;
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly data: SeededData) {}

  add(input: FaultRuleInput): FaultRule {
    validateRule(input);
    const rule: FaultRule = {
      ...input,
      id: input.id ?? `fault-${++this.counter}`,
      match: input.match ?? {},
      matched: 0,
      applied: 0,
    };
    this.rules = this.rules.filter((r) => r.id !== rule.id);
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
    this.counter = 0;
  }

  get size(): number {
    return this.rules.length;
  }

  /** The effect of the first rule that matches and is due; counts the hit. */
  take(req: FaultRequest): { rule: FaultRule; effect: FaultEffect } | undefined {
    for (const rule of this.rules) {
      if (!this.matches(rule.match, req)) continue;
      rule.matched++;
      if (rule.times !== undefined && rule.applied >= rule.times) continue;
      if (rule.fromRequest !== undefined && rule.matched < rule.fromRequest) continue;
      if (rule.ratio !== undefined && this.data.rng(`fault:${rule.id}:${rule.matched}`).next() >= rule.ratio)
        continue;
      rule.applied++;
      return { rule, effect: rule.effect };
    }
    return undefined;
  }

  private matches(m: FaultMatch, req: FaultRequest): boolean {
    if (m.method && m.method.toUpperCase() !== req.method) return false;
    if (m.path && !this.pattern(m.path).test(req.path)) return false;
    if (m.tenant !== undefined && m.tenant !== req.tenant) return false;
    if (m.token !== undefined && m.token !== req.token) return false;
    if (m.header) {
      const v = req.header(m.header.name);
      if (v === undefined || (m.header.value !== undefined && v !== m.header.value)) return false;
    }
    return true;
  }

  private pattern(path: string): RegExp {
    let re = this.patterns.get(path);
    if (!re) {
      re = pathPattern(path);
      this.patterns.set(path, re);
    }
    return re;
  }
}

export function pathPattern(path: string): RegExp {
  if (path.startsWith('^')) return new RegExp(path);
  const escaped = path
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${escaped}$`);
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
  if (e.message !== undefined && typeof e.message !== 'string')
    throw new FaultRuleError('effect.message must be a string');
  if (input.id !== undefined && (typeof input.id !== 'string' || input.id === ''))
    throw new FaultRuleError('id must be a non-empty string');
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
  if (m.path?.startsWith('^')) {
    try {
      new RegExp(m.path);
    } catch {
      throw new FaultRuleError('match.path is not a valid regular expression');
    }
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
