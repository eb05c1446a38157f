import type { Context } from '../lib/context.js';

export interface CdrWindow {
  calls: number;
  csvBytes: number;
  zipBytes: number;
  ttfbMs: number;
  seconds: number;
  csvMBps: number;
  zipMBps: number;
  peakRssMb: number;
  zlib: { csvMBps: number; seconds: number; peakRssMb: number } | undefined;
  vsZlib: number | undefined;
}

export interface CdrResult {
  windows: CdrWindow[];
  rssGrowthMb: number | undefined;
}

export async function cdrStream(ctx: Context): Promise<CdrResult> {
  ctx.note('CDR stream: not measured yet');
  return { windows: [], rssGrowthMb: undefined };
}
