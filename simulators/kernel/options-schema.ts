/**
 * The options every simulator accepts, as JSON Schema, and the composition of a closed schema per
 * plug-in (kernel options + the vendor's own), for the config file, `startSimulators` and the
 * admin API. Validation itself lives in `options-validation.ts` (it loads ajv on first use).
 */

/** A JSON Schema object (draft 2020-12, as ajv reads it). */
export type JsonSchema = { [keyword: string]: unknown };

/** Whole-second values a client waits; capped so no header says `Infinity`. */
const DAY_SECONDS = 86_400;

/** `x-function: true`: a library-only option holding a function (never in a config file). */
export const FUNCTION_KEYWORD = 'x-function';

/** `if`/`then`/`else` (built from entries: a literal `then` key would make the object a thenable). */
export function when(condition: JsonSchema, then: JsonSchema, otherwise?: JsonSchema): JsonSchema {
  const entries: [string, JsonSchema][] = [
    ['if', condition],
    ['then', then],
  ];
  if (otherwise) entries.push(['else', otherwise]);
  return Object.fromEntries(entries);
}

/**
 * A union discriminated by `kind`: per kind, the keys it requires and the only keys it allows,
 * so a mistake names the key (`/rateLimit/windowMs: is required`) instead of a failed oneOf.
 */
export function kindVariants(
  variants: Record<string, { required?: string[]; keys?: string[] }>,
): JsonSchema[] {
  return Object.entries(variants).map(([kind, v]) =>
    when(
      { properties: { kind: { const: kind } }, required: ['kind'] },
      {
        ...(v.required?.length ? { required: v.required } : {}),
        properties: Object.fromEntries(['kind', ...(v.keys ?? v.required ?? [])].map((k) => [k, true])),
        additionalProperties: false,
      },
    ),
  );
}

const positiveInteger = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'integer',
  minimum: 1,
  description,
  ...extra,
});

export const RATE_LIMIT_SCHEMA: JsonSchema = {
  description:
    'Rate limit per authenticated identity. kind fixed-window needs limit and windowMs; token-bucket needs capacity and refillPerSecond; off turns limiting off.',
  type: 'object',
  required: ['kind'],
  properties: {
    kind: { enum: ['fixed-window', 'token-bucket', 'off'] },
    limit: positiveInteger('requests per window (fixed-window)', { maximum: 1_000_000_000 }),
    windowMs: positiveInteger('window length in simulator ms (fixed-window)', {
      maximum: DAY_SECONDS * 1000,
    }),
    capacity: positiveInteger('bucket size (token-bucket)', { maximum: 1_000_000_000 }),
    refillPerSecond: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1_000_000_000,
      description: 'tokens added per simulator second (token-bucket)',
    },
  },
  allOf: kindVariants({
    'fixed-window': { required: ['limit', 'windowMs'] },
    'token-bucket': { required: ['capacity', 'refillPerSecond'] },
    off: {},
  }),
};

export const FAULT_RULE_SCHEMA: JsonSchema = {
  description: 'A fault rule: match → effect, for N times, from request K, or a seeded ratio.',
  type: 'object',
  required: ['effect'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1 },
    match: {
      type: 'object',
      additionalProperties: false,
      properties: {
        method: { type: 'string', minLength: 1 },
        path: {
          type: 'string',
          minLength: 1,
          description: 'glob (`*` one segment, `**` any depth) or a regex starting with ^',
        },
        tenant: { type: 'string' },
        token: { type: 'string' },
        header: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1 }, value: { type: 'string' } },
        },
      },
    },
    effect: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        status: { type: 'integer', minimum: 400, maximum: 599 },
        retryAfterSeconds: { type: 'integer', minimum: 0, maximum: DAY_SECONDS },
        message: { type: 'string' },
        delayMs: { type: 'integer', minimum: 0, maximum: DAY_SECONDS * 1000 },
        drop: { type: 'boolean' },
        truncateBytes: { type: 'integer', minimum: 0 },
      },
    },
    times: { type: 'integer', minimum: 0 },
    fromRequest: { type: 'integer', minimum: 0 },
    ratio: { type: 'number', minimum: 0, maximum: 1 },
  },
};

