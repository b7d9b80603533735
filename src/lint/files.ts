/**
 * @fileoverview Which ruleset files a lint run covers: files as given, directories searched for
 * *.yaml / *.yml, globs expanded. A name that matches nothing is a problem (exit 2), not silence.
 * A ruleset part found in a folder (only include/lexicons/rules, no name:) is no ruleset of its
 * own: it is linted with the ruleset that includes it, so the walk sets it aside.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { isRulesetPart } from '../ruleset/include.js';
import { parseRulesetYaml } from '../ruleset/parse.js';
import { readRulesetText } from '../ruleset/read.js';

export interface RulesetFiles {
  files: string[];
  missing: string[];
  /** Ruleset parts found in folders and globs, not linted on their own. */
  parts: string[];
}

export async function rulesetFiles(inputs: readonly string[]): Promise<RulesetFiles> {
  const files: string[] = [];
  const missing: string[] = [];
  const parts: string[] = [];
  for (const input of inputs) {
    let kind: 'file' | 'dir' | 'none' = 'none';
    try {
      const s = statSync(input);
      kind = s.isDirectory() ? 'dir' : 'file';
    } catch {
      kind = 'none';
    }
    let found: string[];
    if (kind === 'file') found = [input];
    else if (kind === 'dir') found = (await fg('**/*.{yaml,yml}', { cwd: input, onlyFiles: true, dot: false })).map((f) => join(input, f));
    else found = /[*?[\]{}]/.test(input) ? await fg(input.replace(/\\/g, '/'), { onlyFiles: true }) : [];
    if (found.length === 0) missing.push(input);
    for (const f of found.sort()) {
      if (files.includes(f) || parts.includes(f)) continue;
      // A part named on its own is linted, and told it is a part (src/ruleset/load.ts).
      if (kind !== 'file' && isPartFile(f)) parts.push(f);
      else files.push(f);
    }
  }
  return { files, missing, parts };
}

function isPartFile(file: string): boolean {
  const text = readRulesetText(file);
  if (typeof text !== 'string') return false;
  const parsed = parseRulesetYaml(text, file);
  return parsed.ok && isRulesetPart(parsed.data);
}
