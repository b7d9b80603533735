/**
 * What text a regex phrase cannot match without: literals it requires, or lists of literals one
 * of which it requires (`(白目|脑残|智障)`). The engine skips running the regex on an utterance
 * that lacks one of them, as ripgrep skips lines without a pattern's literal: the literals are
 * patterns of the ruleset's one matcher (CompiledRuleset.literals), found in the same pass as
 * the phrases, and most utterances hold no taboo.
 *
 * Conservative by design: only the regex's top level is read, and anything this reader does not
 * fully understand (an alternation at the top, a backreference, a flag other than g/u/s/m, a
 * group with special syntax inside an alternative) gives no literal, so the regex always runs.
 * Lookarounds, classes, escapes like \p{…} and `.` are atoms that are not literals; an atom
 * that may repeat zero times (*, {0,n}) is not required, and one said once or not at all (?)
 * is spelled both ways (「ab?c」 requires 「abc」 or 「ac」).
 */

/** Requirements read from a regex: each list holds strings one of which occurs in every match. */
export type Requirements = string[][];

/** At most this many requirements are kept: the most selective one or two already rule out most utterances. */
const MOST = 4;

/**
 * The regex's requirements, most selective first (longest shortest string, then fewest
 * strings); undefined when none can be read.
 */
export function requiredLiterals(source: string, flags: string): Requirements | undefined {
  if (/[^gusm]/.test(flags)) return undefined;
  const alternatives = topLevelAlternatives(source);
  if (!alternatives) return undefined;
  if (alternatives.length > 1) return eitherOf(alternatives);
  const required = topLevelRequirements(source);
  if (!required || required.length === 0) return undefined;
  return mostSelectiveFirst(required);
}

function mostSelectiveFirst(required: Requirements): Requirements {
  const shortest = (option: string[]): number => Math.min(...option.map((x) => x.length));
  return required.sort((a, b) => shortest(b) - shortest(a) || a.length - b.length).slice(0, MOST);
}

/**
 * A top-level alternation (「(什么|咩)烂|烂(系统|服务)」) requires one of its alternatives'
 * requirements: their most selective ones, together, are one requirement (烂 or 烂). Any
 * alternative without one gives none.
 */
function eitherOf(alternatives: readonly string[]): Requirements | undefined {
  const option = new Set<string>();
  for (const alternative of alternatives) {
    const required = topLevelRequirements(alternative);
    const best = required && required.length > 0 ? mostSelectiveFirst(required)[0] : undefined;
    if (!best) return undefined;
    for (const literal of best) option.add(literal);
  }
  return [withoutSuperstrings([...option])];
}

/** 「什么烂」 is found wherever 「烂」 is: of one requirement's strings, the shorter one is enough. */
function withoutSuperstrings(literals: readonly string[]): string[] {
  return literals.filter((literal) => !literals.some((other) => other !== literal && literal.includes(other)));
}

/** The source split at its top-level `|` (groups, classes and escapes skipped); undefined if unbalanced. */
function topLevelAlternatives(source: string): string[] | undefined {
  const chars = [...source];
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') {
      const end = closing(chars, i, c, c === '(' ? ')' : ']');
      if (end < 0) return undefined;
      i = end;
    } else if (c === '|') {
      out.push(chars.slice(from, i).join(''));
      from = i + 1;
    }
  }
  out.push(chars.slice(from).join(''));
  return out;
}

/**
 * The requirements worth looking for: the most selective one, and any other whose literals are
 * all two characters or more. A single common character (您, 我, 了) is in most utterances, so
 * marking where it occurs cost more matcher output than the regex runs it saved (bench month:
 * 309 literal hits a call against 111 phrase hits).
 */
export function worthLookingFor(requirements: Requirements): Requirements {
  return requirements.filter((option, i) => i === 0 || option.every((literal) => literal.length >= 2));
}

const SPECIAL = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);

/**
 * Adjacent required atoms are read as one requirement while the strings they can spell stay
 * few: 「(帮|为|给)(您|你)(登记|记录…)」 requires one of 60 three- and four-character strings,
 * which most utterances lack, where 您 alone is in most of them.
 */
const MOST_SPELLINGS = 64;

