import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { InvalidArgumentError } from 'commander';

/** yaml costs ≈ 20 ms to load: only a config that is not plain JSON pays for it. */
function parseYaml(text: string): unknown {
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return parse(text);
}

function parseConfigText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // YAML is a superset of JSON: whatever JSON.parse refuses, YAML may read (or explain).
    return parseYaml(text);
  }
}

/** The `--config` file (YAML or JSON). Command-line flags win over it. */
export interface ConfigFile {
  seed?: number;
  timeScale?: number;
  host?: string;
  only?: string[];
  /** Per simulator: `port` plus that simulator's own options (faults, rateLimit, …). */
  simulators?: Record<string, Record<string, unknown> & { port?: number }>;
}

export function readConfig(path: string | undefined): ConfigFile {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read config ${path}: ${(e as Error).message}`);
  }
  const value = parseConfigText(text);
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new Error(`config ${path} must hold a mapping`);
  return value as ConfigFile;
}

export function parseNumber(name: string, min: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min}, got "${raw}"`);
    return n;
  };
}

export function parseList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Turns a parser's error into commander's "invalid argument" message (exit code and help hint). */
export function wrap<T>(parse: (raw: string) => T) {
  return (raw: string): T => {
    try {
      return parse(raw);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  };
}
