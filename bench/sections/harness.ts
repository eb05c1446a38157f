import type { Context } from '../lib/context.js';
import type { Spread } from '../lib/stats.js';

export interface HarnessResult {
  wallMs: Spread | undefined;
  validationShare: number | undefined;
}

export async function harnessFlows(ctx: Context): Promise<HarnessResult> {
  ctx.note('harness: not measured yet');
  return { wallMs: undefined, validationShare: undefined };
}
