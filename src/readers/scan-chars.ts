/**
 * Character tests for the plain reader's hand-written scanners (labels, timestamps): they work on
 * positions in the whole text, not on line strings.
 */

/** JavaScript's \s (and String.prototype.trim's) whitespace. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** charCodeAt, but -1 at or past `end` (the end of the line): reading past a string's end (NaN) deoptimises. */
export function codeAt(s: string, i: number, end: number): number {
  return i < end ? s.charCodeAt(i) : -1;
}

export function skipSpace(s: string, i: number, end: number): number {
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  return i;
}
