import { isIsoDate } from '../time/zoned-time';
import type { IsoDate } from '../time/zoned-time';

/**
 * The service number (服务编号) printed on every ticket and typed by the
 * public on the tracking page, often on a phone's numeric keypad, so it is
 * all digits:
 *
 *   hall code (6) + YYMMDD local date (6) + daily sequence (5) + Damm check digit (1) = 18
 *
 * The Damm check digit catches every single mistyped digit and every swap of
 * two neighbouring digits, so a typo is reported as a typo rather than as
 * "no such case" (or, worse, someone else's case).
 */

const SERVICE_NUMBER_LENGTH = 18;
const MAX_SEQUENCE = 99_999;

// The order-10 weakly totally anti-symmetric quasigroup from Damm's 2004 thesis.
const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** The Damm check digit of a string of ASCII digits; appending it makes the whole string check to 0. */
export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) throw new RangeError(`not a digit string: ${JSON.stringify(digits)}`);
    interim = DAMM_TABLE[interim]?.[digit] ?? 0;
  }
  return interim;
}

/** Builds the 18-digit service number; a bad hall code, date or sequence is a bug, so it throws. */
export function makeServiceNumber(hallCode: string, date: IsoDate, sequence: number): string {
  if (!/^\d{6}$/.test(hallCode))
    throw new RangeError(`hall code must be six digits, got ${JSON.stringify(hallCode)}`);
  if (!isIsoDate(date) || !date.startsWith('20')) {
    throw new RangeError(`date must be a real date in 2000..2099, got ${JSON.stringify(date)}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`sequence must be an integer in 1..${MAX_SEQUENCE}, got ${sequence}`);
  }
  const body = `${hallCode}${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}${String(sequence).padStart(5, '0')}`;
  return `${body}${dammCheckDigit(body)}`;
}

export type ParsedServiceNumber =
  | { ok: true; serviceNumber: string; hallCode: string; date: IsoDate; sequence: number }
  | { ok: false; error: 'service-number-format' | 'service-number-check-digit' };

// Full-width digits come from Chinese IMEs; spaces and dashes from copying the printed form.
const SEPARATORS = /[\s\-‐‑‒–—―－]/gu;
const FULL_WIDTH_DIGITS = /[０-９]/gu;

function normalize(input: string): string {
  return input
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(SEPARATORS, '');
}

/**
 * Reads a service number as the public types it. 'service-number-check-digit'
 * means 18 digits that fail the check: a typo the check digit caught.
 */
export function parseServiceNumber(input: string): ParsedServiceNumber {
  const serviceNumber = normalize(input);
  if (serviceNumber.length !== SERVICE_NUMBER_LENGTH || !/^\d+$/.test(serviceNumber)) {
    return { ok: false, error: 'service-number-format' };
  }
  // The check digit goes first: a typo in the date part should read as a typo,
  // not as a malformed number.
  if (dammCheckDigit(serviceNumber) !== 0) return { ok: false, error: 'service-number-check-digit' };
  const date = `20${serviceNumber.slice(6, 8)}-${serviceNumber.slice(8, 10)}-${serviceNumber.slice(10, 12)}`;
  const sequence = Number(serviceNumber.slice(12, 17));
  if (!isIsoDate(date) || sequence < 1) return { ok: false, error: 'service-number-format' };
  return { ok: true, serviceNumber, hallCode: serviceNumber.slice(0, 6), date, sequence };
}

/** '370100 261127 00023 7': grouped by meaning, for print and screens. */
export function formatServiceNumber(serviceNumber: string): string {
  const digits = normalize(serviceNumber);
  if (!/^\d{18}$/.test(digits)) {
    throw new RangeError(`not an 18-digit service number: ${JSON.stringify(serviceNumber)}`);
  }
  return `${digits.slice(0, 6)} ${digits.slice(6, 12)} ${digits.slice(12, 17)} ${digits.slice(17)}`;
}

/** The verification code printed beside the service number; the public lookup needs both. */
export const VERIFICATION_CODE_LENGTH = 6;

export function isVerificationCode(code: string): boolean {
  return code.length === VERIFICATION_CODE_LENGTH && /^\d+$/.test(code);
}

const UINT32_RANGE = 2 ** 32;
/** The largest multiple of 10 not above 2^32: values at or over it would favour digits 0–5. */
const UNBIASED_LIMIT = UINT32_RANGE - (UINT32_RANGE % 10);

/**
 * A verification code from caller-supplied random uint32s (the engine draws no
 * randomness itself). One digit per accepted number; numbers that would bias
 * the digits are skipped, so pass a few spares. Throws if they run out.
 */
export function verificationCodeFromRandom(randomUint32s: readonly number[]): string {
  let code = '';
  for (const value of randomUint32s) {
    if (!Number.isInteger(value) || value < 0 || value >= UINT32_RANGE) {
      throw new RangeError(`random values must be uint32, got ${value}`);
    }
    if (value >= UNBIASED_LIMIT) continue;
    code += String(value % 10);
    if (code.length === VERIFICATION_CODE_LENGTH) return code;
  }
  throw new RangeError(
    `needed ${VERIFICATION_CODE_LENGTH} usable random values, got ${code.length} of ${randomUint32s.length}`,
  );
}
