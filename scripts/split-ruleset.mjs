// Splits a one-file ruleset (settings + lexicons + rules) into the settings file, which
// `include:`s its parts, and the parts: <name>/lexicons.yaml and one file per rule,
// <name>/<category>/<rule>.yaml (opening.greeting → standard/opening/greeting.yaml), listed in the
// rules' order, which is the reports' column order. Line by line: every comment, blank line and
// YAML style is kept as written. A section header comment (`  # ------------ closing — 结束语`)
// moves into the include list, above its category's first rule, wherever it stood. Lines the
// split itself writes start with `#: `, so that scripts/join-ruleset.mjs can drop them when it
// puts the one file back together.
//
//   npx tsc -p tsconfig.json && node scripts/split-ruleset.mjs [rulesets/standard.yaml]
//
// Afterwards it loads the one-file version and the split one and compares the rulesets they
// make (settings, lexicons, rules, in order): on any difference it puts the one file back and
// exits 1. It refuses a file that is already split (it has `include:`: join it first). Part
// files of an earlier split in <name>/ are overwritten; ones this split does not write are removed.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import fg from 'fast-glob';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOP_KEY = /^([A-Za-z_][\w-]*)\s*:/;
const RULE_START = /^ {2}- /;
const SECTION_HEADER = /^ {2}# -{8,} (\S+)/;

/** The split of one ruleset text: the settings file's text and each part's (by file name). */
export function splitRuleset(text, name) {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const blocks = topLevelBlocks(lines);
  if (blocks.some((b) => b.key === 'include')) throw new Error('already split (it has include:): join it first (scripts/join-ruleset.mjs)');
  const rulesBlock = blocks.find((b) => b.key === 'rules');
  const lexiconsBlock = blocks.find((b) => b.key === 'lexicons');
  if (!rulesBlock) throw new Error('no top-level rules: to split');
  const parts = new Map();
  const include = [
    `#: The lexicons, then every rule in the reports' column order, one file each in ${name}/ (README: the`,
    '#: ruleset language, include). scripts/split-ruleset.mjs made them from one file; scripts/join-ruleset.mjs',
    '#: puts the one file back together.',
    'include:',
  ];
  if (lexiconsBlock) {
    parts.set('lexicons.yaml', [`#: The lexicons of the ${name} ruleset: named phrase lists a rule uses as $name.`, ...lexiconsBlock.lines]);
    include.push(`  - ${name}/lexicons.yaml`);
  }
  for (const [category, group] of rulesByCategory(rulesBlock.lines.slice(1))) {
    if (group.header) include.push(group.header);
    for (const { id, lines: item } of group.rules) {
      const file = `${category}/${ruleFileName(id, category)}.yaml`;
      if (parts.has(file)) throw new Error(`two rules would share ${name}/${file} (${id})`);
      parts.set(file, [`#: ${id}, a rule of the ${name} ruleset.`, rulesBlock.lines[0], ...trimBlankEnd(item)]);
      include.push(`  - ${name}/${file}`);
    }
  }
  const settings = [];
  for (const b of blocks) {
    if (b === rulesBlock) continue;
    if (b === lexiconsBlock) settings.push(...include, '');
    else settings.push(...b.lines);
  }
  if (!lexiconsBlock) settings.push('', ...include);
  const asText = (ls) => `${trimBlankEnd(ls).join('\n')}\n`;
  return { settings: asText(settings), parts: new Map([...parts].map(([f, ls]) => [f, asText(ls)])) };
}

/** opening.greeting → greeting; an id without its category's prefix keeps its whole name. */
function ruleFileName(id, category) {
  const own = id.startsWith(`${category}.`) ? id.slice(category.length + 1) : id;
  if (!/^[\w.-]+$/.test(own)) throw new Error(`a rule id that is no file name: ${id}`);
  return own;
}

/**
 * The file cut at its top-level keys; a key's block starts at the column-0 comments right above
 * it (they describe it) and runs to the next block. The first block also holds the file header.
 */
export function topLevelBlocks(lines) {
  const starts = [];
  lines.forEach((line, i) => {
    const m = TOP_KEY.exec(line);
    if (!m) return;
    let from = i;
    while (from > 0 && lines[from - 1].startsWith('#')) from--;
    starts.push({ key: m[1], from });
  });
  if (starts[0]) starts[0].from = 0;
  return starts.map((s, i) => ({ key: s.key, lines: lines.slice(s.from, starts[i + 1]?.from ?? lines.length) }));
}

