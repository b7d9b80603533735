/**
 * Ruleset problems are values with a place (file, 1-based line and column), collected — never
 * thrown — so one lint run reports them all (the yaml library's errors[] model).
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

export type Severity = 'error' | 'warning';

export interface RulesetProblem {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable machine code: 'yaml-syntax', 'unknown-key', 'duplicate-id', 'unknown-lexicon' … */
  code: string;
  message: string;
}

/** Where a node of a parsed YAML document lives; knows how to point at a path inside it. */
export class SourceMap {
  constructor(
    readonly file: string,
    readonly doc: Document,
    readonly lines: LineCounter,
  ) {}

  at(offset: number): { line: number; column: number } {
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  /** The node at a path of keys/indices, or the deepest existing ancestor. */
  nodeAt(path: readonly (string | number)[]): Node | undefined {
    let node: unknown = this.doc.contents;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(key)];
        if (item === undefined) break;
        node = item;
      } else break;
    }
    return node as Node | undefined;
  }

  /** Position of the value at `path`; with `key`, of that key inside the map at `path`. */
  positionOf(path: readonly (string | number)[], key?: string): { line: number; column: number } {
    const node = this.nodeAt(path);
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return this.at(keyNode.range[0]);
    }
    if (node && 'range' in node && node.range) return this.at(node.range[0]);
    return { line: 1, column: 1 };
  }

  problem(
    path: readonly (string | number)[],
    code: string,
    message: string,
    severity: Severity = 'error',
    key?: string,
  ): RulesetProblem {
    return { file: this.file, ...this.positionOf(path, key), severity, code, message };
  }
}

/** `file:line:col: message` — the one-line form used in errors and the CLI. */
export function formatProblem(p: RulesetProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.code}]`;
}
