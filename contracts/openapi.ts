/** The slice of OpenAPI 3.1 the validators read. */
export interface HeaderObject {
  required?: boolean;
  schema?: Record<string, unknown>;
  $ref?: string;
}

export interface MediaTypeObject {
  schema?: Record<string, unknown>;
}

export interface ResponseObject {
  $ref?: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  openapi: string;
  paths?: Record<string, Record<string, OperationObject | unknown>>;
  components?: Record<string, Record<string, unknown>>;
  /** billing-sim extension: responses for requests that match no declared operation. */
  'x-unmatched-routes'?: Record<string, ResponseObject>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Follows a local `#/…` reference inside the document. */
export function resolveRef<T>(doc: OpenApiDocument, value: T & { $ref?: string }): T {
  return resolveRefAt(doc, value, '').value;
}

/** Like resolveRef, also telling the JSON pointer (without `#/`) where the value finally lives. */
export function resolveRefAt<T>(doc: OpenApiDocument, value: T, at: string): { value: T; pointer: string } {
  let current: unknown = value;
  let where = at;
  for (let depth = 0; depth < 10; depth++) {
    const ref = (current as { $ref?: string } | undefined)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) break;
    where = ref.slice(2);
    current = where
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  }
  return { value: current as T, pointer: where };
}

/** JSON pointer segment escaping. */
export function pointer(...segments: string[]): string {
  return segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}
