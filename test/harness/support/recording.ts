import { cp } from 'node:fs/promises';
import { RateCard } from '../../../harness/rate-card/rate-card.js';
import { Recorder } from '../../../harness/record/recorder.js';
import type { RunReport } from '../../../harness/reports/model.js';
import { type RunTarget, runFlows } from '../../../harness/run.js';
import { startEmbedded } from '../../../harness/targets/embedded.js';
import { loadHarnesses } from '../../../harness/vendors.js';

export const RECORD_AT = '2026-03-15T10:00:00Z';

/**
 * Every flow against the embedded simulators, recorded into `dir`. Returns the report and the
 * credentials the simulators handed out (to check they were redacted).
 */
export async function recordEmbeddedRun(
  dir: string,
): Promise<{ report: RunReport; secrets: string[]; targets: Record<string, RunTarget> }> {
  const vendors = await loadHarnesses();
  const embedded = await startEmbedded({ vendors, seed: 1, at: RECORD_AT });
  try {
    const secrets = Object.values(embedded.targets)
      .flatMap((t) => Object.entries(t.credentials))
      .filter(([k]) => /secret|token|password/i.test(k))
      .map(([, v]) => v)
      .filter((v): v is string => typeof v === 'string' && v.length > 3);
    const recorder = await Recorder.create(dir);
    const report = await runFlows({
      flows: vendors.flatMap((v) => v.flows),
      targets: embedded.targets,
      mode: 'embedded',
      time: embedded.time,
      stopwatch: () => 0,
      rateCard: await RateCard.load(),
      recorder,
    });
    await recorder.save();
    return { report, secrets, targets: embedded.targets };
  } finally {
    await embedded.close();
  }
}

/** A copy of a recording to tamper with. */
export async function copyRecording(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
}