/** A list of fault rules (`POST /_sim/faults`, `faults:` in the config). */
export const FAULT_RULES_SCHEMA: JsonSchema = { type: 'array', items: FAULT_RULE_SCHEMA, maxItems: 1000 };

export const CLOCK_OPTIONS_SCHEMA: JsonSchema = {
  description: 'A clock for this simulator (library callers may pass a Clock instance instead).',
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: { enum: ['system', 'manual', 'scaled'] },
    start: { type: ['integer', 'string'], description: 'epoch ms or ISO date-time' },
    scale: { type: 'number', exclusiveMinimum: 0, description: 'simulator seconds per real second' },
  },
};

/** Kernel options (`KernelOptions` in kernel.ts): every simulator accepts them. */
export function kernelOptionsProperties(): Record<string, JsonSchema> {
  return {
    seed: { type: 'integer', minimum: 0, maximum: 4_294_967_295, default: 1, description: 'data seed' },
    clock: CLOCK_OPTIONS_SCHEMA,
    journalSize: {
      type: 'integer',
      minimum: 0,
      maximum: 1_000_000,
      default: 1000,
      description: 'ring-buffer size of the request journal (0 turns it off)',
    },
    rateLimit: RATE_LIMIT_SCHEMA,
    faults: {
      type: 'array',
      items: FAULT_RULE_SCHEMA,
      maxItems: 1000,
      description: 'fault rules installed at start',
    },
    bodyLimitBytes: {
      type: 'integer',
      minimum: 0,
      maximum: 1 << 30,
      description: "largest accepted request body (default: the vendor's)",
    },
    journalBodyBytes: {
      type: 'integer',
      minimum: 0,
      maximum: 1 << 20,
      default: 8192,
      description: 'bytes kept of each journaled request and response body (0: headers only)',
    },
    onExchange: { [FUNCTION_KEYWORD]: true, description: 'library only: sees every response' },
    onRequest: {
      [FUNCTION_KEYWORD]: true,
      description: 'library only: called once per vendor request (the request log)',
    },
    intercept: {
      [FUNCTION_KEYWORD]: true,
      description: 'library only: answers a request before the simulator (serve --replay)',
    },
    admin: { type: 'boolean', default: true, description: 'serve the /_sim admin API' },
    signingSecret: {
      type: 'string',
      minLength: 1,
      description: 'key for everything signed (default: random per process)',
    },
    publicOrigin: {
      type: 'string',
      pattern: '^https?://',
      description: 'origin of absolute URLs the simulator writes (default: the listener address, never Host)',
    },
    adminToken: {
      type: 'string',
      minLength: 1,
      description:
        'token the /_sim admin API demands (Bearer or X-Sim-Admin-Token); required beyond loopback',
    },
  };
}

export interface PluginSchemaSource {
  name: string;
  defaultPort: number;
  optionsSchema: JsonSchema;
  /** The vendor's golden-data schema: the `data` option of its section. */
  dataSchema?: JsonSchema;
}

/**
 * The closed schema of one simulator's options: kernel properties, then the vendor's (a vendor
 * may narrow a kernel option), plus `port` in the config file.
 */
export function simulatorOptionsSchema(plugin: PluginSchemaSource, withPort: boolean): JsonSchema {
  const own = (plugin.optionsSchema.properties ?? {}) as Record<string, JsonSchema>;
  const properties: Record<string, JsonSchema> = { ...kernelOptionsProperties(), ...own };
  if (plugin.dataSchema) properties.data = plugin.dataSchema;
  if (withPort) {
    properties.port = {
      type: 'integer',
      minimum: 0,
      maximum: 65_535,
      default: plugin.defaultPort,
      description: 'TCP port (0 picks a free one)',
    };
  }
  const { properties: _p, ...rest } = plugin.optionsSchema;
  return { ...rest, type: 'object', properties, additionalProperties: false };
}

