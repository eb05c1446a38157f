import { HttpError } from '../http/errors.js';
import { StepFailure } from './context.js';
import type { StepScope } from './step.js';

/**
 * Runs a download-and-parse attempt, and runs it once more when the body broke off on the
 * way (a truncated or reset transfer heals on a second try; a wrong file does not). The first
 * failure stays in the report as a warning.
 */
export async function withOneRedownload<T>(
  step: StepScope,
  what: string,
  attempt: (n: number) => Promise<{ value: T; failure?: Error }>,
): Promise<T> {
  const first = await attempt(1).catch((e: unknown) => ({ value: undefined, failure: e as Error }));
  if (!first.failure) return first.value as T;
  if (!isTransferBreak(first.failure)) throw first.failure;
  step.addFindings([
    {
      severity: 'warning',
      step: step.name,
      path: what,
      message: `first download broke: ${first.failure.message}`,
    },
  ]);
  step.progress(`${what} broke off (${first.failure.message}); downloading again`);
  const second = await attempt(2);
  if (second.failure) throw new StepFailure(`broke off twice: ${second.failure.message}`, what);
  return second.value;
}

export function isTransferBreak(e: unknown): boolean {
  return e instanceof HttpError && (e.kind === 'truncated' || e.kind === 'network' || e.kind === 'timeout');
}

/** The (error) body of a non-200 download, up to 64 KiB, for the failure message. */
export async function readSmall(body: AsyncIterable<unknown>): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of body) {
    size += (c as Buffer).length;
    if (size <= 64 * 1024) parts.push(c as Buffer);
  }
  return Buffer.concat(parts);
}
