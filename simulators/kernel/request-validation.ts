import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Request } from 'express';
import { packageRoot } from '../../contracts/files.js';
import { HTTP_METHODS, type OpenApiDocument, pointer, resolveRefAt } from '../../contracts/openapi.js';
import { kernelError, type SimError } from './errors.js';

/**
 * The vendor's contract as the kernel reads it: which methods a path has (for `Allow`), and a
 * request-validation stage that checks each request's path, query, headers and JSON body against
 * the declared parameters and request body, plus the rules JSON Schema cannot express, named on
 * the operation in `x-request-rules`. Everything is loaded and compiled on first use, per app
 * (one ajv instance, one compiled validator per parameter and body), and kept. A bodyless
 * request that passed is remembered by its URL, declared headers and (for rules about the
 * current day or month) the simulator's day, so a polled resource is checked once.
 *
 * `x-request-rules` (on an operation): a list of
 * - `{ rule: not-after, params: [a, b] }` — `a` is not later (dates) / larger than `b`;
 * - `{ rule: max-span-days, params: [a, b], days: N }` — `b` is at most N days after `a`;
 * - `{ rule: not-both, params: [a, b] }` — at most one of `a` and `b` is given;
 * - `{ rule: before-current, params: [a], unit: day | month }` — `a` names a day (month) before
 *   the simulator's current UTC day (month);
 * - `{ rule: within-years, params: [a], years: N, unit: day | month }` — `a` is no earlier than
 *   the same day (month) N years before the current one.
 * A parameter may name a path, query or header parameter or a top-level property of the JSON
 * body. On a requestBody, `x-absent-as: <value>` checks a request without a body as if it had
 * sent that value (Webex reads a missing body as `{}`, so its required fields fail by name);
 * `x-request-validation: false` on an operation leaves its checks to the route (say why there).
 * `x-request-media-types: [type, …]` on an operation: a request body of another media type is a
 * 415 (kernel kind `unsupported-media-type`), checked before the parameters.
 * A body the kernel did not parse (a media type other than the vendor's JSON types) is left to
 * the route's media-type check. A rule runs once every parameter it names is present and passed its schema; it is placed
 * after the last of them, so problems come in the order the contract declares the fields.
 *
 * A failure is a SimError of kernel kind `bad-request`: its message is the first problem in the
 * kernel's words; `details.violations` lists every problem found ({@link RequestProblem}: where,
 * which field, which keyword or rule, the value as sent, the keyword's parameters) and
 * `details.operation` the operationId, so a vendor renders them in its own words and envelope.
 */

/** One way a request breaks its contract. */
export interface RequestProblem {
  in: 'path' | 'query' | 'header' | 'body';
  /** Parameter or top-level body property ('' for the body as a whole). */
  name: string;
  /**
   * `required`, `repeated` (a single-valued parameter given more than once), the failed JSON
   * Schema keyword (`type`, `pattern`, `format`, `enum`, `minimum`, `maximum`, `minLength` …) or
   * the x-request-rules rule.
   */
  keyword: string;
  /** The value as sent: the raw string (or strings) of a parameter, the JSON value of a body field. */
  value: unknown;
  /** The keyword's parameters (ajv's `limit`, `allowedValues`, `format`, `pattern`; a rule's `current`, `earliest`, `days`, `other`). */
  params: Record<string, unknown>;
  /** The kernel's wording, e.g. `query parameter limit must be >= 1`. */
  message: string;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
}

type Unit = 'day' | 'month';

