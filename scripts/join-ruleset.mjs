// Puts a ruleset split by scripts/split-ruleset.mjs back into one file: the settings, the
// lexicons where `include:` stood, then every rule under one `rules:` in the included order.
// The lines the split wrote (`#: …` and the include list's own comments) are dropped; a comment
// inside the include list (a section header) goes above the next included rule. For a merge of a
// branch that still edits the one file, or for someone who wants it whole:
//
//   npx tsc -p tsconfig.json && node scripts/join-ruleset.mjs [rulesets/standard.yaml]
//
// It writes the one file and removes the parts only after loading both versions and finding the
// same ruleset (else nothing is touched and it exits 1). Parts that include parts are refused.
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { made, topLevelBlocks, trimBlankEnd } from './split-ruleset.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const INCLUDED = /^ {2}- +(\S+?)\s*(?:#.*)?$/;
// Lines a split wrote at the top of a part: `#: …` now, and the wording of the first split.
const SPLIT_NOTE = /^#: |^# The (\S+ )?(rules|lexicons) of the \S+ ruleset \(|^# a rule uses as \$name\. Split from one file/;

/**
 * The one-file text of a split ruleset. `readPart(path)` gives a part's text by its include path.
 * Returns the text and the part paths it read.
 */
export function joinRuleset(text, readPart) {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const blocks = topLevelBlocks(lines);
  const includeBlock = blocks.find((b) => b.key === 'include');
  if (!includeBlock) throw new Error('not split (it has no include:)');
  if (blocks.some((b) => b.key === 'rules' || b.key === 'lexicons')) throw new Error('it has lexicons: or rules: of its own besides include:; join by hand');
  const lexicons = [];
  const rules = [];
  const parts = [];
  let pending = [];
  const addRule = (item) => {
    if (rules.length > 0) rules.push('');
    rules.push(...pending, ...item);
    pending = [];
  };
  for (const line of includeBlock.lines.slice(includeBlock.lines.findIndex((l) => l.startsWith('include:')) + 1)) {
    if (line.trim() === '') continue;
    if (/^ {2}#/.test(line)) {
      pending.push(line);
      continue;
    }
    const path = INCLUDED.exec(line)?.[1];
    if (!path) throw new Error(`an include entry this script cannot read: ${line.trim()}`);
    parts.push(path);
    const partLines = readPart(path).split('\n').filter((l) => !SPLIT_NOTE.test(l));
    for (const block of topLevelBlocks(trimBlankEnd(partLines))) {
      if (block.key === 'lexicons') lexicons.push(...block.lines);
      else if (block.key === 'rules') {
        const at = block.lines.findIndex((l) => l.startsWith('rules:'));
        // A part's top comment (the first split's section header) heads its first rule.
        pending.push(...block.lines.slice(0, at).filter((l) => l.trim() !== '').map((l) => `  ${l}`));
        for (const item of ruleItems(block.lines.slice(at + 1))) addRule(item);
      } else throw new Error(`${path}: ${block.key}: in a part (only lexicons: and rules: can be joined)`);
    }
  }
  const out = [];
  for (const b of blocks) {
    if (b !== includeBlock) out.push(...b.lines);
    else if (lexicons.length > 0) out.push(...trimBlankEnd(lexicons), '');
  }
  out.push(...(out.at(-1) === '' ? [] : ['']), 'rules:', ...rules);
  return { text: `${trimBlankEnd(out).join('\n')}\n`, parts };
}

/** A rules block's items, each from the indented comments above it to the next one's. */
function ruleItems(lines) {
  const starts = [];
  lines.forEach((line, i) => {
    if (!/^ {2}- /.test(line)) return;
    let from = i;
    while (from > 0 && /^ {2}#/.test(lines[from - 1])) from--;
    starts.push(from);
  });
  return starts.map((from, i) => trimBlankEnd(lines.slice(from, starts[i + 1] ?? lines.length)));
}

async function main() {
  const file = resolve(process.argv[2] ?? join(ROOT, 'rulesets/standard.yaml'));
  const loader = join(ROOT, 'dist/ruleset/load.js');
  if (!existsSync(loader)) throw new Error('build first: npx tsc -p tsconfig.json');
  const { loadRulesetFile, loadRulesetText } = await import(pathToFileURL(loader).href);
  const before = made(loadRulesetFile, file);
  if (typeof before !== 'string') throw new Error(`the split ruleset does not load:\n${before.problems.join('\n')}`);
  const { text, parts } = joinRuleset(readFileSync(file, 'utf8'), (path) => {
    const partText = readFileSync(join(dirname(file), path), 'utf8');
    if (topLevelBlocks(partText.split('\n')).some((b) => b.key === 'include')) throw new Error(`${path} includes parts of its own: join it first`);
    return partText;
  });
  const after = made(loadRulesetText, text, file);
  if (after !== before) throw new Error(`the joined ruleset is not the same (${typeof after === 'string' ? 'it differs' : after.problems.join('; ')}): nothing written`);
  writeFileSync(file, text);
  for (const path of parts) {
    rmSync(join(dirname(file), path));
    // The folders the split made, once empty.
    for (let dir = dirname(join(dirname(file), path)); dir !== dirname(file) && readdirSync(dir).length === 0; dir = dirname(dir)) rmdirSync(dir);
  }
  const name = basename(file);
  console.log(`${relative(process.cwd(), file)}: ${text.split('\n').length - 1} lines, the same ruleset as its ${parts.length} parts (removed; ${name} no longer includes them)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(`join-ruleset: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
