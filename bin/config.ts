import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { InvalidArgumentError } from 'commander';
import {
  CONFIG_ENV,
  ConfigError,
  type ConfigFile,
  checkConfig,
  configFromEnv,
  mergeConfig,
} from '../simulators/kernel/config.js';
import { OptionsValidator } from '../simulators/kernel/options-validation.js';
import { PLUGINS, pluginNames } from '../simulators/registry.js';

/** Loading yaml is a visible share of a cold start (bench/README.md): only a config that is not plain JSON pays for it. */
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

/** The `--config` file (YAML or JSON), parsed but not yet checked (`undefined`: no file). */
export function readConfig(path: string | undefined): unknown {
  if (!path) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read config ${path}: ${(e as Error).message}`);
  }
  return parseConfigText(text) ?? undefined;
}

/** Environment variables that belong to the harness (flow credentials), not to serve. */
async function harnessVariables(): Promise<Set<string>> {
  const { loadHarnesses } = await import('../harness/vendors.js');
  return new Set((await loadHarnesses()).flatMap((h) => h.env.map((e) => e.env)));
}

/**
 * The configuration `serve` runs with: the file (`--config`, else `BILLING_SIM_CONFIG`), then
 * `BILLING_SIM_*` variables, then flags, each source checked against the composed schema, so a
 * mistake is named with its source and JSON pointer before anything listens.
 */
export async function loadServeConfig(
  file: string | undefined,
  env: NodeJS.ProcessEnv,
  flags: ConfigFile,
): Promise<ConfigFile> {
  const path = file ?? env[CONFIG_ENV];
  const validator = new OptionsValidator();
  const fromFile = checkConfig(readConfig(path), PLUGINS, `config ${path}`, validator);
  let fromEnv = configFromEnv(env, PLUGINS);
  if (fromEnv.problems.length) fromEnv = configFromEnv(env, PLUGINS, await harnessVariables());
  if (fromEnv.problems.length) throw new ConfigError(fromEnv.problems, 'environment');
  checkConfig(fromEnv.config, PLUGINS, 'environment (BILLING_SIM_*)', validator);
  const merged = mergeConfig(fromFile, fromEnv.config, flags);
  const unknown = (merged.only ?? []).filter((n) => !PLUGINS.some((p) => p.name === n));
  if (unknown.length)
    throw new Error(`unknown simulator(s): ${unknown.join(', ')} (have: ${pluginNames().join(', ')})`);
  return checkConfig(merged, PLUGINS, 'configuration', validator);
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
