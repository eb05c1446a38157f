/**
 * What a recording must not carry: credentials in headers, signed-URL signatures, tokens and
 * passwords in bodies. Redacted values become `REDACTED` (an Authorization header keeps its
 * scheme), so a recording can be shared, replayed and compared without leaking anything.
 */
export const REDACTED = 'REDACTED';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
/** Query parameters of signed links and credentials passed in URLs. */
const SECRET_PARAM =
  /signature|^sig$|^(token|access_token|key-pair-id|policy|password|secret|client_secret|x-amz-credential|x-amz-security-token)$/i;
/** JSON / form fields holding credentials. */
const SECRET_FIELD =
  /^(access_token|refresh_token|id_token|token|password|passwd|secret|client_secret|signature|assertion|api_key|apikey)$/i;

export function redactHeaderValue(name: string, value: string): string {
  const key = name.toLowerCase();
  if (SECRET_HEADERS.has(key)) {
    const scheme = /^(Basic|Bearer|Digest|Negotiate|Token)\s/i.exec(value)?.[1];
    return scheme ? `${scheme} ${REDACTED}` : REDACTED;
  }
  // Links to signed resources (Location, Link, Content-Location) carry their signatures.
  return value.includes('://') || value.includes('?') ? redactUrlsIn(value) : value;
}

/** A URL with the values of its secret parameters replaced (the names stay: replay matches on them). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const [query, hash = ''] = url.slice(q + 1).split('#', 2) as [string, string?];
  const parts = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    let decoded = name;
    try {
      decoded = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // keep the raw name
    }
    return eq >= 0 && SECRET_PARAM.test(decoded) ? `${name}=${REDACTED}` : pair;
  });
  return `${url.slice(0, q)}?${parts.join('&')}${hash ? `#${hash}` : ''}`;
}

function redactUrlsIn(text: string): string {
  return text.replace(/(https?:\/\/|\/)[^\s"'<>,]*\?[^\s"'<>,]*/g, (m) => redactUrl(m));
}

/** A JSON value with secret fields and signed URLs redacted (a copy). */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        SECRET_FIELD.test(k) && (typeof v === 'string' || typeof v === 'number') ? REDACTED : redactJson(v);
    }
    return out;
  }
  if (typeof value === 'string' && value.includes('?')) return redactUrlsIn(value);
  return value;
}

/** A body as recorded: JSON and form bodies redacted, anything else as it was. */
export function redactBody(text: string, mimeType: string): string {
  const type = mimeType.toLowerCase();
  if (type.includes('json')) {
    try {
      return JSON.stringify(redactJson(JSON.parse(text)));
    } catch {
      return text;
    }
  }
  if (type.includes('x-www-form-urlencoded')) {
    return text
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        return eq >= 0 && SECRET_FIELD.test(pair.slice(0, eq)) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
      })
      .join('&');
  }
  return text;
}
