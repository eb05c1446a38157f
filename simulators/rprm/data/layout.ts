import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { contractsDir } from '../../../contracts/files.js';
import type { ColumnSpec } from './csv.js';

/**
 * The column layouts of the three files, read from their contracts (contracts/csv/rprm-*.csv.yaml):
 * the contract is the only list of columns. Calls layouts are keyed by the value of their
 * `version` column (the DMA changes it with the format): `2` is the DMA 6.x order, `1` the 4.x one.
 */
export interface CdrLayouts {
  calls: ReadonlyMap<string, readonly ColumnSpec[]>;
  conferences: readonly ColumnSpec[];
  callCounts: readonly ColumnSpec[];
}

interface ContractColumn {
  name: string;
  schema?: { type?: string; enum?: unknown[]; const?: unknown; pattern?: string };
}

interface ContractFile {
  name: string;
  columns: ContractColumn[];
}

/**
 * Cells of a column whose schema pins its values (enum, const, pattern, integer) never need the
 * quoting check; free text does. An ITP row checks every cell (its lists hold commas).
 */
function spec(column: ContractColumn): ColumnSpec {
  const s = column.schema ?? {};
  const pinned =
    s.enum !== undefined || s.const !== undefined || s.pattern !== undefined || s.type === 'integer';
  return { name: column.name, ...(pinned ? {} : { text: true }) };
}

export function loadCdrLayouts(dir: string = join(contractsDir(), 'csv')): CdrLayouts {
  // The YAML parser is required with the first export, not at start.
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const read = (file: string) => parse(readFileSync(join(dir, file), 'utf8')) as ContractFile;
  const calls = new Map<string, readonly ColumnSpec[]>();
  for (const file of readdirSync(dir).filter((f) => /^rprm-calls(-.+)?\.csv\.yaml$/.test(f))) {
    const contract = read(file);
    const version = contract.columns.find((c) => c.name === 'version')?.schema?.const;
    if (typeof version !== 'string') throw new Error(`${file}: the version column needs a const value`);
    calls.set(version, contract.columns.map(spec));
  }
  return {
    calls,
    conferences: read('rprm-conferences.csv.yaml').columns.map(spec),
    callCounts: read('rprm-callcounts.csv.yaml').columns.map(spec),
  };
}
