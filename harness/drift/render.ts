import type { DriftItem, DriftReport } from './drift.js';

const TITLES: Record<DriftItem['kind'], string> = {
  operation: 'Operations not in the contract',
  status: 'Statuses not declared',
  header: 'Headers seen that the contract lacks',
  'required-header': 'Required headers never seen',
  'content-type': 'Media types not declared',
  field: 'Fields seen that the contract lacks',
  required: 'Required fields never seen',
  enum: 'Values outside an enum',
  type: 'Values of another type',
  'csv-contract': 'CSV files no contract matches',
  'csv-column': 'CSV columns the contract lacks',
  'csv-missing-column': 'CSV columns of the contract missing',
};

/** The drift report for people: one table per kind of drift. */
export function renderDriftMarkdown(report: DriftReport): string {
  const out = [
    '# Contract drift',
    '',
    `Recording \`${report.recording}\`: ${report.exchanges} exchange(s), ${report.compared} compared, ${report.files} file(s).`,
    '',
  ];
  if (report.drift.length === 0) {
    out.push('No drift: everything recorded matches the contracts.', '');
    return out.join('\n');
  }
  out.push(`**${report.drift.length} difference(s)** between the recording and the contracts.`, '');
  for (const kind of Object.keys(TITLES) as DriftItem['kind'][]) {
    const items = report.drift.filter((d) => d.kind === kind);
    if (!items.length) continue;
    out.push(
      `## ${TITLES[kind]}`,
      '',
      '| vendor | where | path | seen | values | note |',
      '|---|---|---|---|---|---|',
    );
    for (const d of items)
      out.push(
        `| ${cell(d.vendor)} | ${cell(d.where)} | \`${cell(d.path)}\` | ${d.seen} | ${cell((d.values ?? []).join(', '))} | ${cell(d.message)}${d.simulatorOnly ? ' (x-simulator-only)' : ''} |`,
      );
    out.push('');
  }
  return out.join('\n');
}

export function renderDriftJson(report: DriftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