const TLS_SCHEMA: JsonSchema = {
  description: "PEM certificate and key for the HTTPS simulators, or 'generate' for a fresh self-signed one",
  anyOf: [
    { const: 'generate' },
    {
      type: 'object',
      required: ['cert', 'key'],
      additionalProperties: false,
      properties: { cert: { type: 'string', minLength: 1 }, key: { type: 'string', minLength: 1 } },
    },
  ],
};

function simulatorsSection(
  plugins: readonly PluginSchemaSource[],
  withPort: boolean,
  only?: ReadonlySet<string>,
): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    description: "per simulator: that simulator's options",
    properties: Object.fromEntries(
      // A section nobody gave needs no rules (and costs nothing to compile).
      plugins.map((p) => [p.name, !only || only.has(p.name) ? simulatorOptionsSchema(p, withPort) : true]),
    ),
  };
}

function onlySchema(plugins: readonly PluginSchemaSource[]): JsonSchema {
  return {
    type: 'array',
    items: { enum: plugins.map((p) => p.name) },
    uniqueItems: true,
    description: 'which simulators to start (default: all)',
  };
}

function kernelSection(): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    description: 'kernel options applied to every simulator (a simulator section overrides them)',
    properties: kernelOptionsProperties(),
  };
}

/** The `--config` file (YAML or JSON), as `billing-sim config --schema` prints it. */
export function configSchema(plugins: readonly PluginSchemaSource[]): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'billing-sim configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'for editors: the path or URL of this schema' },
      seed: { type: 'integer', minimum: 0, maximum: 4_294_967_295, default: 1, description: 'data seed' },
      timeScale: {
        type: 'number',
        exclusiveMinimum: 0,
        default: 1,
        description: 'simulator seconds per real second',
      },
      host: { type: 'string', minLength: 1, default: '127.0.0.1', description: 'address to listen on' },
      only: onlySchema(plugins),
      log: {
        enum: ['pretty', 'json', 'off'],
        default: 'off',
        description: 'serve: one line per vendor request (pretty, or JSON lines for jq), or none',
      },
      stateFile: {
        type: 'string',
        minLength: 1,
        description:
          "serve: file keeping every simulator's state across restarts (loaded at start if it exists, saved on SIGTERM/SIGINT)",
      },
      kernel: kernelSection(),
      simulators: simulatorsSection(plugins, true),
      flows: FLOWS_SECTION,
    },
  };
}

/** `billing-sim flows --config`: what the run needs beyond the simulators (serve ignores it). */
const FLOWS_SECTION: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'billing-sim flows --config: the rate card, billing period and clock start of the run',
  properties: {
    rateCard: {
      type: 'string',
      minLength: 1,
      description: 'rate card (YAML or JSON), relative to this config file (--rate-card wins)',
    },
    period: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}$',
      description: 'billing period START..END (--period wins; default the month before the clock)',
    },
    at: {
      type: 'string',
      minLength: 1,
      description: "start instant (ISO) of the embedded simulators' clock (--at wins)",
    },
  },
};

/**
 * `startSimulators(options)`: the same rules for the library. `given`: the simulator sections
 * present in the options (the others are not compiled).
 */
export function startOptionsSchema(
  plugins: readonly PluginSchemaSource[],
  given?: ReadonlySet<string>,
): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      seed: { type: 'integer', minimum: 0, maximum: 4_294_967_295 },
      clock: CLOCK_OPTIONS_SCHEMA,
      only: onlySchema(plugins),
      host: { type: 'string', minLength: 1 },
      ports: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          plugins.map((p) => [p.name, { type: 'integer', minimum: 0, maximum: 65_535 }]),
        ),
      },
      simulators: simulatorsSection(plugins, false, given),
      tls: TLS_SCHEMA,
      kernel: kernelSection(),
      plugins: { type: 'array', description: 'library only: the plug-ins to choose from' },
    },
  };
}
