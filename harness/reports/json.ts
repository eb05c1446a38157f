import { writeAtomic } from './atomic.js';
import type { RunReport } from './model.js';

/** The whole run, transcript included, for tools and for reading a failure after the fact. */
export async function writeJsonReport(path: string, report: RunReport): Promise<void> {
  await writeAtomic(path, `${JSON.stringify(report, null, 2)}\n`);
}
