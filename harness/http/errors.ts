/** A failure below or around HTTP, with a message precise enough to act on. */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly kind:
      | 'timeout'
      | 'network'
      | 'tls'
      | 'truncated'
      | 'too-large'
      | 'gave-up'
      | 'aborted'
      | 'deadline'
      | 'interrupted',
    readonly status?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Turns a Node socket/TLS error into a readable HttpError. */
export function describeNetworkError(error: unknown, url: string): HttpError {
  if (error instanceof HttpError) return error;
  const e = error as NodeJS.ErrnoException;
  const code = e?.code ?? '';
  const host = safeOrigin(url);
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME/.test(code))
    return new HttpError(
      `TLS failure talking to ${host}: ${code} ${e.message} (trust the server's CA with --ca-file, or --insecure)`,
      'tls',
    );
  if (code === 'ECONNREFUSED') return new HttpError(`connection refused by ${host}`, 'network');
  if (code === 'ENOTFOUND') return new HttpError(`host not found: ${host}`, 'network');
  if (code === 'ECONNRESET' || e?.message === 'socket hang up' || e?.message === 'aborted')
    return new HttpError(`connection reset by ${host} (${e.message || code})`, 'network');
  return new HttpError(`${code ? `${code}: ` : ''}${e?.message ?? String(error)} (${host})`, 'network');
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