/** The requirements of the top-level sequence: runs of adjacent literals and literal alternations, spelled out. */
function topLevelRequirements(source: string): string[][] | undefined {
  const out: string[][] = [];
  // The strings the current run of adjacent required atoms can spell; [] when no run is open.
  let spellings: string[] = [];
  const endRun = (): void => {
    // A run that may spell nothing (「(先|稍)?」 alone) requires nothing.
    if (spellings.length > 0 && !spellings.includes('')) out.push(withoutSuperstrings(spellings));
    spellings = [];
  };
  const extend = (atom: readonly string[]): void => {
    if (spellings.length === 0) spellings = [...atom];
    else if (spellings.length * atom.length <= MOST_SPELLINGS) spellings = [...new Set(spellings.flatMap((before) => atom.map((a) => before + a)))];
    else {
      endRun();
      spellings = [...atom];
    }
  };
  const chars = [...source];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    let atom: { literal?: string; alternatives?: string[] } | 'zero-width';
    if (c === '|') return undefined; // a top-level alternation: see eitherOf
    if (c === '^' || c === '$') {
      endRun(); // zero-width, but no literal run continues across it
      i++;
      continue;
    }
    if (c === '\\') {
      const next = chars[i + 1];
      if (next === undefined) return undefined;
      if (/[0-9k]/.test(next)) return undefined; // backreference
      if (/[a-zA-Z]/.test(next)) {
        // \d \w \s \p{…} \u{…} \uXXXX \xXX \cX: not read as literals.
        i += 2;
        if ((next === 'p' || next === 'P' || next === 'u') && chars[i] === '{') {
          while (i < chars.length && chars[i] !== '}') i++;
          i++;
        } else if (next === 'u') i += 4;
        else if (next === 'x') i += 2;
        else if (next === 'c') i += 1;
        atom = {};
      } else {
        atom = { literal: next }; // an escaped punctuation mark is itself
        i += 2;
      }
    } else if (c === '[') {
      const end = closing(chars, i, '[', ']');
      if (end < 0) return undefined;
      i = end + 1;
      atom = {};
    } else if (c === '(') {
      const end = closing(chars, i, '(', ')');
      if (end < 0) return undefined;
      const inner = chars.slice(i + 1, end).join('');
      i = end + 1;
      if (/^\?(=|!|<=|<!)/.test(inner)) {
        atom = 'zero-width';
      } else {
        const body = inner.startsWith('?:') ? inner.slice(2) : inner.startsWith('?<') ? inner.replace(/^\?<[A-Za-z_$][\w$]*>/, '') : inner.startsWith('?') ? undefined : inner;
        atom = body === undefined ? {} : { alternatives: plainAlternatives(body) };
      }
    } else if (c === '.') {
      i++;
      atom = {};
    } else if (SPECIAL.has(c)) {
      return undefined; // a quantifier with nothing before it, or a stray bracket: not ours to read
    } else {
      i++;
      atom = { literal: c };
    }
    if (atom === 'zero-width') {
      endRun(); // what it looks at is not part of the match
      continue;
    }
    const q = quantifier(chars, i);
    if (q === undefined) return undefined;
    i = q.next;
    const spelled = atom.literal !== undefined ? [atom.literal] : atom.alternatives;
    const mayBeEmpty = spelled?.includes('') ?? false;
    if (spelled && q.min >= 1 && !mayBeEmpty) {
      extend(spelled);
      if (q.repeats) endRun(); // 「ab+c」 requires 「ab」, then any number of b
      continue;
    }
    // An atom said once or not at all (「(您|你)(先|稍)?等」, 「x(ab|)y」) spells itself or nothing.
    if (spelled && (q.optional || (q.min === 1 && !q.repeats))) {
      extend([...spelled.filter((a) => a !== ''), '']);
      continue;
    }
    endRun();
  }
  endRun();
  return out;
}

/** A group body that is only literals separated by `|`: its alternatives; else undefined. */
function plainAlternatives(body: string): string[] | undefined {
  const alternatives = body.split('|');
  return alternatives.every((a) => [...a].every((ch) => !SPECIAL.has(ch))) ? alternatives : undefined;
}

/** The index of the bracket that closes the one at `open` (escapes and classes skipped); -1 if none. */
function closing(chars: readonly string[], open: number, left: string, right: string): number {
  let depth = 0;
  for (let k = open; k < chars.length; k++) {
    const ch = chars[k];
    if (ch === '\\') {
      k++;
      continue;
    }
    if (left === '(' && ch === '[') {
      const end = closing(chars, k, '[', ']');
      if (end < 0) return -1;
      k = end;
      continue;
    }
    if (ch === left) depth++;
    else if (ch === right && --depth === 0) return k;
  }
  return -1;
}

/**
 * The quantifier after an atom: its least count, whether the atom may appear other than exactly
 * once (then a literal run cannot continue past it), whether it appears once or not at all, and
 * where the next atom starts.
 */
function quantifier(chars: readonly string[], at: number): { min: number; repeats: boolean; optional: boolean; next: number } | undefined {
  const c = chars[at];
  if (c === '?' || c === '*' || c === '+') return { min: c === '+' ? 1 : 0, repeats: true, optional: c === '?', next: lazy(chars, at + 1) };
  if (c !== '{') return { min: 1, repeats: false, optional: false, next: at };
  const m = /^\{(\d+)(?:,(\d*))?\}/.exec(chars.slice(at, at + 24).join(''));
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[2] === '' ? Infinity : Number(m[2]);
  return { min, repeats: !(min === 1 && max === 1), optional: min === 0 && max === 1, next: lazy(chars, at + m[0].length) };
}

function lazy(chars: readonly string[], at: number): number {
  return chars[at] === '?' ? at + 1 : at;
}
