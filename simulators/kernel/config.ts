/**
 * The serve configuration from its three doors — a config file, `BILLING_SIM_*` environment
 * variables, command-line flags — merged in that order and checked against one schema
 * (`configSchema` in options-schema.ts). Vendor-neutral: the plug-ins are passed in.
 */
import type { ClockOptions } from './clock.js';
import type { KernelOptions } from './kernel.js';
import { configSchema, kernelOptionsProperties, type PluginSchemaSource } from './options-schema.js';
import { ConfigError, didYouMean, OptionsValidator } from './options-validation.js';

/** The `--config` file (YAML or JSON), as `billing-sim config --schema` describes it. */
export interface ConfigFile {
  $schema?: string;
  seed?: number;
  timeScale?: number;
  host?: string;
  only?: string[];
  /** `serve`'s request log: one line per vendor request (`--log`). Default off. */
  log?: 'pretty' | 'json' | 'off';
  /** `serve --state-file`: every simulator's state, loaded at start and saved on SIGTERM/SIGINT. */
  stateFile?: string;
  /** Kernel options for every simulator (a simulator's own section wins). */
  kernel?: KernelOptions;
  /** Per simulator: `port` plus that simulator's own options (faults, rateLimit, …). */
  simulators?: Record<string, Record<string, unknown> & { port?: number }>;
  /** `billing-sim flows --config`: rate card (relative to the file), period and clock start. */
  flows?: { rateCard?: string; period?: string; at?: string };
}

export const ENV_PREFIX = 'BILLING_SIM_';
/** The variable naming a config file (containers mount one). */
export const CONFIG_ENV = 'BILLING_SIM_CONFIG';

const TOP_LEVEL = ['seed', 'timeScale', 'host', 'only', 'log', 'stateFile'] as const;

/** `rateLimit` → `RATE_LIMIT`. */
export function envName(option: string): string {
  return option.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** An environment value: JSON when it parses as JSON (numbers, booleans, objects), else the text. */
function envValue(option: string, raw: string): unknown {
  if (option === 'only' && !raw.trim().startsWith('[')) {
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export interface EnvConfig {
  config: ConfigFile;
  /** Variables that name no option (with a did-you-mean), as problems. */
  problems: string[];
}

/**
 * `BILLING_SIM_<OPTION>` (top-level keys and kernel options for every simulator) and
 * `BILLING_SIM_<VENDOR>_<OPTION>` (one simulator's option, `port` included). Values are JSON
 * when they parse as JSON: `BILLING_SIM_WEBEX_RATE_LIMIT='{"kind":"off"}'`,
 * `BILLING_SIM_WEBEX_PORT=9402`, `BILLING_SIM_ONLY=webex,rprm`. `ignore` lists variables that
 * belong to someone else (the harness's credential variables); a name that maps to an option is
 * always read as that option.
 */
export function configFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  plugins: readonly PluginSchemaSource[],
  ignore: ReadonlySet<string> = new Set(),
): EnvConfig {
  const config: ConfigFile = {};
  const problems: string[] = [];
  // Functions are library-only options: no environment variable can hold one.
  const kernelKeys = Object.keys(kernelOptionsProperties()).filter(
    (k) => k !== 'onExchange' && k !== 'onRequest' && k !== 'intercept',
  );
  const top = new Map<string, string>([...TOP_LEVEL, ...kernelKeys].map((k) => [envName(k), k]));
  const vendorKeys = new Map(
    plugins.map((p) => {
      const own = Object.keys((p.optionsSchema.properties ?? {}) as object);
      if (p.dataSchema) own.push('data');
      const keys = [...new Set([...kernelKeys, ...own, 'port'])];
      return [p.name, new Map(keys.map((k) => [envName(k), k]))] as const;
    }),
  );
  const known: string[] = [
    CONFIG_ENV,
    ...[...top.keys()].map((k) => ENV_PREFIX + k),
    ...[...vendorKeys].flatMap(([v, keys]) => [...keys.keys()].map((k) => `${ENV_PREFIX}${envName(v)}_${k}`)),
  ];
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || raw === undefined || name === CONFIG_ENV) continue;
    const rest = name.slice(ENV_PREFIX.length);
    const topKey = top.get(rest);
    if (topKey) {
      const value = envValue(topKey, raw);
      if ((TOP_LEVEL as readonly string[]).includes(topKey))
        (config as Record<string, unknown>)[topKey] = value;
      else config.kernel = { ...config.kernel, [topKey]: value };
      continue;
    }
    const vendor = plugins.find((p) => rest.startsWith(`${envName(p.name)}_`));
    const option = vendor && vendorKeys.get(vendor.name)?.get(rest.slice(envName(vendor.name).length + 1));
    if (vendor && option) {
      config.simulators ??= {};
      config.simulators[vendor.name] = { ...config.simulators[vendor.name], [option]: envValue(option, raw) };
      continue;
    }
    if (ignore.has(name)) continue;
    const near = didYouMean(name, known);
    problems.push(`${name}: names no option${near ? ` (did you mean ${near}?)` : ''}`);
  }
  return { config, problems };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Later sources win key by key; arrays and scalars are replaced whole. */
export function mergeConfig(...layers: ConfigFile[]): ConfigFile {
  const merge = (a: unknown, b: unknown): unknown => {
    if (!isPlainObject(a) || !isPlainObject(b)) return b === undefined ? a : b;
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
    return out;
  };
  return layers.reduce((acc, layer) => merge(acc, layer) as ConfigFile, {} as ConfigFile);
}

/** Checks a configuration; throws ConfigError naming each mistake's JSON pointer. */
export function checkConfig(
  config: unknown,
  plugins: readonly PluginSchemaSource[],
  where = 'configuration',
  validator = new OptionsValidator(),
): ConfigFile {
  if (config === null || config === undefined) return {};
  validator.assert(configSchema(plugins), config, where);
  return config as ConfigFile;
}

/** What `startSimulators` takes, from a checked configuration. */
export function startOptionsFrom(config: ConfigFile): {
  seed?: number;
  clock?: ClockOptions;
  only?: string[];
  host?: string;
  ports: Record<string, number>;
  simulators: Record<string, Record<string, unknown>>;
  kernel?: KernelOptions;
} {
  const ports: Record<string, number> = {};
  const simulators: Record<string, Record<string, unknown>> = {};
  for (const [name, { port, ...rest }] of Object.entries(config.simulators ?? {})) {
    if (port !== undefined) ports[name] = port;
    simulators[name] = rest;
  }
  const scale = config.timeScale;
  return {
    seed: config.seed,
    clock: scale && scale !== 1 ? { mode: 'scaled', scale } : undefined,
    only: config.only,
    host: config.host,
    ports,
    simulators,
    kernel: config.kernel,
  };
}

export { ConfigError };
