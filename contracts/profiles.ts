import type { OpenApiDocument } from './openapi.js';

/**
 * The two views of one contract (design principle 2). The *simulator* view is the document as
 * written: exactly what the simulator sends. The *vendor* view keeps only what the vendor itself
 * guarantees: every constraint the project added is marked on its schema node with
 * `x-simulator-only: [keyword, ...]` (those keywords are dropped) or `x-simulator-only: true`
 * (the whole node is dropped: a property, a header, an `allOf` entry, a response).
 */
export type ResponseProfile = 'vendor' | 'simulator';

export const RESPONSE_PROFILES: readonly ResponseProfile[] = ['vendor', 'simulator'];

export const SIMULATOR_ONLY = 'x-simulator-only';

export function isResponseProfile(value: unknown): value is ResponseProfile {
  return value === 'vendor' || value === 'simulator';
}

/** The vendor view of a document: a fresh copy, the document itself is left untouched. */
export function vendorView(doc: OpenApiDocument): OpenApiDocument {
  return strip(doc) as OpenApiDocument;
}

function wholeNodeMarked(node: unknown): boolean {
  return (
    typeof node === 'object' && node !== null && (node as Record<string, unknown>)[SIMULATOR_ONLY] === true
  );
}

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((item) => !wholeNodeMarked(item)).map(strip);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string, unknown>;
  const marked = source[SIMULATOR_ONLY];
  const drop = new Set<string>(Array.isArray(marked) ? marked.map(String) : []);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (drop.has(key) || wholeNodeMarked(value)) continue;
    out[key] = strip(value);
  }
  // `allOf: []` is not valid JSON Schema: an emptied list goes too.
  for (const key of ['allOf', 'anyOf', 'oneOf'])
    if (Array.isArray(out[key]) && (out[key] as unknown[]).length === 0) delete out[key];
  return out;
}

/**
 * Every `x-simulator-only` mark of a document with its JSON pointer, for docs and lint: a mark
 * must name keywords its node actually has.
 */
export function simulatorOnlyMarks(
  doc: unknown,
): { pointer: string; keywords: string[] | true; unknown: string[] }[] {
  const out: { pointer: string; keywords: string[] | true; unknown: string[] }[] = [];
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, `${at}/${i}`);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const source = node as Record<string, unknown>;
    const marked = source[SIMULATOR_ONLY];
    if (marked === true) out.push({ pointer: at, keywords: true, unknown: [] });
    else if (marked !== undefined) {
      const keywords = Array.isArray(marked) ? marked.map(String) : [String(marked)];
      out.push({ pointer: at, keywords, unknown: keywords.filter((k) => !(k in source)) });
    }
    for (const [key, value] of Object.entries(source))
      walk(value, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  walk(doc, '');
  return out;
}