interface RequestRule {
  rule: 'not-after' | 'max-span-days' | 'not-both' | 'before-current' | 'within-years';
  params: string[];
  days?: number;
  years?: number;
  unit?: Unit;
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

type Validate = ((value: unknown) => boolean) & { errors?: AjvError[] | null };

interface ParamStep {
  param: Parameter;
  /** The schema's type, for reading query strings (`"5"` → 5 for integers). */
  type: unknown;
  itemType: unknown;
  validate: Validate | undefined;
  /** Rules that run right after this parameter. */
  rules: RequestRule[];
}

interface BodyStep {
  required: boolean;
  /** `x-absent-as`: what an absent body is checked as. */
  absent: { value: unknown } | undefined;
  validate: Validate;
  /** Top-level properties in declared order (problems and rules are sorted by it). */
  order: string[];
  /** Rules about body fields, by the rank of the last field they name (stable). */
  rules: RequestRule[];
  /** `ranks[i]`: that rank for `rules[i]`. */
  ranks: number[];
}

interface Operation {
  id: string;
  /** `x-request-media-types`: the media types a request body may have. */
  mediaTypes: string[] | undefined;
  params: ParamStep[];
  body: BodyStep | undefined;
  /** Rules whose parameters are not all declared (or none of the above placed them). */
  rest: RequestRule[];
  /** Declared header parameters: their values are part of what a remembered pass depends on. */
  headers: string[];
  /** A rule reads the simulator's current day or month: a remembered pass holds for that day only. */
  clocked: boolean;
  /** Bodyless requests that passed, by URL (path and query): a poll is checked once, not per request. */
  passed: Map<string, PassedCheck>;
}

/** What a remembered pass depended on besides the URL. */
interface PassedCheck {
  day: number;
  headers: (string | undefined)[];
}

/** URLs remembered per operation before the memo starts over (bounded, like every store). */
const PASSED_LIMIT = 512;

interface Route {
  template: string;
  regex: RegExp;
  names: string[];
  /** Pointer (without `#/`) of the path item. */
  at: string;
  methods: Set<string>;
  /** Compiled operations by lower-case method. */
  operations: Map<string, Operation>;
}

/** The contract file of a vendor: `contracts/<name>.openapi.yaml`, if there is one. */
export function contractFileOf(vendor: string): string | undefined {
  const file = join(packageRoot(), 'contracts', `${vendor}.openapi.yaml`);
  return existsSync(file) ? file : undefined;
}

export class ContractRequests {
  private doc: OpenApiDocument | undefined;
  /** Literal paths by path; templated ones in match order. */
  private literal: Map<string, Route> | undefined;
  private templated: Route[] = [];
  private ajv: import('ajv/dist/2020.js').Ajv2020 | undefined;

  /**
   * `file`: the vendor's OpenAPI document; without one every path is unknown. `now`: the
   * simulator's clock (epoch ms), for the rules about the current day or month.
   */
  constructor(
    private readonly file: string | undefined,
    private readonly now: () => number = () => 0,
  ) {}

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
    const path = req.path;
    const route = this.route(path);
    if (route === undefined) return undefined;
    let method = req.method.toLowerCase();
    if (method === 'head' && !route.methods.has('head')) method = 'get';
    if (!route.methods.has(method)) return undefined;
    let op = route.operations.get(method);
    if (op === undefined) {
      op = this.compileOperation(route, method);
      route.operations.set(method, op);
    }
    const sent =
      Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    // A request without a body is a function of its URL, its declared headers and (for rules
    // about the current day or month) the simulator's day: a poll that passed once passes again.
    const day = op.clocked ? Math.floor(this.now() / 86_400_000) : 0;
    if (!sent && this.passedBefore(op, req, day)) return undefined;
    if (op.mediaTypes !== undefined && sent && !req.is(op.mediaTypes)) {
      return kernelError(
        'unsupported-media-type',
        415,
        `Unsupported media type ${req.get('content-type') ?? '(none)'}.`,
        { details: { operation: op.id } },
      );
    }
    const query = req.query as Record<string, unknown>;
    // Express parses the query string again on every read of req.query: the route reads the
    // object checked here instead.
    Object.defineProperty(req, 'query', {
      value: query,
      configurable: true,
      enumerable: true,
      writable: true,
    });
    let pathValues: Record<string, string> | undefined;
    if (route.names.length > 0) {
      pathValues = {};
      const match = route.regex.exec(path);
      for (let i = 0; i < route.names.length; i++) {
        pathValues[route.names[i] as string] = safeDecode(match?.[i + 1] ?? '');
      }
    }
    const ctx: Checking = {
      req,
      sent,
      query,
      pathValues,
      problems: undefined,
      failed: undefined,
      instants: undefined,
    };
    for (const step of op.params) {
      const { param } = step;
      const raw =
        param.in === 'query'
          ? query[param.name]
          : param.in === 'path'
            ? pathValues?.[param.name]
            : param.in === 'header'
              ? req.get(param.name)
              : undefined;
      if (raw === undefined || (raw === '' && param.required)) {
        if (param.required) fail(ctx, paramProblem(param, 'required', raw, {}, 'is required'));
      } else if (Array.isArray(raw) && step.type !== 'array') {
        fail(ctx, paramProblem(param, 'repeated', raw, {}, 'must be given once'));
      } else if (step.validate !== undefined && !step.validate(coerce(raw, step.type, step.itemType))) {
        const e = step.validate.errors?.[0];
        fail(ctx, paramProblem(param, e?.keyword ?? 'schema', raw, e?.params ?? {}, ajvWords(e)));
      }
      if (step.rules.length > 0) this.runRules(ctx, step.rules);
    }
    if (op.body !== undefined) this.checkBody(ctx, op.body);
    if (op.rest.length > 0) this.runRules(ctx, op.rest);
    const problems = ctx.problems;
    if (problems === undefined) {
      if (!sent) this.remember(op, req, day);
      return undefined;
    }
    const first = problems[0] as RequestProblem;
    return kernelError('bad-request', 400, kernelMessage(first), {
      details: {
        in: first.in,
        parameter: first.name,
        ...(RULES.has(first.keyword) ? { rule: first.keyword } : {}),
        operation: op.id,
        violations: problems,
      },
    });
  }

