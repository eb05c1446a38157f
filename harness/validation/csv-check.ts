import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { CsvContract } from '../../contracts/index.js';
import { type Finding, FindingList } from './findings.js';

export interface CsvCheckResult {
  rows: number;
  findings: Finding[];
  /** Findings (all errors) beyond the report limit, counted but not listed. */
  dropped: number;
  /** What stopped the read early (a body cut short, a parse error), also listed as a finding. */
  failure?: Error;
}

/**
 * Streams a CSV through its column contract: header first, then every row, handing each
 * valid-or-not row to `onRow` as a record keyed by column name. Memory stays flat whatever
 * the row count; a parse error or a body cut short ends the check with a finding, not a throw.
 */
export async function checkCsv(
  input: Readable,
  contract: CsvContract,
  step: string,
  onRow: (row: Record<string, string>, line: number) => void,
  limit = 50,
): Promise<CsvCheckResult> {
  const findings = new FindingList(limit);
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let header: string[] | undefined;
  let rows = 0;
  let failure: Error | undefined;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      if (!header) {
        header = record;
        findings.add(...contract.checkHeader(record).map((v) => finding(step, v.path, v.message)));
        continue;
      }
      rows++;
      findings.add(...contract.checkRow(record, info.lines).map((v) => finding(step, v.path, v.message)));
      const named: Record<string, string> = {};
      header.forEach((name, i) => {
        named[name] = record[i] ?? '';
      });
      onRow(named, info.lines);
    }
    if (!header) findings.add(finding(step, `${contract.name}:header`, 'the file is empty (no header row)'));
  } catch (e) {
    failure = e as Error;
    findings.add(finding(step, `${contract.name}:${rows + 2}`, `unreadable CSV: ${(e as Error).message}`));
    input.destroy();
  }
  return { rows, findings: findings.items, dropped: findings.dropped, ...(failure ? { failure } : {}) };
}

function finding(step: string, path: string, message: string): Finding {
  return { severity: 'error', step, path, message };
}
