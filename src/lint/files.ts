/**
 * @fileoverview Which ruleset files a lint run covers: files as given, directories searched for
 * *.yaml / *.yml, globs expanded. A name that matches nothing is a problem (exit 2), not silence.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';

export interface RulesetFiles {
  files: string[];
  missing: string[];
}

export async function rulesetFiles(inputs: readonly string[]): Promise<RulesetFiles> {
  const files: string[] = [];
  const missing: string[] = [];
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
    for (const f of found.sort()) if (!files.includes(f)) files.push(f);
  }
  return { files, missing };
}
