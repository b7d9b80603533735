/**
 * YAML parsing with a nesting limit, for front matter and rulesets.
 *
 * The `yaml` package has no depth option: its composer recurses once per level and, when the
 * stack runs out, reports "Maximum call stack size exceeded" (code RESOURCE_EXHAUSTION) at
 * wherever that happened — a column that depends on the thread's stack size, so a worker
 * thread (larger stack) and the main thread disagree on the same file, and near the limit V8
 * can even abort the process. Its parser is not recursive but keeps every open level on a
 * stack (a million levels: ~10 s and ~1 GB). So the parser is driven here token by token and
 * stopped as soon as its stack holds more than `maxDepth` lists and maps: the same answer on
 * every thread, at the position where the too-deep level opens, before any memory is spent.
 */
import { Composer, CST, Lexer, LineCounter, Parser, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/** Lists and maps inside each other; a ruleset needs about 8, front matter 1. */
export const YAML_MAX_DEPTH = 64;

export type BoundedParse =
  | { ok: true; doc: Document.Parsed }
  /** `offset` (in `source`) opens the list or map one level too deep. */
  | { ok: false; offset: number };

type Options = ParseOptions & DocumentOptions & SchemaOptions & { lineCounter?: LineCounter };

/** `parseDocument(source, options)`, but refusing more than `maxDepth` levels of nesting. */
export function parseYamlDocument(source: string, options: Options = {}, maxDepth = YAML_MAX_DEPTH): BoundedParse {
  const parser = new Parser(options.lineCounter?.addNewLine);
  options.lineCounter?.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(source)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The stack also holds the document and at most a pending scalar: count only when it may matter.
    if (parser.stack.length > maxDepth && parser.stack.filter(CST.isCollection).length > maxDepth) {
      const deepest = parser.stack.findLast(CST.isCollection) as CST.Token;
      return { ok: false, offset: deepest.offset };
    }
  }
  for (const token of parser.end()) tokens.push(token);

  const composer = new Composer(options);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, source.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document.
  return { ok: true, doc: doc as Document.Parsed };
}
