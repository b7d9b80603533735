/**
 * Passport and travel-permit numbers read out in a call (「护照号是E12345678」「港澳通行证C12345678」):
 * identity documents like an ID card, counted as an `id_card` by the personal-number detector
 * (personal-numbers.ts) and named for what they are in the reason. They have no check digit, and
 * one or two letters and 7–9 digits is also the shape of a model or case code, so a number counts
 * only right after the document's name (护照, 通行证, 回乡证, 台胞证 …, 号/号码/是 between).
 * A reason quoting the number has lost those words: reports mask it there because the rule's
 * evidence marks it as personal data (src/report/mask.ts, maskWithFound).
 */
import { CHINESE_DIGITS, digitsOf } from '../model/numerals.js';
import type { PersonalNumber } from './personal-numbers.js';

const D = `[0-9０-９${CHINESE_DIGITS}]`;
const SEP = '[ 　\\-－]?';
const DOCUMENT = new RegExp(
  `(护照|護照|通行证|通行證|回乡证|回鄉證|台胞证|台胞證)(?:号码|號碼|号|號)?[是係系为為：:\\s]{0,3}([A-Za-zＡ-Ｚａ-ｚ]{1,2}${SEP}(?:${D}${SEP}){6,8}${D})(?![0-9０-９A-Za-z${CHINESE_DIGITS}])`,
  'g',
);

export function findTravelDocuments(text: string): PersonalNumber[] {
  const found: PersonalNumber[] = [];
  for (const m of text.matchAll(DOCUMENT)) {
    const [whole, document = '', number = ''] = m;
    const digits = digitsOf(number);
    if (digits.length < 7 || digits.length > 9) continue;
    const start = (m.index ?? 0) + whole.length - number.length;
    const name = /[护護]照/.test(document) ? 'a passport number' : 'a travel-permit number';
    found.push({ kind: 'id_card', start, end: start + number.length, digits: number.replace(/[^0-9A-Za-z]/g, ''), certain: true, name });
  }
  return found;
}
