import { dereference, type Schema, validate } from '@cfworker/json-schema';
import { FUNCTION_KEYWORD, type JsonSchema } from './options-schema.js';

/**
 * A quick yes/no on "does this value satisfy the options schema?", answered by an interpreting
 * validator (@cfworker/json-schema walks the value, no code generation). Compiling the composed
 * options schema with ajv took most of `serve`'s start-up (bench/README.md, cold start), yet a
 * configuration is almost always valid: only a value this screen rejects, or one it cannot judge,
 * goes on to ajv, whose errors name each mistake. ajv stays the authority; the screen may only
 * say "valid" where ajv would (test/simulators/kernel/options-screen.test.ts holds them to it).
 */
export class OptionsScreen {
  /** By the schema's text: callers compose a new (equal) schema object on each call. */
  private readonly prepared = new Map<string, { schema: Schema; lookup: Record<string, Schema | boolean> }>();

  /** true: valid. false: invalid, or a value the screen cannot judge (ask ajv). */
  passes(schema: JsonSchema, value: unknown): boolean {
    const input = screenable(value);
    if (input === UNJUDGED) return false;
    const key = JSON.stringify(schema);
    let p = this.prepared.get(key);
    if (!p) {
      const screened = forScreen(schema) as Schema;
      // Indexing the schema's ids is only needed to follow references; the options have none.
      p = {
        schema: screened,
        lookup: /"\$(?:ref|dynamicRef|recursiveRef)"/.test(key) ? dereference(screened) : {},
      };
      this.prepared.set(key, p);
    }
    return validate(input, p.schema, '2020-12', p.lookup, true).valid;
  }
}

/** What a function value becomes for the screen; `x-function` nodes accept exactly this. */
const FUNCTION_STANDIN = '\u0000billing-sim:function';
const UNJUDGED = Symbol('unjudged');

/**
 * The value as the screen sees it: functions as a stand-in string, plain data as is. Anything a
 * JSON Schema interpreter and ajv might judge differently (non-finite numbers from YAML's `.inf`,
 * class instances, symbols, bigints) is left to ajv.
 */
function screenable(value: unknown): unknown {
  switch (typeof value) {
    case 'function':
      return FUNCTION_STANDIN;
    case 'number':
      return Number.isFinite(value) ? value : UNJUDGED;
    case 'string':
    case 'boolean':
      return value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out: unknown[] = [];
        for (const v of value) {
          const s = screenable(v);
          if (s === UNJUDGED) return UNJUDGED;
          out.push(s);
        }
        return out;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return UNJUDGED;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === undefined) continue;
        const s = screenable(v);
        if (s === UNJUDGED) return UNJUDGED;
        out[k] = s;
      }
      return out;
    }
    default:
      return UNJUDGED;
  }
}

/** Keywords whose value maps names to schemas, and those whose value is data, not a schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const DATA = new Set(['enum', 'const', 'default', 'examples']);

/** The schema with each `x-function` node replaced by "the stand-in, nothing else". */
function forScreen(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forScreen);
  if (!schema || typeof schema !== 'object') return schema;
  const node = schema as Record<string, unknown>;
  if (node[FUNCTION_KEYWORD] === true) return { const: FUNCTION_STANDIN };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (DATA.has(k)) out[k] = v;
    else if (SCHEMA_MAPS.has(k) && v && typeof v === 'object')
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, forScreen(sub)]));
    else out[k] = forScreen(v);
  }
  return out;
}
