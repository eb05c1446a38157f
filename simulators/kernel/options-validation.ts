import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv2020 as Ajv2020Type } from 'ajv/dist/2020.js';
import { Clock } from './clock.js';
import { FUNCTION_KEYWORD, type JsonSchema } from './options-schema.js';
import { OptionsScreen } from './options-screen.js';

/** A configuration (file, environment, library options, admin update) that breaks its schema. */
export class ConfigError extends Error {
  constructor(
    /** One line per mistake: `<JSON pointer>: <what was expected> (got <value>)`. */
    readonly problems: string[],
    where = 'configuration',
  ) {
    super(`invalid ${where}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Compiles schemas into validators that report mistakes as JSON pointers with the expected value
 * and a did-you-mean for misspelt keys. ajv is loaded on first use, for a value the screen
 * (`options-screen.ts`) did not pass: a `serve` with a valid configuration never pays for it. One instance per caller: nothing is shared between processes' users.
 */
export class OptionsValidator {
  private ajv: Ajv2020Type | undefined;
  private readonly compiled = new WeakMap<JsonSchema, ValidateFunction>();
  private readonly screen: OptionsScreen | undefined;

  /** `screen: false` asks ajv every time (the screen's own tests compare the two). */
  constructor(options: { screen?: boolean } = {}) {
    this.screen = options.screen === false ? undefined : new OptionsScreen();
  }

  /** Problems of `value` against `schema` (empty when valid). */
  check(schema: JsonSchema, value: unknown): string[] {
    // Nothing given, nothing to check: a default start never loads or compiles ajv.
    if (nothingGiven(value)) return [];
    // A valid value is told by the screen without compiling; ajv describes the mistakes.
    if (this.screen?.passes(schema, plain(value))) return [];
    const validate = this.compile(schema);
    if (validate(plain(value))) return [];
    return describeErrors(validate.errors ?? [], schema);
  }

  /** Throws a ConfigError naming every mistake. */
  assert(schema: JsonSchema, value: unknown, where?: string): void {
    const problems = this.check(schema, value);
    if (problems.length) throw new ConfigError(problems, where);
  }

  private compile(schema: JsonSchema): ValidateFunction {
    let fn = this.compiled.get(schema);
    if (!fn) {
      fn = this.instance().compile(schema);
      this.compiled.set(schema, fn);
    }
    return fn;
  }

  private instance(): Ajv2020Type {
    if (this.ajv) return this.ajv;
    const require = createRequire(import.meta.url);
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strictSchema: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      allowUnionTypes: true,
      // Each schema is compiled once per start and run a few times: cheaper code generation wins.
      code: { optimize: false },
    });
    ajv.addKeyword({
      keyword: FUNCTION_KEYWORD,
      schemaType: 'boolean',
      errors: false,
      validate: (wanted: boolean, data: unknown) => !wanted || typeof data === 'function',
    });
    // Descriptive keywords editors read; they validate nothing.
    ajv.addVocabulary(['x-reconstructed']);
    this.ajv = ajv;
    return ajv;
  }
}

/** Nothing given: no value, or an object whose members are all undefined or `{}`. */
function nothingGiven(value: unknown): boolean {
  if (value === undefined) return true;
  if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(
    (v) =>
      v === undefined || (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0),
  );
}

/** Library callers may hand a Clock instance where the schema describes clock options. */
function plain(value: unknown): unknown {
  if (value instanceof Clock) return {};
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

function got(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function list(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

function describeError(e: ErrorObject): string | undefined {
  const at = e.instancePath || '/';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((e.parentSchema?.properties ?? {}) as object);
      const near = didYouMean(key, allowed);
      const base = `${e.instancePath}/${escapePointer(key)}`;
      const hint = near
        ? ` (did you mean "${near}"?)`
        : allowed.length
          ? ` (known: ${allowed.join(', ')})`
          : '';
      return `${base}: unknown key${hint}`;
    }
    case 'required':
      return `${e.instancePath}/${escapePointer(String(p.missingProperty))}: is required`;
    case 'enum':
      return `${at}: must be one of ${list(p.allowedValues as unknown[])} (got ${got(e.data)})`;
    case 'const':
      return `${at}: must be ${got(p.allowedValue)} (got ${got(e.data)})`;
    case 'type':
      return `${at}: must be ${String(p.type).replace(',', ' or ')} (got ${got(e.data)})`;
    case 'minimum':
    case 'maximum': {
      const s = (e.parentSchema ?? {}) as { minimum?: number; maximum?: number; type?: string };
      if (s.minimum !== undefined && s.maximum !== undefined) {
        const kind = s.type === 'integer' ? 'an integer' : 'a number';
        return `${at}: must be ${kind} from ${s.minimum} to ${s.maximum} (got ${got(e.data)})`;
      }
      return `${at}: must be ${e.keyword === 'minimum' ? '≥' : '≤'} ${p.limit} (got ${got(e.data)})`;
    }
    case 'exclusiveMinimum':
      return `${at}: must be > ${p.limit} (got ${got(e.data)})`;
    case 'exclusiveMaximum':
      return `${at}: must be < ${p.limit} (got ${got(e.data)})`;
    case FUNCTION_KEYWORD:
      return `${at}: must be a function (library option only; got ${got(e.data)})`;
    case 'if':
    case 'anyOf':
    case 'oneOf':
      // The branch's own errors say what is wrong; the combinator adds nothing.
      return undefined;
    default:
      return `${at}: ${e.message ?? e.keyword} (got ${got(e.data)})`;
  }
}

function describeErrors(errors: ErrorObject[], _schema: JsonSchema): string[] {
  const lines = errors.map(describeError).filter((l): l is string => l !== undefined);
  const unique = [...new Set(lines)];
  // An anyOf whose branches all failed on type alone still needs a line.
  if (unique.length === 0 && errors[0]) unique.push(`${errors[0].instancePath || '/'}: ${errors[0].message}`);
  return unique;
}

/** The allowed key closest to a misspelt one: same letters in another case, a key cut short, else edit distance ≤ a third of it. */
export function didYouMean(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameCase = allowed.find((a) => a.toLowerCase() === lower);
  if (sameCase) return sameCase;
  // `retryAfter` for `retryAfterSeconds`: a key cut short.
  const longer = lower.length >= 4 ? allowed.find((a) => a.toLowerCase().startsWith(lower)) : undefined;
  if (longer) return longer;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const a of allowed) {
    const d = editDistance(lower, a.toLowerCase());
    if (d < bestDistance) {
      best = a;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