  private passedBefore(op: Operation, req: Request, day: number): boolean {
    const hit = op.passed.get(req.url);
    if (hit === undefined || hit.day !== day) return false;
    for (let i = 0; i < op.headers.length; i++) {
      if (req.get(op.headers[i] as string) !== hit.headers[i]) return false;
    }
    return true;
  }

  private remember(op: Operation, req: Request, day: number): void {
    if (op.passed.size >= PASSED_LIMIT) op.passed.clear();
    op.passed.set(req.url, { day, headers: op.headers.map((h) => req.get(h)) });
  }

  private runRules(ctx: Checking, rules: readonly RequestRule[]): void {
    for (const rule of rules) {
      const failed = ctx.failed;
      if (failed !== undefined && rule.params.some((p) => failed.has(p))) continue;
      const problem = this.applyRule(rule, ctx);
      if (problem) fail(ctx, problem);
    }
  }

  private checkBody(ctx: Checking, body: BodyStep): void {
    const { req, sent } = ctx;
    // express.json leaves `{}` when there was no body, and nothing for a body it does not parse.
    if (sent && req.body === undefined) return;
    let value = sent ? (req.body as unknown) : undefined;
    if (value === undefined) {
      if (body.absent === undefined) {
        if (body.required)
          fail(ctx, { in: 'body', name: '', keyword: 'required', value, params: {}, message: '' });
        return;
      }
      value = body.absent.value;
    }
    const found: RequestProblem[] = [];
    if (!body.validate(value)) {
      const seen = new Set<string>();
      for (const e of body.validate.errors ?? []) {
        const name =
          e.instancePath === ''
            ? typeof e.params.missingProperty === 'string'
              ? e.params.missingProperty
              : ''
            : decodePointer(e.instancePath.split('/')[1] ?? '');
        if (seen.has(name)) continue; // the first problem of each field
        seen.add(name);
        const field =
          name !== '' && value !== null && typeof value === 'object'
            ? (value as Record<string, unknown>)[name]
            : name === ''
              ? value
              : undefined;
        found.push({
          in: 'body',
          name,
          keyword: e.keyword,
          value: field,
          params: e.params,
          message: `${ajvWords(e)}${e.instancePath ? ` at ${e.instancePath}` : ''}`,
        });
      }
    }
    if (found.length === 0) {
      if (body.rules.length > 0) this.runRules(ctx, body.rules);
      return;
    }
    // Field problems and rules in the order the schema declares the fields.
    found.sort((a, b) => fieldRank(body.order, a.name) - fieldRank(body.order, b.name));
    const rules = body.rules;
    let r = 0;
    for (const problem of found) {
      const rank = fieldRank(body.order, problem.name);
      while (r < rules.length && (body.ranks[r] as number) < rank)
        this.runRules(ctx, [rules[r++] as RequestRule]);
      fail(ctx, problem);
    }
    if (found.some((p) => p.name === '')) return; // not an object: no field rules
    this.runRules(ctx, rules.slice(r));
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
    if (this.literal === undefined) {
      this.literal = new Map();
      for (const route of buildRoutes(this.document())) {
        if (route.names.length === 0) this.literal.set(route.template, route);
        else this.templated.push(route);
      }
    }
    // A literal path wins over a template (`/contracts/invoices` before `/contracts/{id}`).
    const exact = this.literal.get(path);
    if (exact !== undefined) return exact;
    for (const route of this.templated) if (route.regex.test(path)) return route;
    return undefined;
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
    const params: ParamStep[] = [...declared.values()].map(({ param, pointer: where }) => {
      const schema = param.schema ? this.resolveSchema(param.schema) : undefined;
      return {
        param,
        type: schema?.type,
        itemType: schema?.items
          ? this.resolveSchema(schema.items as Record<string, unknown>).type
          : undefined,
        validate: param.schema ? this.compile(`${where}/schema`) : undefined,
        rules: [],
      };
    });
    const requestBody = operation.requestBody
      ? resolveRefAt(
          doc,
          operation.requestBody as { required?: boolean; content?: Record<string, unknown>; $ref?: string },
          `${at}/requestBody`,
        )
      : undefined;
    const jsonType = Object.keys(requestBody?.value.content ?? {}).find((t) => /json/.test(t));
    const bodySchema = jsonType
      ? (requestBody?.value.content?.[jsonType] as { schema?: Record<string, unknown> } | undefined)?.schema
      : undefined;
    const body: BodyStep | undefined =
      requestBody && jsonType && bodySchema
        ? {
            required: requestBody.value.required === true,
            absent:
              'x-absent-as' in requestBody.value
                ? { value: (requestBody.value as Record<string, unknown>)['x-absent-as'] }
                : undefined,
            validate: this.compile(`${requestBody.pointer}/content/${pointer(jsonType)}/schema`),
            order: Object.keys(this.resolveSchema(bodySchema).properties ?? {}),
            rules: [],
            ranks: [],
          }
        : undefined;
    const rest: RequestRule[] = [];
    const names = params.map((s) => s.param.name);
    for (const rule of (operation['x-request-rules'] as RequestRule[] | undefined) ?? []) {
      if (rule.params.every((p) => names.includes(p))) {
        const last = Math.max(...rule.params.map((p) => names.indexOf(p)));
        (params[last] as ParamStep).rules.push(rule);
      } else if (body && rule.params.every((p) => body.order.includes(p))) {
        body.rules.push(rule);
      } else {
        rest.push(rule);
      }
    }
    if (operation['x-request-validation'] === false)
      return {
        id: '',
        mediaTypes: undefined,
        params: [],
        body: undefined,
        rest: [],
        headers: [],
        clocked: false,
        passed: new Map(),
      };
    const mediaTypes = operation['x-request-media-types'];
    if (body) {
      const rankOf = (rule: RequestRule) => Math.max(...rule.params.map((p) => fieldRank(body.order, p)));
      body.rules.sort((a, b) => rankOf(a) - rankOf(b));
      body.ranks = body.rules.map(rankOf);
    }
    return {
      id: String(operation.operationId ?? `${method} ${route.template}`),
      mediaTypes: Array.isArray(mediaTypes) ? mediaTypes.map(String) : undefined,
      params,
      body,
      rest,
      headers: params.filter((s) => s.param.in === 'header').map((s) => s.param.name),
      clocked: ((operation['x-request-rules'] as RequestRule[] | undefined) ?? []).some(
        (r) => r.rule === 'before-current' || r.rule === 'within-years',
      ),
      passed: new Map(),
    };
  }

