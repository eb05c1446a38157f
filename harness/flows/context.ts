import type { CsvContracts } from '../../contracts/index.js';
import type { UsageRecord } from '../billing/lines.js';
import { abortError } from '../deadline.js';
import type { HttpClient } from '../http/client.js';
import type { StepResult } from '../reports/model.js';
import type { HarnessTime } from '../time.js';
import type { ContractCheck } from '../validation/contract-check.js';
import { StepScope } from './step.js';

/** Where a flow runs and with which credentials (read by the flow that needs them). */
export interface Target {
  vendor: string;
  /** Origin (plus any path prefix) the contract paths are appended to. */
  baseUrl: string;
  credentials: Record<string, string | string[] | undefined>;
}

/** The billing period a run asks the vendors about (ISO dates, both inclusive). */
export interface Period {
  start: string;
  end: string;
}

export type FlowEvent =
  | { type: 'flow-start'; flow: string; title: string; target: string }
  | { type: 'step-start'; flow: string; step: string }
  | { type: 'progress'; flow: string; step: string; message: string }
  | { type: 'step-end'; flow: string; result: StepResult };

export interface FlowEnv {
  flow: string;
  target: Target;
  period: Period;
  client: HttpClient;
  check: ContractCheck;
  csv: CsvContracts;
  time: HarnessTime;
  stopwatch: () => number;
  /** Harness-time budget for any one polling loop. */
  pollTimeoutMs: number;
  /** Findings listed per step before the rest are only counted. */
  findingLimit: number;
  onEvent?: (event: FlowEvent) => void;
  /** The run's stop signal: a step failing after it fired is marked interrupted. */
  signal?: AbortSignal;
}

/** A failure a step reports on purpose: what went wrong, and where in the exchange. */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'StepFailure';
  }
}

/** Thrown by `step()` after a failed step is recorded, to stop the flow. */
export class FlowStopped extends Error {
  constructor(readonly step: string) {
    super(`flow stopped at step "${step}"`);
    this.name = 'FlowStopped';
  }
}

/**
 * Runs a flow's steps one by one and records each: a step that throws (anything — a
 * StepFailure, a broken connection, a bug in a parser) ends as a failed StepResult and stops
 * the flow; contract errors fail the step but let the flow continue with the data it got.
 */
export class FlowContext {
  readonly steps: StepResult[] = [];
  readonly usage: UsageRecord[] = [];

  constructor(readonly env: FlowEnv) {}

  get target(): Target {
    return this.env.target;
  }

  get period(): Period {
    return this.env.period;
  }

  credential(name: string): string {
    const value = this.env.target.credentials[name];
    const text = Array.isArray(value) ? value.join(',') : value;
    if (!text) throw new StepFailure(`missing credential "${name}" for ${this.env.target.vendor}`);
    return text;
  }

  optionalList(name: string): string[] | undefined {
    const value = this.env.target.credentials[name];
    if (value === undefined || value === '') return undefined;
    return (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim()).filter(Boolean);
  }

  async step<T>(name: string, run: (step: StepScope) => Promise<T>): Promise<T> {
    const scope = new StepScope(name, this.env);
    this.env.onEvent?.({ type: 'step-start', flow: this.env.flow, step: name });
    const started = this.env.stopwatch();
    let value: T | undefined;
    let error: unknown;
    try {
      value = await run(scope);
    } catch (e) {
      error = e;
    }
    const result = scope.result(Math.round(this.env.stopwatch() - started), error);
    if (error !== undefined && this.env.signal?.aborted) {
      // Whatever broke first (a reset socket, an aborted sleep), the reason is the stop.
      const reason = abortError(this.env.signal).message;
      result.interrupted = true;
      result.message = result.message?.includes(reason) ? result.message : reason;
    }
    this.steps.push(result);
    this.env.onEvent?.({ type: 'step-end', flow: this.env.flow, result });
    if (error !== undefined) throw new FlowStopped(name);
    return value as T;
  }

  /** A step that reports a skipped branch (e.g. no trustor orgs to visit). */
  skip(name: string, message: string): void {
    const result: StepResult = {
      name,
      outcome: 'skipped',
      durationMs: 0,
      message,
      findings: [],
      requests: 0,
    };
    this.steps.push(result);
    this.env.onEvent?.({ type: 'step-end', flow: this.env.flow, result });
  }
}
