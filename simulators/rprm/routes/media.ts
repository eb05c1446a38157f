import type { Request } from 'express';
import { TextMemo } from '../../kernel/index.js';

export const STATUS_JSON = 'application/vnd.plcm.plcm-billing-status+json';
export const STATUS_XML = 'application/vnd.plcm.plcm-billing-status+xml';
export const ERROR_JSON = 'application/vnd.plcm.plcm-error+json';
export const ERROR_XML = 'application/vnd.plcm.plcm-error+xml';

/** Content negotiation of one app (its memo is its own: two apps share nothing). */
export class Negotiator {
  // A pure function of the Accept text and the two types: negotiated once per value.
  private readonly negotiated = new TextMemo<boolean>();

  /** XML only when the client asks for it; JSON for anything else. */
  wantsXml(req: Request, jsonType: string, xmlType: string): boolean {
    const accept = req.get('accept');
    if (!accept) return false;
    return this.negotiated.get(`${jsonType}\n${accept}`, () => {
      const chosen = req.accepts([jsonType, 'application/json', xmlType, 'application/xml', 'text/xml']);
      return typeof chosen === 'string' && chosen.endsWith('xml');
    });
  }

  /** Whether the Accept header admits one of `types` (no Accept header admits anything). */
  accepts(req: Request, types: readonly string[]): boolean {
    const accept = req.get('accept');
    if (!accept) return true;
    return this.acceptable.get(`${types.join(' ')}\n${accept}`, () => req.accepts([...types]) !== false);
  }

  private readonly acceptable = new TextMemo<boolean>();
}

/** What each resource can answer: its own representations (errors are always plcm-error). */
export const STATUS_TYPES_OFFERED = [
  STATUS_JSON,
  STATUS_XML,
  'application/json',
  'application/xml',
  'text/xml',
];
export const ZIP_TYPES_OFFERED = ['application/zip', 'application/octet-stream'];

/** XML 1.0 `Char`: what a document may carry at all (no control characters, no lone surrogates). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

export function xmlEscape(value: string): string {
  const legal = Array.from(value)
    .filter((ch) => isXmlChar(ch.codePointAt(0) ?? 0))
    .join('');
  return legal.replace(/[<>&"']/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** `<name>value</name>` lines for the fields that are set, in the order given. */
export function xmlElements(fields: readonly [string, string | number | boolean | undefined][]): string {
  return fields
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  <${k}>${xmlEscape(String(v))}</${k}>`)
    .join('\n');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
