import type { TranscriptEntry } from '../http/transcript.js';
import { writeAtomic } from './atomic.js';
import { countFindings, type RunReport } from './model.js';

/**
 * JUnit XML as CI servers read it (Jenkins, GitLab, GitHub test reporters): one testsuite per
 * flow, one testcase per step; a failed step carries its message and every finding.
 */
export function renderJunit(report: RunReport): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = report.flows.flatMap((f) => f.steps);
  const bySeq = new Map(report.transcript.map((e) => [e.seq, e]));
  out.push(
    `<testsuites name="billing-sim flows" tests="${all.length}" failures="${count(all, 'failed')}" skipped="${count(all, 'skipped')}" time="${secs(report.durationMs)}">`,
  );
  for (const flow of report.flows) {
    out.push(
      `  <testsuite name="${esc(flow.flow)}" tests="${flow.steps.length}" failures="${count(flow.steps, 'failed')}" errors="0" skipped="${count(flow.steps, 'skipped')}" time="${secs(flow.durationMs)}" timestamp="${esc(report.startedAt.replace(/\.\d+Z$/, ''))}">`,
      '    <properties>',
      `      <property name="vendor" value="${esc(flow.vendor)}"/>`,
      `      <property name="target" value="${esc(flow.target)}"/>`,
      `      <property name="warnings" value="${countFindings(flow.steps, 'warning')}"/>`,
      '    </properties>',
    );
    for (const step of flow.steps) {
      const open = `    <testcase classname="${esc(`${flow.flow}`)}" name="${esc(step.name)}" time="${secs(step.durationMs)}"`;
      const details = step.findings.map(
        (f) => `[${f.severity}] ${f.step} ${f.path}: ${f.message}${f.times ? ` (×${f.times})` : ''}`,
      );
      const more = (step.droppedErrors ?? 0) + (step.droppedWarnings ?? 0);
      if (more) details.push(`… and ${more} more finding(s)`);
      const requests = (step.transcript ?? []).flatMap((seq) => {
        const e = bySeq.get(seq);
        return e ? [requestLine(e)] : [];
      });
      if (step.outcome === 'passed' && details.length === 0 && requests.length === 0) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      if (step.outcome === 'failed')
        out.push(
          `      <failure message="${esc(step.message ?? 'failed')}" type="${step.interrupted ? 'Interrupted' : 'StepFailure'}">${esc(details.join('\n'))}</failure>`,
        );
      else if (step.outcome === 'skipped') out.push(`      <skipped message="${esc(step.message ?? '')}"/>`);
      // The step's requests (and, for a passed step, its warnings): what a CI view shows under the case.
      const systemOut = [...(step.outcome === 'passed' ? details : []), ...requests];
      if (systemOut.length) out.push(`      <system-out>${esc(systemOut.join('\n'))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** `#12 GET https://… → 429 in 3 ms, retry after 7 s (retry-after)` */
function requestLine(e: TranscriptEntry): string {
  const timing =
    e.totalMs !== undefined
      ? ` in ${e.totalMs} ms`
      : e.headersMs !== undefined
        ? ` in ${e.headersMs} ms`
        : '';
  const size = e.bodyBytes !== undefined ? `, ${e.bodyBytes} bytes` : '';
  const retry = e.retry
    ? `, retry after ${e.retry.waitMs / 1000} s (${e.retry.source}: ${e.retry.reason})`
    : '';
  const error = e.error ? `, ${e.error}` : '';
  return `#${e.seq} ${e.method} ${e.url} → ${e.status ?? 'no answer'}${timing}${size}${retry}${error}`;
}

export async function writeJunit(path: string, report: RunReport): Promise<void> {
  await writeAtomic(path, renderJunit(report));
}

function count(steps: readonly { outcome: string }[], outcome: string): number {
  return steps.filter((s) => s.outcome === outcome).length;
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** XML 1.0 text/attribute escaping; characters XML cannot carry at all are dropped. */
export function esc(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
