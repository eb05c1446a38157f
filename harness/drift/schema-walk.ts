import { type OpenApiDocument, resolveRef } from '../../contracts/openapi.js';

type Schema = Record<string, unknown>;

/** What one body taught about its schema. Paths are JSON paths with `[]` for any array index. */
export interface WalkSink {
  /** A field the schema does not name (and no additionalProperties schema admits). */
  unknownField(path: string, field: string): void;
  /** An object node was seen with these fields; `required` are the fields its schema requires. */
  objectSeen(
    path: string,
    fields: readonly string[],
    required: readonly string[],
    simulatorOnly: boolean,
  ): void;
  /** A value outside the schema's enum (or const). */
  enumValue(path: string, value: unknown, allowed: readonly unknown[]): void;
  /** A value of a type the schema does not allow. */
  wrongType(path: string, value: unknown, expected: readonly string[]): void;
}

/** A schema flattened over $ref and allOf; oneOf/anyOf branches are kept as alternatives. */
interface Flat {
  types: string[] | undefined;
  properties: Map<string, Schema>;
  required: Set<string>;
  /** undefined: closed or unspecified (unknown fields are drift); true: anything; a schema: map values. */
  additional: Schema | true | undefined;
  items: Schema | undefined;
  enumValues: unknown[] | undefined;
  branches: Schema[];
  simulatorOnlyRequired: boolean;
}

/**
 * Walks a JSON value along its contract schema and reports what a contract comparison needs.
 * It is deliberately not a validator (ajv is, elsewhere): it keeps walking past a mismatch, and
 * it tells which fields appeared at all, so "required but never seen" can be judged over a
 * whole recording.
 */
export function walk(doc: OpenApiDocument, schema: Schema, value: unknown, sink: WalkSink, path = '$'): void {
  const flat = flatten(doc, schema);
  if (flat.enumValues && !flat.enumValues.some((v) => sameValue(v, value)))
    sink.enumValue(path, value, flat.enumValues);
  if (flat.types && !flat.types.some((t) => typeMatches(t, value))) {
    sink.wrongType(path, value, flat.types);
    return;
  }
  if (Array.isArray(value)) {
    const items = flat.items ?? branchItems(doc, flat.branches);
    if (items) for (const item of value) walk(doc, items, item, sink, `${path}[]`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  // Alternatives: the fields of every branch are known; required lists are not merged.
  const properties = new Map(flat.properties);
  let additional = flat.additional;
  for (const branch of flat.branches) {
    const b = flatten(doc, branch);
    for (const [k, v] of b.properties) if (!properties.has(k)) properties.set(k, v);
    if (b.additional) additional ??= b.additional;
  }
  const fields = Object.keys(value);
  sink.objectSeen(path, fields, [...flat.required], flat.simulatorOnlyRequired);
  for (const field of fields) {
    const child = (value as Record<string, unknown>)[field];
    const known = properties.get(field);
    if (known) walk(doc, known, child, sink, `${path}.${field}`);
    else if (additional === true) continue;
    else if (additional) walk(doc, additional, child, sink, `${path}.*`);
    else sink.unknownField(path, field);
  }
}

function flatten(doc: OpenApiDocument, input: Schema, depth = 0): Flat {
  const schema = resolveRef(doc, input as Schema & { $ref?: string }) ?? {};
  const flat: Flat = {
    types: typeList(schema.type),
    properties: new Map(Object.entries((schema.properties as Record<string, Schema>) ?? {})),
    required: new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []),
    additional:
      schema.additionalProperties === true
        ? true
        : schema.additionalProperties && typeof schema.additionalProperties === 'object'
          ? (schema.additionalProperties as Schema)
          : schema.patternProperties
            ? true
            : undefined,
    items: schema.items && typeof schema.items === 'object' ? (schema.items as Schema) : undefined,
    enumValues: Array.isArray(schema.enum)
      ? (schema.enum as unknown[])
      : 'const' in schema
        ? [schema.const]
        : undefined,
    branches: [...((schema.oneOf as Schema[]) ?? []), ...((schema.anyOf as Schema[]) ?? [])],
    simulatorOnlyRequired: simulatorOnly(schema, 'required'),
  };
  if (depth > 20) return flat;
  for (const part of (schema.allOf as Schema[]) ?? []) {
    const p = flatten(doc, part, depth + 1);
    flat.types ??= p.types;
    for (const [k, v] of p.properties) if (!flat.properties.has(k)) flat.properties.set(k, v);
    for (const r of p.required) flat.required.add(r);
    flat.additional ??= p.additional;
    flat.items ??= p.items;
    flat.enumValues ??= p.enumValues;
    flat.branches.push(...p.branches);
    flat.simulatorOnlyRequired ||= p.simulatorOnlyRequired;
  }
  return flat;
}

function branchItems(doc: OpenApiDocument, branches: Schema[]): Schema | undefined {
  for (const b of branches) {
    const f = flatten(doc, b);
    if (f.items) return f.items;
  }
  return undefined;
}

function simulatorOnly(schema: Schema, keyword: string): boolean {
  const mark = schema['x-simulator-only'];
  return mark === true || (Array.isArray(mark) && mark.includes(keyword));
}

function typeList(type: unknown): string[] | undefined {
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type as string[];
  return undefined;
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === type;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
