import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { contractsDir } from './files.js';
import {
  type HeaderObject,
  HTTP_METHODS,
  type OpenApiDocument,
  type OperationObject,
  pointer,
  type ResponseObject,
  resolveRef,
  resolveRefAt,
} from './openapi.js';
import { type ResponseProfile, vendorView } from './profiles.js';

export interface Violation {
  /** Where: `status`, `header:<name>`, `content-type`, or a JSON path in the body (`/items/0/id`). */
  path: string;
  message: string;
}

export type HeaderBag = Record<string, string | string[] | number | undefined>;

/** Headers every HTTP stack adds; they need not be declared. */
/** Root extension: the responses of any request that matches no declared operation. */
const UNMATCHED = 'x-unmatched-routes';

const TRANSPORT_HEADERS = new Set([
  'content-type',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

interface Route {
  template: string;
  regex: RegExp;
  params: number;
  methods: Record<string, OperationObject>;
}

interface VendorContract {
  vendor: string;
  /** The ajv schema id the document is registered under (one per view). */
  schemaId: string;
  doc: OpenApiDocument;
  routes: Route[];
}

export interface ValidateOptions {
  /**
   * `simulator` (default): the contract as written, what the simulator sends. `vendor`: only
   * what the vendor guarantees (the project's `x-simulator-only` constraints dropped) — use it
   * against real targets.
   */
  profile?: ResponseProfile;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * Every `contracts/*.openapi.yaml`, read once. One ajv validator per operation × status ×
 * media type, compiled on first use and cached; validation itself never compiles.
 */
export class ContractSet {
  private readonly ajv: Ajv2020;
  private readonly vendors = new Map<string, VendorContract>();
  /** Vendor views, built on first use. */
  private readonly vendorViews = new Map<string, VendorContract>();
  private readonly validators = new Map<string, ValidateFunction>();

  /** Reads the given `*.openapi.yaml` files, or every one in the given folders; the file stem is the vendor key. */
  constructor(sources: string | string[] = contractsDir()) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    const files = (Array.isArray(sources) ? sources : [sources]).flatMap((source) =>
      source.endsWith('.openapi.yaml')
        ? [source]
        : readdirSync(source)
            .filter((f) => f.endsWith('.openapi.yaml'))
            .sort()
            .map((f) => join(source, f)),
    );
    for (const file of files) {
      const vendor = basename(file, '.openapi.yaml');
      const doc = parseYaml(readFileSync(file, 'utf8')) as OpenApiDocument;
      this.ajv.addSchema(doc as object, vendor);
      this.vendors.set(vendor, { vendor, schemaId: vendor, doc, routes: buildRoutes(doc) });
    }
  }

  vendorNames(): string[] {
    return [...this.vendors.keys()];
  }

  /** The document of one view (default the simulator's, as written). */
  document(vendor: string, profile: ResponseProfile = 'simulator'): OpenApiDocument {
    return this.contract(vendor, profile).doc;
  }

  /** The declared operation for a concrete request path, or undefined. */
  findOperation(
    vendor: string,
    method: string,
    path: string,
  ): { template: string; operation: OperationObject } | undefined {
    const route = this.route(this.contract(vendor), method, path);
    const operation = route?.methods[method.toLowerCase()];
    return route && operation ? { template: route.template, operation } : undefined;
  }

  validateResponse(
    vendor: string,
    method: string,
    path: string,
    status: number,
    headers: HeaderBag,
    body: unknown,
    options: ValidateOptions = {},
  ): Violation[] {
    const contract = this.contract(vendor, options.profile ?? 'simulator');
    const cleanPath = path.split('?')[0] ?? path;
    const route = this.route(contract, method, cleanPath);
    // HTTP serves HEAD from the GET resource: same status and headers, no body.
    const head = method.toLowerCase() === 'head' && !route?.methods.head && route?.methods.get !== undefined;
    const m = head ? 'get' : method.toLowerCase();
    const operation = route?.methods[m];
    let responses: Record<string, ResponseObject>;
    let base: string;
    let where: string;
    if (route && operation) {
      responses = operation.responses ?? {};
      base = pointer('paths', route.template, m, 'responses');
      where = `${method.toUpperCase()} ${route.template}`;
    } else if (contract.doc[UNMATCHED]) {
      // What the vendor answers for paths/methods it does not have (404/405 in its envelope).
      responses = contract.doc[UNMATCHED] ?? {};
      base = UNMATCHED;
      where = `unmatched route ${method.toUpperCase()} ${cleanPath}`;
    } else {
      const message = route
        ? `${method.toUpperCase()} is not declared for ${route.template}`
        : `${method.toUpperCase()} ${cleanPath} is not declared in ${vendor}`;
      return [{ path: 'operation', message }];
    }
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!key) return [{ path: 'status', message: `status ${status} is not declared for ${where}` }];
    const { value: response, pointer: responsePointer } = resolveRefAt<ResponseObject>(
      contract.doc,
      responses[key] as ResponseObject,
      `${base}/${pointer(key)}`,
    );
    const lower = lowerKeys(headers);
    const violations = this.checkHeaders(contract.doc, response, lower);
    if (!head) violations.push(...this.checkBody(contract.schemaId, responsePointer, response, lower, body));
    return violations;
  }

  private checkHeaders(
    doc: OpenApiDocument,
    response: ResponseObject,
    headers: Map<string, string>,
  ): Violation[] {
    const out: Violation[] = [];
    const declared = new Map<string, HeaderObject>();
    for (const [name, h] of Object.entries(response.headers ?? {}))
      declared.set(name.toLowerCase(), resolveRef(doc, h));
    for (const [name, h] of declared) {
      const value = headers.get(name);
      if (value === undefined) {
        if (h.required) out.push({ path: `header:${name}`, message: 'required header is missing' });
        continue;
      }
      if (h.schema) {
        const schema = resolveRef(doc, h.schema as { $ref?: string }) as Record<string, unknown>;
        const candidate = schema.type === 'integer' || schema.type === 'number' ? Number(value) : value;
        const validate = this.compileInline(schema);
        if (!validate(candidate))
          out.push({ path: `header:${name}`, message: formatErrors(validate.errors) });
      }
    }
    for (const name of headers.keys()) {
      if (!declared.has(name) && !TRANSPORT_HEADERS.has(name)) {
        out.push({ path: `header:${name}`, message: 'header is not declared for this response' });
      }
    }
    return out;
  }

  private checkBody(
    schemaId: string,
    responsePointer: string,
    response: ResponseObject,
    headers: Map<string, string>,
    body: unknown,
  ): Violation[] {
    const content = response.content;
    const empty =
      body === undefined || body === null || (Buffer.isBuffer(body) && body.length === 0) || body === '';
    const contentType = headers.get('content-type');
    if (!content || Object.keys(content).length === 0) {
      return empty && !contentType
        ? []
        : [{ path: 'body', message: 'a body was sent but the response declares none' }];
    }
    if (!contentType)
      return empty
        ? [{ path: 'body', message: 'the declared body is missing' }]
        : [{ path: 'content-type', message: 'Content-Type is missing' }];
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    const declared = Object.keys(content).find((k) => mediaMatches(k.toLowerCase(), mediaType));
    if (!declared) {
      return [
        {
          path: 'content-type',
          message: `${mediaType} is not declared (declared: ${Object.keys(content).join(', ')})`,
        },
      ];
    }
    const schema = content[declared]?.schema;
    if (!schema || !/json/.test(mediaType) || body === undefined) return [];
    let value: unknown = body;
    if (Buffer.isBuffer(body) || typeof body === 'string') {
      try {
        value = JSON.parse(body.toString());
      } catch {
        return [{ path: 'body', message: 'body is not valid JSON' }];
      }
    }
    const ref = `${schemaId}#/${responsePointer}/${pointer('content', declared, 'schema')}`;
    const validate = this.compiled(ref);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: describe(e) }));
  }

  private compiled(ref: string): ValidateFunction {
    let v = this.validators.get(ref);
    if (!v) {
      v = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, v);
    }
    return v;
  }

  private compileInline(schema: Record<string, unknown>): ValidateFunction {
    const key = `inline:${JSON.stringify(schema)}`;
    let v = this.validators.get(key);
    if (!v) {
      v = this.ajv.compile(schema);
      this.validators.set(key, v);
    }
    return v;
  }

  private contract(vendor: string, profile: ResponseProfile = 'simulator'): VendorContract {
    const c = this.vendors.get(vendor);
    if (!c) throw new Error(`no contract for vendor "${vendor}" (have: ${this.vendorNames().join(', ')})`);
    if (profile === 'simulator') return c;
    let view = this.vendorViews.get(vendor);
    if (!view) {
      const doc = vendorView(c.doc);
      const schemaId = `${vendor}@vendor-view`;
      this.ajv.addSchema(doc as object, schemaId);
      view = { vendor, schemaId, doc, routes: buildRoutes(doc) };
      this.vendorViews.set(vendor, view);
    }
    return view;
  }

  private route(contract: VendorContract, method: string, path: string): Route | undefined {
    const m = method.toLowerCase();
    const matching = contract.routes.filter((r) => r.regex.test(path));
    return matching.find((r) => r.methods[m]) ?? matching[0];
  }
}

