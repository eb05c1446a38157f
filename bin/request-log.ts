import type { RequestLogEntry } from '../simulators/index.js';

export type LogFormat = 'pretty' | 'json' | 'off';
export const LOG_FORMATS: LogFormat[] = ['pretty', 'json', 'off'];

interface Sink {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * `serve --log`: one line per vendor request (admin calls are not logged) — wall-clock time,
 * simulator time, simulator, method, path, status, duration, fault applied, tenant. `json`
 * writes one JSON object per line (every key present, null when empty), for jq and log shippers.
 */
export function requestLogger(
  format: LogFormat,
  out: Sink,
  now: () => Date = () => new Date(),
): ((entry: RequestLogEntry) => void) | undefined {
  if (format === 'off') return undefined;
  if (format === 'json') {
    return (e) => {
      out.write(
        `${JSON.stringify({
          time: now().toISOString(),
          simTime: new Date(e.atMs).toISOString(),
          simulator: e.vendor,
          method: e.method,
          path: e.path,
          status: e.status,
          durationMs: e.durationMs,
          fault: e.fault ?? null,
          tenant: e.tenant ?? null,
        })}\n`,
      );
    };
  }
  const color = out.isTTY === true && !process.env.NO_COLOR;
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return (e) => {
    const status = e.status === 0 ? 'DROP' : String(e.status);
    const tint = e.status >= 500 || e.status === 0 ? 31 : e.status >= 400 ? 33 : 32;
    const extra = [e.fault ? paint(35, `fault=${e.fault}`) : '', e.tenant ? `tenant=${e.tenant}` : '']
      .filter(Boolean)
      .join(' ');
    out.write(
      `${now().toISOString().slice(11, 23)} ${e.vendor.padEnd(9)} ${e.method.padEnd(6)} ${e.path} ${paint(tint, status)} ${e.durationMs.toFixed(1)}ms${extra ? ` ${extra}` : ''}\n`,
    );
  };
}
