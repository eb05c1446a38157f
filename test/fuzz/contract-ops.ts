import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { packageRoot } from '../../contracts/index.js';

/** A JSON Schema node as the contracts write it (the subset the fuzz generates from). */
export type Schema = Record<string, unknown> & { $ref?: string };

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  vendor: string;
  method: string;
  template: string;
  parameters: Parameter[];
  body: { mediaType: string; schema: Schema; required: boolean } | undefined;
  /** Declared statuses (for the report of what a valid request may answer). */
  statuses: string[];
}

export interface Contract {
  doc: Record<string, unknown>;
  operations: Operation[];
  resolve<T = Schema>(node: T): T;
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

/** Every operation of `contracts/<name>.openapi.yaml`, $refs resolved (local refs only). */
export function loadContract(name: string): Contract {
  const doc = parse(readFileSync(join(packageRoot(), 'contracts', `${name}.openapi.yaml`), 'utf8')) as Record<
    string,
    unknown
  >;
  const resolve = <T>(node: T): T => {
    let n = node as Schema;
    for (let i = 0; i < 20 && n && typeof n === 'object' && typeof n.$ref === 'string'; i++) {
      const path = n.$ref.replace(/^#\//, '').split('/');
      let target: unknown = doc;
      for (const key of path) target = (target as Record<string, unknown>)[key.replace(/~1/g, '/')];
      n = target as Schema;
    }
    return n as T;
  };
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    const shared = (item.parameters as Schema[] | undefined) ?? [];
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const params = new Map<string, Parameter>();
      for (const raw of [...shared, ...((op.parameters as Schema[] | undefined) ?? [])]) {
        const p = resolve(raw) as unknown as Parameter & { schema?: Schema };
        params.set(`${p.in}:${p.name}`, {
          name: p.name,
          in: p.in,
          required: p.required === true || p.in === 'path',
          schema: resolve(p.schema ?? { type: 'string' }),
        });
      }
      const requestBody = op.requestBody ? resolve(op.requestBody as Schema) : undefined;
      const content = requestBody?.content as Record<string, { schema?: Schema }> | undefined;
      const mediaType = content ? Object.keys(content)[0] : undefined;
      operations.push({
        vendor: name,
        method: method.toUpperCase(),
        template,
        parameters: [...params.values()],
        body:
          mediaType && content
            ? {
                mediaType,
                schema: resolve(content[mediaType]?.schema ?? {}),
                required: requestBody?.required === true,
              }
            : undefined,
        statuses: Object.keys((op.responses as Record<string, unknown>) ?? {}),
      });
    }
  }
  return { doc, operations, resolve };
}

const DAY = 86_400_000;

/**
 * Values valid by a schema. Strings stay short and URL-safe; dates fall in the year before
 * `now`, so a valid request is about the simulated past.
 */
export function valid(contract: Contract, node: Schema, now: number, depth = 0): fc.Arbitrary<unknown> {
  const s = contract.resolve(node);
  if (!s || typeof s !== 'object') return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[key]))
      return fc.oneof(...(s[key] as Schema[]).map((x) => valid(contract, x, now, depth)));
  }
  if (Array.isArray(s.allOf)) {
    const merged: Schema = { type: 'object', properties: {}, required: [] };
    for (const part of s.allOf as Schema[]) {
      const p = contract.resolve(part);
      Object.assign(merged.properties as object, p.properties ?? {});
      (merged.required as string[]).push(...((p.required as string[]) ?? []));
    }
    return valid(contract, merged, now, depth);
  }
  const type = Array.isArray(s.type)
    ? (s.type as string[]).filter((t) => t !== 'null')[0]
    : (s.type as string);
  switch (type) {
    case 'integer': {
      const min = typeof s.minimum === 'number' ? s.minimum : 0;
      const max = typeof s.maximum === 'number' ? s.maximum : min + 1000;
      return fc.integer({ min, max });
    }
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : 0;
      return fc.integer({ min: Math.ceil(min), max: Math.ceil(min) + 1000 });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 3) return fc.constant([]);
      const min = typeof s.minItems === 'number' ? s.minItems : 0;
      return fc.array(valid(contract, (s.items as Schema) ?? {}, now, depth + 1), {
        minLength: min,
        maxLength: Math.max(min, Math.min(3, typeof s.maxItems === 'number' ? s.maxItems : 3)),
      });
    }
    case 'object': {
      if (depth > 3) return fc.constant({});
      const props = (s.properties as Record<string, Schema>) ?? {};
      const required = ((s.required as string[]) ?? []).filter((k) => k in props);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = valid(contract, v, now, depth + 1);
      return fc.record(record, { requiredKeys: required });
    }
    default: {
      if (s.format === 'date-time')
        return fc.integer({ min: now - 365 * DAY, max: now - DAY }).map((t) => new Date(t).toISOString());
      if (s.format === 'date')
        return fc
          .integer({ min: now - 365 * DAY, max: now - DAY })
          .map((t) => new Date(t).toISOString().slice(0, 10));
      if (s.format === 'uuid') return fc.uuid();
      if (typeof s.pattern === 'string') {
        try {
          return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length > 0 && x.length < 200);
        } catch {
          // fall through to a plain string
        }
      }
      const minLength = typeof s.minLength === 'number' ? s.minLength : 1;
      const maxLength = Math.max(minLength, Math.min(typeof s.maxLength === 'number' ? s.maxLength : 16, 16));
      return fc
        .stringMatching(/^[A-Za-z0-9-]+$/)
        .filter((x) => x.length >= minLength && x.length <= maxLength);
    }
  }
}

/** Values a schema refuses: the wrong type, the wrong enum, an impossible date, a huge value. */
export function invalid(contract: Contract, node: Schema): fc.Arbitrary<string> | undefined {
  const s = contract.resolve(node);
  const type = Array.isArray(s.type) ? (s.type as string[])[0] : (s.type as string | undefined);
  if (Array.isArray(s.enum)) return fc.constantFrom('NOT_AN_ENUM_VALUE', '', '%00', 'x'.repeat(300));
  if (type === 'integer' || type === 'number')
    return fc.constantFrom(
      'abc',
      '1.5e999',
      '-1e308',
      'NaN',
      '',
      '0x10',
      '1;2',
      ...(type === 'integer' ? ['1.5'] : []),
    );
  if (type === 'boolean') return fc.constantFrom('maybe', '2', '');
  if (s.format === 'date-time' || s.format === 'date')
    return fc.constantFrom(
      'yesterday',
      '2026-13-45T00:00:00Z',
      '2026-02-30',
      '+275760-09-13T00:00:00.001Z',
      '-000001-01-01T00:00:00Z',
      '0000-00-00',
      '',
      '9'.repeat(40),
    );
  if (typeof s.pattern === 'string' || typeof s.maxLength === 'number')
    return fc.constantFrom('x'.repeat(5000), '../../etc/passwd', '<script>', '%E0%A4%A');
  return undefined;
}