function buildRoutes(doc: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(doc.paths ?? {})) {
    const methods: Record<string, OperationObject> = {};
    for (const m of HTTP_METHODS) {
      const op = (item as Record<string, unknown>)[m];
      if (op) methods[m] = op as OperationObject;
    }
    const params = (template.match(/\{[^}]+\}/g) ?? []).length;
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    routes.push({ template, regex: new RegExp(`^${source}$`), params, methods });
  }
  // Literal segments win over templates: /contracts/invoices before /contracts/{contractId}.
  return routes.sort((a, b) => a.params - b.params);
}

function lowerKeys(headers: HeaderBag): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out.set(k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v));
  }
  return out;
}

function mediaMatches(declared: string, actual: string): boolean {
  if (declared === actual || declared === '*/*') return true;
  const [dt, ds] = declared.split('/');
  const [at] = actual.split('/');
  return ds === '*' && dt === at;
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'required')
    return `missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === 'additionalProperties') {
    return `unexpected property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (e.keyword === 'enum')
    return `${e.message}: ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  return e.message ?? e.keyword;
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map(describe).join('; ');
}

let shared: ContractSet | undefined;

/** The project's contracts, loaded once per process. */
export function contracts(): ContractSet {
  shared ??= new ContractSet();
  return shared;
}

export function validateResponse(
  vendor: string,
  method: string,
  path: string,
  status: number,
  headers: HeaderBag,
  body: unknown,
  options: ValidateOptions = {},
): Violation[] {
  return contracts().validateResponse(vendor, method, path, status, headers, body, options);
}
