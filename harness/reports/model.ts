import type { BillingLine, CustomerTotal } from '../billing/lines.js';
import type { TranscriptEntry } from '../http/transcript.js';
import type { Finding } from '../validation/findings.js';

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface StepResult {
  name: string;
  outcome: Outcome;
  durationMs: number;
  /** Why it failed (first line of the error), or a short note of what it found. */
  message?: string;
  /** Contract and file findings, errors and warnings. */
  findings: Finding[];
  /** Findings beyond the report limit, counted but not listed. */
  droppedErrors?: number;
  droppedWarnings?: number;
  /** HTTP attempts made by the step, retries included. */
  requests: number;
  /** `seq` of the step's transcript entries. */
  transcript?: number[];
  /** The run was stopped (signal, deadline on the wall clock) while this step ran. */
  interrupted?: boolean;
}

export interface FlowResult {
  /** Flow id, e.g. `webex-wholesale`. */
  flow: string;
  vendor: string;
  title: string;
  /** Base URL the flow talked to. */
  target: string;
  outcome: Outcome;
  durationMs: number;
  steps: StepResult[];
  lines: BillingLine[];
  /** The run was stopped during this flow. */
  interrupted?: boolean;
}

export interface RunReport {
  tool: 'billing-sim flows';
  /** ISO instant of the start, on the run's clock. */
  startedAt: string;
  durationMs: number;
  mode: 'embedded' | 'external';
  passed: boolean;
  flows: FlowResult[];
  totals: CustomerTotal[];
  rateCard: string;
  transcript: readonly TranscriptEntry[];
  /**
   * false while the run goes on: reports are written after every step, so a run that is killed
   * leaves what it had. The flow running at that moment is the last one, with its steps so far.
   */
  complete: boolean;
  /** Why the run stopped early (`interrupted by SIGTERM`, the deadline on the wall clock). */
  interrupted?: string;
}

export function countFindings(steps: readonly StepResult[], severity: 'error' | 'warning'): number {
  return steps.reduce(
    (n, s) =>
      n +
      s.findings.filter((f) => f.severity === severity).length +
      ((severity === 'error' ? s.droppedErrors : s.droppedWarnings) ?? 0),
    0,
  );
}
