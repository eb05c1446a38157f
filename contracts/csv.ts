import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { contractsDir } from './files.js';
import type { Violation } from './validator.js';

/**
 * Column contracts of every CSV the simulators emit: `contracts/csv/<name>.csv.yaml` holds the
 * ordered columns, each with a JSON Schema for its (string) cell value. Empty cells are absent
 * values, so only `required` columns must be non-empty.
 */
export interface CsvColumn {
  name: string;
  description?: string;
  required?: boolean;
  /** JSON Schema for the cell; `integer`/`number`/`boolean` cells are coerced from text first. */
  schema?: Record<string, unknown>;
}

export interface CsvContractFile {
  name: string;
  description?: string;
  'x-reconstructed'?: boolean;
  columns: CsvColumn[];
}

export interface CsvContract {
  name: string;
  columns: string[];
  checkHeader(header: readonly string[]): Violation[];
  /** `line` is 1-based in the file (the header is line 1). */
  checkRow(cells: readonly string[], line: number): Violation[];
}

/**
 * ajv, its formats and the YAML parser are required when the first contracts are read, not when
 * this module is imported: the simulators import it, and `serve` starts without reading a CSV.
 */
function csvTools(): { ajv: Ajv2020; parseYaml: (text: string) => unknown } {
  const require = createRequire(import.meta.url);
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => Ajv2020;
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
  addFormats(ajv);
  return { ajv, parseYaml: (require('yaml') as typeof import('yaml')).parse };
}

export class CsvContracts {
  private readonly files = new Map<string, CsvContract>();

  constructor(dir: string = join(contractsDir(), 'csv')) {
    const { ajv, parseYaml } = csvTools();
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((f) => f.endsWith('.csv.yaml'));
    } catch {
      names = [];
    }
    for (const file of names.sort()) {
      const spec = parseYaml(readFileSync(join(dir, file), 'utf8')) as CsvContractFile;
      const name = spec.name ?? basename(file, '.csv.yaml');
      this.files.set(name, compile(ajv, name, spec));
    }
  }

  names(): string[] {
    return [...this.files.keys()];
  }

  get(name: string): CsvContract {
    const c = this.files.get(name);
    if (!c) throw new Error(`no CSV contract "${name}" (have: ${this.names().join(', ')})`);
    return c;
  }
}

function compile(ajv: Ajv2020, name: string, spec: CsvContractFile): CsvContract {
  const columns = spec.columns.map((c) => c.name);
  const properties: Record<string, unknown> = {};
  for (const c of spec.columns) properties[c.name] = c.schema ?? { type: 'string' };
  const validate: ValidateFunction = ajv.compile({
    type: 'object',
    properties,
    required: spec.columns.filter((c) => c.required).map((c) => c.name),
  });
  return {
    name,
    columns,
    checkHeader(header) {
      if (header.length === columns.length && header.every((h, i) => h === columns[i])) return [];
      const missing = columns.filter((c) => !header.includes(c));
      const extra = header.filter((h) => !columns.includes(h));
      const parts = [
        missing.length ? `missing ${missing.join(', ')}` : '',
        extra.length ? `undeclared ${extra.join(', ')}` : '',
        !missing.length && !extra.length ? 'columns out of order' : '',
      ].filter(Boolean);
      return [{ path: `${name}:header`, message: parts.join('; ') }];
    },
    checkRow(cells, line) {
      if (cells.length !== columns.length) {
        return [
          { path: `${name}:${line}`, message: `row has ${cells.length} cells, expected ${columns.length}` },
        ];
      }
      const record: Record<string, string> = {};
      cells.forEach((cell, i) => {
        if (cell !== '') record[columns[i] as string] = cell;
      });
      if (validate(record)) return [];
      return (validate.errors ?? []).map((e) => ({
        path: `${name}:${line}${e.instancePath || ''}`,
        message:
          e.keyword === 'required'
            ? `empty required column "${(e.params as { missingProperty: string }).missingProperty}"`
            : (e.message ?? e.keyword),
      }));
    },
  };
}

let shared: CsvContracts | undefined;

export function csvContracts(): CsvContracts {
  shared ??= new CsvContracts();
  return shared;
}
