/**
 * Webex ids: URL-safe base64, unpadded, of `ciscospark://<region>/<KIND>/<uuid>` [C].
 */
export type WebexIdKind = 'BILLING_REPORT' | 'ORGANIZATION' | 'PEOPLE';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function encodeId(kind: WebexIdKind, uuid: string, region = 'us'): string {
  return Buffer.from(`ciscospark://${region}/${kind}/${uuid}`, 'utf8').toString('base64url');
}

/**
 * The uuid inside an id of the given kind, or undefined when the text is not such an id.
 * Accepts padded or unpadded, URL-safe or standard base64, as Webex does.
 */
export function decodeId(kind: WebexIdKind, id: string): string | undefined {
  if (!/^[A-Za-z0-9_\-+/]+={0,2}$/.test(id)) return undefined;
  const text = Buffer.from(id.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url').toString('utf8');
  const m = /^ciscospark:\/\/([a-z0-9-]+)\/([A-Z_]+)\/(.+)$/.exec(text);
  if (!m || m[2] !== kind || !isUuid(m[3] as string)) return undefined;
  return (m[3] as string).toLowerCase();
}
