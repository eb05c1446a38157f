/**
 * Exact money: every amount is computed in integer minor units of its currency (BigInt), from
 * the decimal text of the inputs (`0.1` is one tenth, not the binary float near it). Amounts
 * leave as numbers whose shortest decimal form is the exact result, so `0.1 × 3` is `0.3` and
 * `1.005 × 1` rounds half-up to `1.01`.
 */

/** ISO 4217 currencies whose minor unit is not 2 digits (list of 2024; funds codes included). */
const EXPONENTS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Digits of the currency's minor unit (ISO 4217): JPY 0, USD 2, BHD 3. */
export function minorDigits(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** A decimal number as an integer and a power of ten: value = units × 10^-scale. */
interface Decimal {
  units: bigint;
  scale: number;
}

/** The decimal a JavaScript number stands for, read from its shortest round-trip text. */
export function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  const [mantissa = '0', exp = '0'] = String(value).toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [int = '0', frac = ''] = mantissa.replace('-', '').split('.');
  let units = BigInt(`${int}${frac}` || '0');
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: negative ? -units : units, scale };
}

/** Rounds half-up (away from zero) to `digits` decimals, as integer units of 10^-digits. */
function roundTo(d: Decimal, digits: number): bigint {
  if (d.scale <= digits) return d.units * 10n ** BigInt(digits - d.scale);
  const divisor = 10n ** BigInt(d.scale - digits);
  const abs = d.units < 0n ? -d.units : d.units;
  let q = abs / divisor;
  if ((abs % divisor) * 2n >= divisor) q += 1n;
  return d.units < 0n ? -q : q;
}

/** quantity × unitPrice in minor units of a currency with `digits` decimals, rounded half-up. */
export function multiplyToMinor(quantity: number, unitPrice: number, digits: number): bigint {
  const q = toDecimal(quantity);
  const p = toDecimal(unitPrice);
  return roundTo({ units: q.units * p.units, scale: q.scale + p.scale }, digits);
}

/** An amount (already at most `digits` decimals) in minor units, rounding half-up if it is not. */
export function toMinor(amount: number, digits: number): bigint {
  return roundTo(toDecimal(amount), digits);
}

/** Minor units back to a number whose shortest text is the exact decimal. */
export function fromMinor(minor: bigint, digits: number): number {
  return Number(digits === 0 ? minor.toString() : `${minor}e-${digits}`);
}

/** `12.50`, `1050`, `1.005`: the amount with exactly the currency's digits. */
export function formatMinor(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return negative ? `-${whole}` : whole;
}

export function formatMoney(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  return formatMinor(toMinor(amount, digits), digits);
}

/** Σ amounts of one currency, exactly. */
export function sumMoney(amounts: readonly number[], currency: string): number {
  const digits = minorDigits(currency);
  let total = 0n;
  for (const a of amounts) total += toMinor(a, digits);
  return fromMinor(total, digits);
}