  /** The schema at a node, its `$ref` (if any) followed within the contract. */
  private resolveSchema(node: Record<string, unknown>): Record<string, unknown> {
    let n = node;
    for (let i = 0; i < 16 && typeof n.$ref === 'string'; i++) {
      let target: unknown = this.document();
      for (const key of n.$ref.replace(/^#\//, '').split('/'))
        target = (target as Record<string, unknown>)[decodePointer(key)];
      n = (target ?? {}) as Record<string, unknown>;
    }
    return n;
  }

  /** A validator for the schema at `at` (a pointer into the contract), $refs resolved by ajv. */
  private compile(at: string): Validate {
    return this.instance().compile({ $ref: `contract#/${at}` }) as Validate;
  }

  private instance(): import('ajv/dist/2020.js').Ajv2020 {
    if (this.ajv) return this.ajv;
    const require = createRequire(import.meta.url);
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const addFormats = require('ajv-formats') as (ajv: unknown) => void;
    // allErrors: a body reports every field that is wrong (vendors list them all).
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema(this.document() as object, 'contract');
    this.ajv = ajv;
    return ajv;
  }

  private applyRule(rule: RequestRule, ctx: Checking): RequestProblem | undefined {
    const [a = '', b = ''] = rule.params;
    const value = (name: string): unknown =>
      ctx.query[name] ?? ctx.pathValues?.[name] ?? bodyField(ctx.req, name);
    const locate = (name: string): RequestProblem['in'] =>
      ctx.query[name] !== undefined ? 'query' : ctx.pathValues?.[name] !== undefined ? 'path' : 'body';
    const problem = (name: string, params: Record<string, unknown>, message: string): RequestProblem => ({
      in: locate(name),
      name,
      keyword: rule.rule,
      value: value(name),
      params,
      message,
    });
    if (rule.rule === 'not-both') {
      if (present(value(a)) && present(value(b)))
        return problem(b, { other: a }, `${a} and ${b} must not both be given`);
      return undefined;
    }
    const first = instantOf(ctx, value(a));
    if (first === undefined) return undefined;
    if (rule.rule === 'before-current' || rule.rule === 'within-years') {
      const unit = rule.unit ?? 'day';
      const current = periodStart(this.now(), unit);
      if (rule.rule === 'before-current') {
        return periodStart(first, unit) >= current
          ? problem(a, { current: formatPeriod(current, unit) }, `${a} must be before the current ${unit}`)
          : undefined;
      }
      const years = rule.years ?? 0;
      const earliest = yearsBefore(current, years);
      return periodStart(first, unit) < earliest
        ? problem(
            a,
            { earliest: formatPeriod(earliest, unit), years },
            `${a} must be within the last ${years} years`,
          )
        : undefined;
    }
    const second = instantOf(ctx, value(b));
    if (second === undefined) return undefined;
    if (rule.rule === 'not-after' && first > second)
      return problem(b, { other: a }, `${a} must not be after ${b}`);
    if (rule.rule === 'max-span-days' && second - first > (rule.days ?? 0) * 86_400_000)
      return problem(b, { other: a, days: rule.days }, `${a} to ${b} may span at most ${rule.days} days`);
    return undefined;
  }
}

/** Where a body field sits in the schema's declared order (the whole body first, unknown fields last). */
function fieldRank(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? (name === '' ? -1 : order.length) : i;
}

/** One request being checked. */
interface Checking {
  req: Request;
  /** The request has a body (a length above 0, or chunked). */
  sent: boolean;
  query: Record<string, unknown>;
  pathValues: Record<string, string> | undefined;
  problems: RequestProblem[] | undefined;
  /** Fields with a problem: rules about them do not run. */
  failed: Set<string> | undefined;
  /** Instants already read from a value (several rules name the same field). */
  instants: Map<unknown, number | undefined> | undefined;
}

function instantOf(ctx: Checking, value: unknown): number | undefined {
  ctx.instants ??= new Map();
  if (ctx.instants.has(value)) return ctx.instants.get(value);
  const ms = instant(value);
  ctx.instants.set(value, ms);
  return ms;
}

function fail(ctx: Checking, problem: RequestProblem): void {
  ctx.problems ??= [];
  ctx.problems.push(problem);
  ctx.failed ??= new Set();
  ctx.failed.add(problem.name);
}

const RULES = new Set(['not-after', 'max-span-days', 'not-both', 'before-current', 'within-years']);

function kernelMessage(p: RequestProblem): string {
  if (p.in === 'body' && !RULES.has(p.keyword))
    return p.keyword === 'required' && p.name === ''
      ? 'A request body is required.'
      : `request body ${p.message}`;
  return `Invalid request: ${p.message}.`;
}

function paramProblem(
  param: Parameter,
  keyword: string,
  value: unknown,
  params: Record<string, unknown>,
  words: string,
): RequestProblem {
  return {
    in: param.in as RequestProblem['in'],
    name: param.name,
    keyword,
    value,
    params,
    message: `${param.in} parameter ${param.name} ${words}`,
  };
}

function ajvWords(e: AjvError | undefined): string {
  return e?.message ?? 'is invalid';
}

function present(v: unknown): boolean {
  return v !== undefined && v !== '';
}

function bodyField(req: Request, name: string): unknown {
  const body = req.body as unknown;
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function decodePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A query or header string as the schema's type reads it (`"5"` → 5 for integers; `"5.0"` is no integer). */
function coerce(raw: unknown, type: unknown, itemType: unknown): unknown {
  if (Array.isArray(raw)) return type === 'array' ? raw.map((r) => coerce(r, itemType, undefined)) : raw;
  if (typeof raw !== 'string') return raw;
  if (type === 'array') return [coerce(raw, itemType, undefined)];
  if (type === 'integer') return INTEGER.test(raw) ? Number(raw) : raw;
  if (type === 'number') return NUMBER.test(raw) ? Number(raw) : raw;
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

const FIRST_ISO_MS = -62_167_219_200_000; // 0000-01-01T00:00:00Z
const LAST_ISO_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** `YYYY-MM`, `YYYY-MM-DD` or an ISO date-time, with its parts. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|([+-])(\d{2}):?(\d{2}))?)?)?$/;

/** Days from 1970-01-01 to a proleptic Gregorian date (no Date object, no 0–99 → 19xx mapping). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Epoch ms of a date (`YYYY-MM`, `YYYY-MM-DD`: UTC midnight), a date-time with a zone, or a
 * number; undefined for anything else, for a day or time the calendar lacks (Date.parse would
 * read 2026-02-30 as 2 March: the parameter's own check words that), for a local time (an
 * instant only in the server's zone: the vendor's to compare) and outside four-digit years.
 */
function instant(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  const m = ISO_INSTANT.exec(value);
  if (m === null) {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  let ms = daysFromCivil(year, month, day) * 86_400_000;
  if (m[4] !== undefined) {
    if (m[8] === undefined) return undefined; // a local time
    const hour = Number(m[4]);
    const minute = Number(m[5]);
    const second = m[6] === undefined ? 0 : Number(m[6]);
    if (hour > 23 || minute > 59 || second > 59) return undefined;
    ms += ((hour * 60 + minute) * 60 + second) * 1000;
    if (m[7] !== undefined) ms += Number(m[7].slice(0, 3).padEnd(3, '0'));
    if (m[9] !== undefined) {
      const offset = Number(m[10]) * 60 + Number(m[11]);
      if (offset > 18 * 60) return undefined;
      ms -= (m[9] === '-' ? -1 : 1) * offset * 60_000;
    }
  }
  // Only instants an ISO year of four digits can write (the answer would echo them).
  return ms >= FIRST_ISO_MS && ms <= LAST_ISO_MS ? ms : undefined;
}

/** UTC midnight of the day, or of the first day of the month, holding `ms`. */
function periodStart(ms: number, unit: Unit): number {
  const days = Math.floor(ms / 86_400_000);
  if (unit === 'day') return days * 86_400_000;
  const [y, m] = civilFromDays(days);
  return daysFromCivil(y, m, 1) * 86_400_000;
}

/** Same calendar day `years` earlier (29 Feb falls to 1 Mar, as Date does). */
function yearsBefore(ms: number, years: number): number {
  const days = Math.floor(ms / 86_400_000);
  const [y, m, d] = civilFromDays(days);
  const year = y - years;
  const day = m === 2 && d === 29 && daysInMonth(year, 2) === 28 ? -1 : 0;
  return (
    (daysFromCivil(year, m, day === -1 ? 28 : d) + (day === -1 ? 1 : 0)) * 86_400_000 +
    (ms - days * 86_400_000)
  );
}

/** [year, month, day] of a day count from 1970-01-01 (the inverse of daysFromCivil). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

function formatPeriod(ms: number, unit: Unit): string {
  return new Date(ms).toISOString().slice(0, unit === 'month' ? 7 : 10);
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
      operations: new Map(),
    });
  }
  // Fewer templated segments first: `/contracts/{id}/lines` literal parts win over `{a}/{b}`.
  return routes.sort((x, y) => x.names.length - y.names.length);
}
