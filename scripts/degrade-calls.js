// Degrade correct plain-format calls the way speech recognisers do, deterministically:
//   drop       one character lost in some turns (「您好很高兴您服务」)
//   homophone  a character heard as its homophone (在/再, 为/位, 已/以, 做/作, 帐/账)
//   punct      no punctuation at all
//   nin        您 written as 你, once
//   mixed      all of the above, at most one character edit per turn
// Every edit is returned with its turn and position (in the clean and in the degraded words), so tests can tell the rules a degradation
// really changed (an edit inside a phrase that is exact by design) from those it must not change.
//
//   node scripts/degrade-calls.js <clean-dir> <out-dir>   writes <name>.<kind>.txt for every kind
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from './synthetic-month.js';

export const HOMOPHONES = [['在', '再'], ['为', '位'], ['已', '以'], ['做', '作'], ['帐', '账']];
export const KINDS = ['drop', 'homophone', 'punct', 'nin', 'mixed'];

const PARTNER = new Map(HOMOPHONES.flatMap(([a, b]) => [[a, b], [b, a]]));
const HAN = /\p{Script=Han}/u;
const PUNCT = /[\p{P}\p{S}\s]/u;
// A transcript line: optional [time], a speaker label, a colon, the words.
const LINE = /^(\s*(?:\[[^\]]*\]\s*)?[^：:\s[]{1,12}[：:]\s*)(.*)$/;

/** A small stable hash of a string, so each file gets its own seed. */
export function seedOf(name, kind) {
  let h = 2166136261;
  for (const ch of `${name}:${kind}`) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
  return h;
}

/** Degrade one call's text; returns the new text and the edits (turn is 1-based; at: index in the degraded words). */
export function degradeCall(text, kind, seed) {
  const rand = prng(seed);
  const lines = text.split('\n');
  const edits = [];
  let inFront = lines[0]?.trim() === '---';
  let turn = 0;
  let ninDone = false;
  const turns = [];
  lines.forEach((line, i) => {
    if (i === 0 && inFront) return;
    if (inFront) {
      if (line.trim() === '---') inFront = false;
      return;
    }
    const m = LINE.exec(line);
    if (!m || m[2].trim() === '') return;
    turn++;
    turns.push({ i, prefix: m[1], words: m[2], turn });
  });
  // 您→你 once, in a turn of its own (mixed keeps one edit per turn).
  const ninTurns = turns.filter((t) => t.words.includes('您'));
  const ninTurn = kind === 'nin' || kind === 'mixed' ? ninTurns[Math.floor(rand() * ninTurns.length)] : undefined;
  for (const t of turns) {
    let words = t.words;
    const local = [];
    if (t === ninTurn && !ninDone) {
      const spots = [...words].map((c, k) => (c === '您' ? k : -1)).filter((k) => k >= 0);
      const at = spots[Math.floor(rand() * spots.length)];
      words = replaceAt(words, at, '你');
      local.push({ kind: 'nin', at, cleanAt: at, before: '您', after: '你' });
      ninDone = true;
    } else if (kind === 'drop' || (kind === 'mixed' && rand() < 0.4)) {
      const han = [...words].map((c, k) => (HAN.test(c) ? k : -1)).filter((k) => k >= 0);
      if (han.length >= 4 && (kind === 'mixed' || rand() < 0.5)) {
        const at = han[Math.floor(rand() * han.length)];
        local.push({ kind: 'drop', at, cleanAt: at, before: [...words][at], after: '' });
        words = replaceAt(words, at, '');
      }
    }
    if ((kind === 'homophone' || kind === 'mixed') && local.length === 0) {
      const spots = [...words].map((c, k) => (PARTNER.has(c) ? k : -1)).filter((k) => k >= 0);
      if (spots.length > 0 && (kind === 'homophone' || rand() < 0.6)) {
        const at = spots[Math.floor(rand() * spots.length)];
        const ch = [...words][at];
        local.push({ kind: 'homophone', at, cleanAt: at, before: ch, after: PARTNER.get(ch) });
        words = replaceAt(words, at, PARTNER.get(ch));
      }
    }
    if (kind === 'punct' || kind === 'mixed') {
      const kept = [...words];
      for (const e of local) e.at = kept.slice(0, e.at).filter((c) => !PUNCT.test(c)).length;
      // A recogniser writes no empty sentence: a turn of only punctuation (「……」) stays as it is.
      if (kept.some((c) => !PUNCT.test(c))) words = kept.filter((c) => !PUNCT.test(c)).join('');
    }
    for (const e of local) edits.push({ turn: t.turn, ...e });
    lines[t.i] = `${t.prefix}${words}`;
  }
  return { text: lines.join('\n'), edits };
}

function replaceAt(s, at, by) {
  const chars = [...s];
  chars.splice(at, 1, ...(by === '' ? [] : [by]));
  return chars.join('');
}

/** Every kind of every .txt call in `cleanDir`, written to `outDir`. */
export function degradeDir(cleanDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const file of readdirSync(cleanDir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(cleanDir, file), 'utf8');
    const name = basename(file, '.txt');
    for (const kind of KINDS) {
      const out = join(outDir, `${name}.${kind}.txt`);
      writeFileSync(out, degradeCall(text, kind, seedOf(name, kind)).text);
      written.push(out);
    }
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [cleanDir, outDir] = process.argv.slice(2);
  if (!cleanDir || !outDir) {
    console.error('usage: node scripts/degrade-calls.js <clean-dir> <out-dir>');
    process.exit(2);
  }
  console.log(`${degradeDir(cleanDir, outDir).length} degraded calls written to ${outDir}`);
}
