import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Request } from 'express';
import { packageRoot } from '../../contracts/files.js';
import { HTTP_METHODS, type OpenApiDocument, pointer, resolveRefAt } from '../../contracts/openapi.js';
import { kernelError, type SimError } from './errors.js';

/**
 * The vendor's contract as the kernel reads it: which methods a path has (for `Allow`), and a
 * request-validation stage that checks each request's path, query, headers and body against the
 * declared parameters and request body, plus the rules JSON Schema cannot express, named on the
 * operation in `x-request-rules`. Everything is loaded and compiled on first use, per app.
 *
 * `x-request-rules` (on an operation): a list of
 * - `{ rule: not-after, params: [a, b] }` — parameter `a` is not later (dates) / larger than `b`;
 * - `{ rule: max-span-days, params: [a, b], days: N }` — `b` is at most N days after `a`.
 * A failure is a SimError of kernel kind `bad-request` with `details.parameter` (and `in`,
 * `rule`), which the vendor's renderer words in its own envelope.
 */

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
}

interface RequestRule {
  rule: 'not-after' | 'max-span-days';
  params: [string, string];
  days?: number;
}

interface Route {
  template: string;
  regex: RegExp;
  names: string[];
  /** Pointer (without `#/`) of the path item. */
  at: string;
  methods: Set<string>;
}

type Check = (value: unknown) => string | undefined;

interface Operation {
  parameters: { param: Parameter; check: Check }[];
  body: { required: boolean; check: Check } | undefined;
  rules: RequestRule[];
}

/** The contract file of a vendor: `contracts/<name>.openapi.yaml`, if there is one. */
export function contractFileOf(vendor: string): string | undefined {
  const file = join(packageRoot(), 'contracts', `${vendor}.openapi.yaml`);
  return existsSync(file) ? file : undefined;
}

export class ContractRequests {
  private doc: OpenApiDocument | undefined;
  private routes: Route[] | undefined;
  private readonly operations = new Map<string, Operation>();
  private ajv: import('ajv/dist/2020.js').Ajv2020 | undefined;

  /** `file`: the vendor's OpenAPI document; without one every path is unknown. */
  constructor(private readonly file: string | undefined) {}

  /** Upper-case methods the contract declares for this concrete path (HEAD with GET), or undefined. */
  allowed(path: string): string[] | undefined {
    const route = this.route(path);
    if (!route) return undefined;
    const methods = [...route.methods].map((m) => m.toUpperCase());
    if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
    return methods;
  }

  /** Checks a request (after its body was parsed) against its declared operation. */
  check(req: Request): SimError | undefined {
    const route = this.route(req.path);
    const method =
      req.method === 'HEAD' && route && !route.methods.has('head') ? 'get' : req.method.toLowerCase();
    if (!route?.methods.has(method)) return undefined;
    const match = route.regex.exec(req.path);
    const pathValues: Record<string, string> = {};
    route.names.forEach((name, i) => {
      pathValues[name] = safeDecode(match?.[i + 1] ?? '');
    });
    const op = this.operation(route, method);
    for (const { param, check } of op.parameters) {
      const raw =
        param.in === 'path'
          ? pathValues[param.name]
          : param.in === 'query'
            ? (req.query as Record<string, unknown>)[param.name]
            : param.in === 'header'
              ? req.get(param.name)
              : undefined;
      if (raw === undefined || raw === '') {
        if (param.required) return invalid(param, `${param.in} parameter ${param.name} is required`);
        continue;
      }
      const problem = check(coerce(raw, param.schema));
      if (problem) return invalid(param, `${param.in} parameter ${param.name} ${problem}`);
    }
    if (op.body) {
      const present =
        req.body !== undefined && !(typeof req.body === 'object' && req.body !== null && isEmpty(req));
      if (!present) {
        if (op.body.required)
          return kernelError('bad-request', 400, 'A request body is required.', { details: { in: 'body' } });
      } else {
        const problem = op.body.check(req.body);
        if (problem)
          return kernelError('bad-request', 400, `request body ${problem}`, { details: { in: 'body' } });
      }
    }
    for (const rule of op.rules) {
      const problem = applyRule(rule, req.query as Record<string, unknown>, pathValues);
      if (problem)
        return kernelError('bad-request', 400, problem, {
          details: { in: 'query', rule: rule.rule, parameter: rule.params[1] },
        });
    }
    return undefined;
  }

  private document(): OpenApiDocument {
    if (!this.doc) {
      const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
      this.doc = this.file
        ? (parse(readFileSync(this.file, 'utf8')) as OpenApiDocument)
        : { openapi: '3.1.0' };
    }
    return this.doc;
  }

  private route(path: string): Route | undefined {
    this.routes ??= buildRoutes(this.document());
    return this.routes.find((r) => r.regex.test(path));
  }

  private operation(route: Route, method: string): Operation {
    const key = `${route.template} ${method}`;
    let op = this.operations.get(key);
    if (!op) {
      op = this.compileOperation(route, method);
      this.operations.set(key, op);
    }
    return op;
  }

