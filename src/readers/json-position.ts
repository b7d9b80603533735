/**
 * Where a JSON syntax error is. Node 20's JSON.parse says "at position N" for most errors but not
 * for "Unexpected token", so a small scanner finds the first bad character itself. Positions are
 * UTF-16 offsets, like JavaScript strings; lines and columns are 1-based.
 */

export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The offset of a syntax error, from V8's message when it has one, else by scanning the text. */
export function syntaxErrorOffset(message: string, text: string): number {
  const at = / at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  return scanForError(text);
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

class Scan {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.i < this.s.length && WS.has(this.s.charCodeAt(this.i))) this.i++;
  }
  fail(): never {
    throw this.i;
  }
  value(): void {
    this.ws();
    const ch = this.s[this.i];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch !== undefined && /[-0-9]/.test(ch)) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    // Point at the first character that breaks the literal (`tru}` → the `}`).
    for (const word of ['true', 'false', 'null']) {
      if (ch === word[0]) {
        let k = 0;
        while (this.s[this.i + k] === word[k]) k++;
        this.i += k;
        this.fail();
      }
    }
    this.fail();
  }
  object(): void {
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') return void this.i++;
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail();
      this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail();
      this.i++;
      this.value();
      this.ws();
      const ch = this.s[this.i];
      if (ch === '}') return void this.i++;
      if (ch !== ',') this.fail();
      this.i++;
    }
  }
  array(): void {
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') return void this.i++;
    for (;;) {
      this.value();
      this.ws();
      const ch = this.s[this.i];
      if (ch === ']') return void this.i++;
      if (ch !== ',') this.fail();
      this.i++;
    }
  }
  string(): void {
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c === 0x22) return void this.i++;
      if (c < 0x20) this.fail();
      if (c === 0x5c) {
        const e = this.s[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6))) {
            this.i += 2;
            this.fail();
          }
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else {
          this.i++;
          this.fail();
        }
      } else this.i++;
    }
    this.fail();
  }
  number(): void {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (!m) this.fail();
    this.i += m[0].length;
  }
}

/** Offset of the first syntax error in `text` (text.length when it ends too early). */
export function scanForError(text: string): number {
  const scan = new Scan(text);
  try {
    scan.value();
    scan.ws();
    return scan.i < text.length ? scan.i : text.length;
  } catch (at) {
    return typeof at === 'number' ? at : text.length;
  }
}

/**
 * A JSON string literal starts at `quote` in `raw` (the index of its opening `"`); return the
 * offset in `raw` of character `index` of the decoded string. Escapes (`\n`, `\"`, `\u4f60`) are
 * longer in the raw text than in the decoded one, so the offsets drift; this walks them.
 */
export function rawOffsetInLiteral(raw: string, quote: number, index: number): number {
  let r = quote + 1;
  for (let d = 0; d < index && r < raw.length; d++) {
    if (raw[r] === '"') break;
    r += raw[r] === '\\' ? (raw[r + 1] === 'u' ? 6 : 2) : 1;
  }
  return r;
}

/** The index of the opening quote of the string value of the n-th (0-based) `"key": "` in `raw`. */
export function findStringValue(raw: string, key: string, n = 0): number | undefined {
  const re = new RegExp(`"${key}"\\s*:\\s*"`, 'g');
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = re.exec(raw)) !== null) {
    if (seen++ === n) return m.index + m[0].length - 1;
  }
  return undefined;
}