/** The rules block's items grouped by category, each item with the indented comments above it. */
function rulesByCategory(lines) {
  const headers = new Map();
  const body = lines.filter((line) => {
    const m = SECTION_HEADER.exec(line);
    if (m && !headers.has(m[1])) headers.set(m[1], line);
    return !m;
  });
  const starts = [];
  body.forEach((line, i) => {
    if (!RULE_START.test(line)) return;
    let from = i;
    while (from > 0 && /^ {2}#/.test(body[from - 1])) from--;
    starts.push(from);
  });
  if (starts.length === 0) throw new Error('rules: holds no rule');
  if (body.slice(0, starts[0]).some((l) => l.trim() !== '')) throw new Error(`text before the first rule: ${body[0]}`);
  const groups = new Map();
  let last;
  starts.forEach((from, i) => {
    const item = body.slice(from, starts[i + 1] ?? body.length);
    const first = item.find((l) => RULE_START.test(l));
    const id = /^ {2}- id:\s*([\w.-]+)/.exec(first)?.[1];
    if (!id) throw new Error(`a rule that does not start with its id: ${first.trim()}`);
    const category = /^ {4}category:\s*([\w-]+)/m.exec(item.join('\n'))?.[1] ?? /^([\w-]+)\./.exec(id)?.[1];
    if (!category) throw new Error(`a rule without a category: ${first.trim()}`);
    // Regrouping would change the rules' order (the reports' column order): say so instead.
    if (groups.has(category) && last !== category) throw new Error(`the ${category} rules are not together (${first.trim()}): move it next to them first`);
    last = category;
    if (!groups.has(category)) groups.set(category, { header: headers.get(category), rules: [] });
    groups.get(category).rules.push({ id, lines: item });
  });
  return groups;
}

export function trimBlankEnd(lines) {
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end--;
  return lines.slice(0, end);
}

/** The ruleset a loaded file makes, as comparable JSON (include: says how it is written, not what). */
export function made(load, ...args) {
  const r = load(...args);
  if (!r.ok) return { problems: r.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`) };
  const { include: _, ...spec } = r.ruleset.spec;
  // Top-level keys in one order (where lexicons: was written is no difference); all else as made.
  return JSON.stringify(Object.fromEntries(Object.keys(spec).sort().map((k) => [k, spec[k]])));
}

async function main() {
  const file = process.argv[2] ?? join(ROOT, 'rulesets/standard.yaml');
  const name = basename(file).replace(/\.ya?ml$/, '');
  const dir = join(dirname(file), name);
  const loader = join(ROOT, 'dist/ruleset/load.js');
  if (!existsSync(loader)) throw new Error('build first: npx tsc -p tsconfig.json');
  const { loadRulesetFile, loadRulesetText } = await import(pathToFileURL(loader).href);
  const original = readFileSync(file, 'utf8');
  const before = made(loadRulesetText, original, file);
  if (typeof before !== 'string') throw new Error(`the one-file ruleset does not load:\n${before.problems.join('\n')}`);
  const { settings, parts } = splitRuleset(original, name);
  for (const f of existsSync(dir) ? fg.sync('**/*.{yaml,yml}', { cwd: dir }) : []) {
    if (parts.has(f)) continue;
    rmSync(join(dir, f));
    console.log(`removed ${relative(process.cwd(), join(dir, f))} (no such part now)`);
  }
  for (const [f, text] of parts) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  writeFileSync(file, settings);
  const after = made(loadRulesetFile, file);
  if (after !== before) {
    writeFileSync(file, original);
    for (const f of parts.keys()) rmSync(join(dir, f));
    throw new Error(`the split ruleset is not the same (${typeof after === 'string' ? 'it differs' : after.problems.join('; ')}): ${file} put back`);
  }
  const count = (t) => t.split('\n').length - 1;
  console.log(`${relative(process.cwd(), file)}: ${count(settings)} lines of settings; the same ruleset as before the split`);
  const sizes = [...parts].map(([f, text]) => [f, count(text)]).sort((a, b) => b[1] - a[1]);
  console.log(`  ${parts.size} parts in ${relative(process.cwd(), dir)}/, the longest ${sizes.slice(0, 3).map(([f, n]) => `${f} (${n} lines)`).join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(`split-ruleset: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
