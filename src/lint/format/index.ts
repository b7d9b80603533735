/**
 * @fileoverview Formatter registry (ESLint's loadFormatter): a formatter is
 * `(results, options) => string` over the same result data; chosen by name.
 */
import type { LintResult } from '../lint.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export interface FormatOptions {
  /** ANSI colours (the CLI passes true on a TTY only). */
  color: boolean;
}

export type Formatter = (results: readonly LintResult[], opts: FormatOptions) => string;

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  github: formatGithub,
};

export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name] : undefined;
}
