/**
 * Credential redaction for everything the journal shows (admin API, HAR, dashboard, request
 * log). Applied when an entry is read, never when it is recorded: the hot path pays nothing.
 */
export const REDACTED = '[redacted]';

/** Headers that carry credentials whatever their value looks like. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
  'x-sim-admin-token',
]);

/** Names of query parameters, form fields and JSON keys whose values are credentials. */
const SECRET_NAME =
  /pass(word|wd|phrase)?$|secret|token|signature|^sig$|^x-amz-|api[-_]?key|^key$|credential|^assertion$|^auth$/i;
/** Names that match the pattern but describe a credential rather than hold one. */
const NOT_SECRET = new Set(['token_type', 'tokentype', 'x-sim-fault']);

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET.has(name.toLowerCase());
}

export function redactHeaders(
  headers: Record<string, string | string[] | number | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    out[lower] =
      SECRET_HEADERS.has(lower) || isSecretName(lower)
        ? REDACTED
        : Array.isArray(value)
          ? value.join(', ')
          : String(value);
  }
  return out;
}

/** `a=1&access_token=x` → `a=1&access_token=[redacted]`; the rest of the string is untouched. */
export function redactQuery(query: string): string {
  if (!query) return query;
  return query
    .split('&')
    .map((pair) => {
      const at = pair.indexOf('=');
      if (at < 0) return pair;
      let name = pair.slice(0, at);
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // An undecodable name is compared as it stands.
      }
      return isSecretName(name) ? `${pair.slice(0, at)}=${REDACTED}` : pair;
    })
    .join('&');
}

/** Signed download URLs and tokens in query strings inside a text value. */
function redactUrlsIn(text: string): string {
  return text.replace(/([?&])([^=&#\s"'<>]+)=([^&#\s"'<>]*)/g, (whole, sep: string, name: string) =>
    isSecretName(name) ? `${sep}${name}=${REDACTED}` : whole,
  );
}

function redactValue(value: unknown, depth: number): unknown {
  if (depth > 64) return REDACTED;
  if (typeof value === 'string') return redactUrlsIn(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = isSecretName(k) && v !== null && v !== '' ? REDACTED : redactValue(v, depth + 1);
    }
    return out;
  }
  return value;
}

/** A parsed body (JSON or form object) with every secret-named field replaced. */
export function redactObject(value: unknown): unknown {
  return redactValue(value, 0);
}

/**
 * A textual body: JSON by key, forms by field name, anything else (XML, CSV, text) by
 * `name=value`, `"name": "value"` and `<name>value</name>` shapes, plus query strings in URLs.
 */
export function redactText(text: string, mimeType: string | undefined): string {
  const type = (mimeType ?? '').toLowerCase();
  if (/json/.test(type)) {
    try {
      return JSON.stringify(redactObject(JSON.parse(text)));
    } catch {
      // A truncated or broken JSON body falls through to the textual rules.
    }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) return redactQuery(text);
  return redactUrlsIn(
    text
      .replace(/("([^"\\]{1,64})"\s*:\s*)"((?:[^"\\]|\\.)*)"/g, (whole, head: string, name: string) =>
        isSecretName(name) ? `${head}"${REDACTED}"` : whole,
      )
      .replace(/<([A-Za-z][\w:.-]{0,63})>([^<]*)<\/\1>/g, (whole, name: string) =>
        isSecretName(name.replace(/^.*:/, '')) ? `<${name}>${REDACTED}</${name}>` : whole,
      ),
  );
}

/**
 * Values a request proved itself with (a bearer token, Basic user:password) — scrubbed from any
 * text of the same entry that the rules above did not catch (a token echoed in a body).
 */
export function credentialValues(authorization: string | undefined, token: string | undefined): string[] {
  const out: string[] = [];
  if (token && token.length >= 6) out.push(token);
  if (authorization) {
    const [scheme, value] = authorization.split(/\s+/, 2);
    if (value && value.length >= 6) out.push(value);
    if (scheme?.toLowerCase() === 'basic' && value) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const password = colon >= 0 ? decoded.slice(colon + 1) : '';
      if (password.length >= 4) out.push(password);
    }
  }
  return out;
}

export function scrub(text: string, values: string[]): string {
  let out = text;
  for (const v of values) if (out.includes(v)) out = out.split(v).join(REDACTED);
  return out;
}
