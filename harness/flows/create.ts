import { HttpError } from '../http/errors.js';
import type { StepScope } from './step.js';

/**
 * Sends a request that creates something, without ever repeating it blindly: when its answer
 * is lost on the way (a reset connection, a timeout, a body cut off) the create may or may not
 * have taken effect, so `lookup` asks the server what exists first — as the vendors' own guides
 * do — and only when nothing is there is the create sent once more.
 */
export async function createOnce<T, E>(
  step: StepScope,
  what: string,
  create: () => Promise<T>,
  lookup: () => Promise<E | undefined>,
): Promise<T | E> {
  try {
    return await create();
  } catch (e) {
    if (!(e instanceof HttpError) || !['network', 'timeout', 'truncated', 'gave-up'].includes(e.kind))
      throw e;
    step.addFindings([
      {
        severity: 'warning',
        step: step.name,
        path: what,
        message: `answer lost (${e.message}); checked what exists before creating again`,
      },
    ]);
    step.progress(`${what}: answer lost (${e.message}); checking what exists`);
    const existing = await lookup();
    if (existing !== undefined) return existing;
    return create();
  }
}