  private compileOperation(route: Route, method: string): Operation {
    const doc = this.document();
    const item = resolveRefAt(doc, doc.paths?.[route.template] as Record<string, unknown>, route.at).value;
    const at = `${route.at}/${method}`;
    const operation = item[method] as Record<string, unknown>;
    const declared = new Map<string, { param: Parameter; pointer: string }>();
    const collect = (list: unknown, base: string) => {
      (Array.isArray(list) ? list : []).forEach((p, i) => {
        const { value, pointer: where } = resolveRefAt(doc, p as Parameter, `${base}/parameters/${i}`);
        declared.set(`${value.in}:${value.name}`, { param: value, pointer: where });
      });
    };
    collect(item.parameters, route.at);
    collect(operation.parameters, at);
    const parameters = [...declared.values()].map(({ param, pointer: where }) => ({
      param,
      check: param.schema ? this.checker(`${where}/schema`) : () => undefined,
    }));
    const requestBody = operation.requestBody
      ? resolveRefAt(
          doc,
          operation.requestBody as { required?: boolean; content?: Record<string, unknown>; $ref?: string },
          `${at}/requestBody`,
        )
      : undefined;
    const jsonType = Object.keys(requestBody?.value.content ?? {}).find((t) => /json/.test(t));
    const body =
      requestBody &&
      jsonType &&
      (requestBody.value.content?.[jsonType] as { schema?: unknown } | undefined)?.schema
        ? {
            required: requestBody.value.required === true,
            check: this.checker(`${requestBody.pointer}/content/${pointer(jsonType)}/schema`),
          }
        : undefined;
    return { parameters, body, rules: (operation['x-request-rules'] as RequestRule[] | undefined) ?? [] };
  }

  /** A validator for the schema at `at` (a pointer into the contract), $refs resolved by ajv. */
  private checker(at: string): Check {
    const ajv = this.instance();
    const validate = ajv.compile({ $ref: `contract#/${at}` });
    return (value) => {
      if (validate(value)) return undefined;
      const e = validate.errors?.[0];
      const where = e?.instancePath ? ` at ${e.instancePath}` : '';
      return `${e?.message ?? 'is invalid'}${where}`;
    };
  }

  private instance(): import('ajv/dist/2020.js').Ajv2020 {
    if (this.ajv) return this.ajv;
    const require = createRequire(import.meta.url);
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const addFormats = require('ajv-formats') as (ajv: unknown) => void;
    const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema(this.document() as object, 'contract');
    this.ajv = ajv;
    return ajv;
  }
}

function isEmpty(req: Request): boolean {
  // express.json leaves `{}` when there was no body to read.
  return Number(req.headers['content-length'] ?? 0) === 0 && req.headers['transfer-encoding'] === undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A query or header string as the schema's type reads it (`"5"` → 5 for integers). */
function coerce(raw: unknown, schema: Record<string, unknown> | undefined): unknown {
  const type = schema?.type;
  if (Array.isArray(raw)) return type === 'array' ? raw.map((r) => coerce(r, schema?.items as never)) : raw;
  if (typeof raw !== 'string') return raw;
  if (type === 'array') return [coerce(raw, schema?.items as never)];
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw))
    return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

function invalid(param: Parameter, message: string): SimError {
  return kernelError('bad-request', 400, `Invalid request: ${message}.`, {
    details: { in: param.in, parameter: param.name },
  });
}

function instant(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const n = Date.parse(value);
  return Number.isNaN(n) ? (Number.isFinite(Number(value)) ? Number(value) : undefined) : n;
}

function applyRule(
  rule: RequestRule,
  query: Record<string, unknown>,
  path: Record<string, string>,
): string | undefined {
  const [a, b] = rule.params;
  const first = instant(query[a] ?? path[a]);
  const second = instant(query[b] ?? path[b]);
  if (first === undefined || second === undefined) return undefined;
  if (rule.rule === 'not-after' && first > second) return `Invalid request: ${a} must not be after ${b}.`;
  if (rule.rule === 'max-span-days' && second - first > (rule.days ?? 0) * 86_400_000)
    return `Invalid request: ${a} to ${b} may span at most ${rule.days} days.`;
  return undefined;
}

function buildRoutes(doc: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(doc.paths ?? {})) {
    const names: string[] = [];
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        if (!part.startsWith('{')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(part.slice(1, -1));
        return '([^/]+)';
      })
      .join('');
    const methods = new Set(HTTP_METHODS.filter((m) => (item as Record<string, unknown>)[m]));
    routes.push({
      template,
      regex: new RegExp(`^${source}$`),
      names,
      at: `paths/${pointer(template)}`,
      methods,
    });
  }
  // A literal segment wins over a template (`/contracts/invoices` before `/contracts/{id}`).
  return routes.sort((x, y) => x.names.length - y.names.length);
}
