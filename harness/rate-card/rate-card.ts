import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { packageRoot } from '../../contracts/files.js';
import { RATE_CARD_SCHEMA } from './schema.js';

export interface Rate {
  unitPrice: number;
  unit?: string;
  currency?: string;
}

export interface RateCardFile {
  description?: string;
  currency?: string;
  vendors: Record<
    string,
    {
      currency?: string;
      default?: Rate;
      products?: Record<string, Rate>;
      customers?: Record<string, { products?: Record<string, Rate> }>;
    }
  >;
}

export interface ResolvedRate {
  unitPrice: number;
  unit: string | undefined;
  currency: string;
  /** Which entry priced the line: a customer price, the product, the vendor default, or nothing. */
  source: 'customer' | 'product' | 'default' | 'none';
}

export class RateCardError extends Error {
  override name = 'RateCardError';
}

/** The rate card shipped with the harness (`harness/rate-card/default-rate-card.yaml`). */
export function defaultRateCardPath(): string {
  return join(packageRoot(), 'harness', 'rate-card', 'default-rate-card.yaml');
}

/**
 * Prices for the normalised billing lines — the vendor APIs give quantities, the integrator's
 * contract gives prices. Lookup order: customer price, product price, vendor default; an
 * unpriced product gets 0 and is flagged so the gap shows in the output.
 */
export class RateCard {
  constructor(
    readonly file: RateCardFile,
    readonly source: string,
  ) {}

  static async load(path: string = defaultRateCardPath()): Promise<RateCard> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new RateCardError(`cannot read rate card ${path}: ${(e as Error).message}`);
    }
    let value: unknown;
    try {
      value = parseYaml(text);
    } catch (e) {
      throw new RateCardError(`rate card ${path} is not valid YAML/JSON: ${(e as Error).message}`);
    }
    return RateCard.from(value, path);
  }

  static from(value: unknown, source = 'inline'): RateCard {
    const problems = validateRateCard(value);
    if (problems.length)
      throw new RateCardError(`rate card ${source} is invalid:\n  ${problems.join('\n  ')}`);
    return new RateCard(value as RateCardFile, source);
  }

  rate(vendor: string, product: string, customer?: string): ResolvedRate {
    const v = this.file.vendors[vendor];
    const currency = v?.currency ?? this.file.currency ?? 'USD';
    const pick = (rate: Rate | undefined, source: ResolvedRate['source']): ResolvedRate | undefined =>
      rate
        ? { unitPrice: rate.unitPrice, unit: rate.unit, currency: rate.currency ?? currency, source }
        : undefined;
    return (
      (customer ? pick(v?.customers?.[customer]?.products?.[product], 'customer') : undefined) ??
      pick(v?.products?.[product], 'product') ??
      pick(v?.default, 'default') ?? { unitPrice: 0, unit: undefined, currency, source: 'none' }
    );
  }
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

/** Schema problems as readable lines (`/vendors/webex/products/X/unitPrice: must be >= 0`). */
export function validateRateCard(value: unknown): string[] {
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(RATE_CARD_SCHEMA);
  if (validator(value)) return [];
  return (validator.errors ?? []).map((e) => {
    const where = e.instancePath || '/';
    if (e.keyword === 'additionalProperties')
      return `${where}: unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    return `${where}: ${e.message ?? e.keyword}`;
  });
}
