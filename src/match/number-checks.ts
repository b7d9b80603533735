/**
 * What makes a run of digits a number of one kind (personal-numbers.ts): a mobile's prefix and
 * length, an ID card's province, birth date and check character (GB 11643), a bank card's issuer
 * digit and Luhn check.
 */
import type { PersonalNumber, PersonalNumberKind } from './personal-numbers.js';

const MOBILE = /^(?:0086|86)?1[3-9][0-9]{9}$|^09[0-9]{8}$/;

/** A mobile's digits without a glued 86 / 0086: what the customer says, and what the read-back check looks for. */
export const nationalMobile = (digits: string): string => (digits.length > 11 ? digits.replace(/^(?:00)?86/, '') : digits);

/** Provinces of GB/T 2260 (11 北京 … 65 新疆), 71 台湾, 81–83 港澳台 residence permits, 9x foreigners' permanent residence. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71,
  81, 82, 83, 91, 92, 93, 94, 95, 96,
]);
const ID_SHAPE = /^[0-9]{17}[0-9X]$/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 0x30) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

function isBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** The Luhn (ISO/IEC 7812) check over all digits, the last being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 0x30;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** First digits of card issuers: 3 (JCB), 4 (Visa), 5 and 2221–2720 (Mastercard), 6 (UnionPay 62…), 9 (older domestic cards, 95…). */
function hasIssuerPrefix(digits: string): boolean {
  const first = digits[0];
  if (first === '3' || first === '4' || first === '5' || first === '6' || first === '9') return true;
  const four = Number(digits.slice(0, 4));
  return four >= 2221 && four <= 2720;
}


/** The kind's verdict on a run of digits: undefined when it is not that kind at all. */
export function classify(kind: PersonalNumberKind, digits: string, onePiece: boolean): Pick<PersonalNumber, 'certain' | 'doubt'> | undefined {
  if (kind === 'mobile') {
    if (digits.length !== 11 && digits.length !== 10 && !onePiece) return undefined;
    return MOBILE.test(digits) ? { certain: true } : undefined;
  }
  if (kind === 'id_card') {
    if (!ID_SHAPE.test(digits) || !PROVINCES.has(Number(digits.slice(0, 2))) || !isBirthDate(digits.slice(6, 14))) return undefined;
    return idCheckCharacter(digits) === digits[17] ? { certain: true } : { certain: false, doubt: 'its check digit is wrong' };
  }
  if (digits.length < 16 || digits.length > 19 || digits.includes('X') || !hasIssuerPrefix(digits)) return undefined;
  return luhnValid(digits) ? { certain: true } : { certain: false, doubt: 'it fails the Luhn check of card numbers' };
}
