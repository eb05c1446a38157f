import type { Writable } from 'node:stream';
import { formatMoney, sumMoney } from '../billing/money.js';
import type { FlowEvent } from '../flows/context.js';
import { countFindings, type RunReport, type StepResult } from './model.js';

const MARK: Record<StepResult['outcome'], string> = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' };

/** Live progress: one line per step as it ends, and polling/retry notes while long steps run. */
export function consoleProgress(
  out: Writable,
  options: { verbose?: boolean } = {},
): (event: FlowEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'flow-start':
        out.write(`\n▶ ${event.title} — ${event.target}\n`);
        break;
      case 'progress':
        out.write(`    … ${event.step}: ${event.message}\n`);
        break;
      case 'step-end': {
        const r = event.result;
        const warnings = r.findings.filter((f) => f.severity === 'warning').length;
        out.write(
          `  ${MARK[r.outcome]} ${r.name}${r.message ? ` — ${r.message}` : ''}${warnings ? ` (${warnings} warning(s))` : ''}\n`,
        );
        const shown = options.verbose
          ? r.findings
          : r.findings.filter((f) => f.severity === 'error').slice(0, 10);
        for (const f of shown)
          out.write(`         ${f.severity === 'error' ? '✗' : '!'} ${f.path}: ${f.message}\n`);
        break;
      }
      default:
        break;
    }
  };
}

/** The closing table: one row per flow, then totals per customer. */
export function renderSummary(report: RunReport): string {
  const rows = report.flows.map((f) => [
    f.outcome === 'passed' ? 'PASS' : f.outcome === 'failed' ? 'FAIL' : 'SKIP',
    f.flow,
    String(f.steps.length),
    String(f.steps.reduce((n, s) => n + s.requests, 0)),
    String(countFindings(f.steps, 'error')),
    String(countFindings(f.steps, 'warning')),
    String(f.lines.length),
    amounts(f.lines),
  ]);
  const lines = [
    '',
    table(['result', 'flow', 'steps', 'requests', 'violations', 'warnings', 'lines', 'amount'], rows),
  ];
  if (report.totals.length) {
    lines.push(
      '',
      table(
        ['vendor', 'customer', 'lines', 'amount'],
        report.totals.map((t) => [
          t.vendor,
          t.customer,
          String(t.lines),
          `${formatMoney(t.amount, t.currency)} ${t.currency}`,
        ]),
      ),
    );
  }
  const failed = report.flows.filter((f) => f.outcome === 'failed').length;
  lines.push(
    '',
    report.passed
      ? `All ${report.flows.length} flow(s) passed.`
      : `${failed} of ${report.flows.length} flow(s) failed.`,
  );
  return `${lines.join('\n')}\n`;
}

function amounts(lines: RunReport['flows'][number]['lines']): string {
  const by = new Map<string, number[]>();
  for (const l of lines) by.set(l.currency, [...(by.get(l.currency) ?? []), l.amount]);
  return [...by].map(([c, a]) => `${formatMoney(sumMoney(a, c), c)} ${c}`).join(', ') || '-';
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}
