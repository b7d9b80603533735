/** Shared by the ASR tests: rulesets, scoring a text or a file, and which rules an edit really touched. */
import { join, resolve } from 'node:path';
import { DEFAULT_RULESET, loadRuleset, loadRulesetFromText, type CompiledRule, type CompiledRuleset } from '../../src/ruleset/index.js';
import { parseCallBytes, readCallFile, type Call, type ReadOptions } from '../../src/readers/index.js';
import { evaluateCall } from '../../src/engine/index.js';
import type { CallResult, Evidence, RuleResult } from '../../src/engine/result.js';
import { foldPhrase, foldText } from '../../src/normalize/fold.js';
import { allowedEdits, NEGATIONS, type TolerancePolicy } from '../../src/match/tolerant.js';
import { MIN_HEARD } from '../../src/match/edit-table.js';
import type { DegradeEdit } from '../../scripts/degrade-calls.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ASR = join(ROOT, 'fixtures/asr');

export function ruleset(file = DEFAULT_RULESET): CompiledRuleset {
  const r = loadRuleset(file);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return r.ruleset;
}

export function rulesetText(text: string): CompiledRuleset {
  const r = loadRulesetFromText(text, join(ASR, 'rulesets', 'inline.yaml'));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return r.ruleset;
}

export function callOf(text: string, file = 'call.txt'): Call {
  const r = parseCallBytes(Buffer.from(text, 'utf8'), file);
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return r.call;
}

export function scoreText(text: string, rs: CompiledRuleset): CallResult {
  return evaluateCall(callOf(text), rs);
}

export function scoreFile(file: string, rs: CompiledRuleset, opts: ReadOptions = {}): CallResult {
  const r = readCallFile(file, opts);
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return evaluateCall(r.call, rs);
}

export function rule(result: CallResult, id: string): RuleResult {
  const r = result.rules.find((x) => x.ruleId === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

/**
 * Whether an edit lands on evidence that is exact by design, so the verdict may rightly change:
 * a trigger, a hit of a check type that matches exactly (forbid, silent_caller …), a regex or
 * template, a phrase its tolerance allows no edit for (≤3 characters; or `edits: 0` when the
 * edit is no homophone), a negation, or a spot the fold rewrites (OpenCC turns a lone 么 into 幺).
 */
export function editReallyChanges(edit: DegradeEdit, e: Evidence, call: Call, at: number, policy: TolerancePolicy | undefined): boolean {
  const u = call.utterances[e.turn - 1];
  if (!u || !e.matched) return false;
  // A trigger's exceptions are exact too, and lie around it: 「我不是要投诉」 without 不 is a complaint.
  const around = e.role === 'trigger' ? TRIGGER_CONTEXT : 0;
  let overlaps = false;
  let edge = false;
  for (let start = u.text.indexOf(e.matched); start >= 0; start = u.text.indexOf(e.matched, start + 1)) {
    if (at >= start - around && at <= start + e.matched.length + around) overlaps = true;
    // The first or last character changed is never tolerated (README), a homophone aside.
    if (at === start || at === start + e.matched.length - 1) edge = true;
  }
  if (!overlaps) return false;
  const phrase = e.phrase ?? '';
  const length = foldPhrase(phrase).length;
  // A drop must leave MIN_HEARD characters heard (the engine's 「请您心」: 请您耐心 or 请您放心?), so
  // 「周愉快」 is no 周末愉快.
  const dropTooShort = edit.kind === 'drop' && length - 1 < MIN_HEARD;
  const tolerated =
    policy !== undefined && (edit.kind === 'homophone' ? policy.homophones : !edge && !dropTooShort && allowedEdits(length, policy.edits) > 0);
  return (
    e.role === 'trigger' ||
    !tolerated ||
    phrase.startsWith('/') ||
    phrase.includes('{') ||
    NEGATIONS.has(edit.before.charCodeAt(0)) ||
    (edit.after !== '' && NEGATIONS.has(edit.after.charCodeAt(0))) ||
    foldRewritesNear(u.text, at)
  );
}

/** Characters on either side of a trigger where an exception (不是要投诉, 打字太慢) may lie. */
const TRIGGER_CONTEXT = 4;

/** Whether folding changes a character next to position `at` (a script conversion, not punctuation). */
function foldRewritesNear(text: string, at: number): boolean {
  const fold = foldText(text);
  for (let i = 0; i < fold.folded.length; i++) {
    const from = fold.map[i] as number;
    if (Math.abs(from - at) <= 1 && fold.folded[i] !== text[from]?.toLowerCase()) return true;
  }
  return false;
}

/** The near-match policy of a rule's phrases (require groups, respond replies); undefined: exact. */
function rulePolicy(r: CompiledRule): TolerancePolicy | undefined {
  if (r.checks.some((c) => c.type !== 'require' && c.type !== 'respond')) return undefined; // forbid, timing checks: exact
  for (const c of r.checks) {
    if (c.type === 'require') return c.groups[0]?.tolerance;
    if (c.type === 'respond') return c.reply.phrases.tolerance;
  }
  return undefined;
}

/** Rules whose verdict a degradation may rightly change (see editReallyChanges). */
export function changedRules(rs: CompiledRuleset, clean: CallResult, cleanCall: Call, degraded: CallResult, degradedCall: Call, edits: DegradeEdit[]): Set<string> {
  const out = new Set<string>();
  for (const r of rs.rules) {
    const policy = rulePolicy(r);
    // Exact rule types (forbid, holds, silent caller …) may rightly change with any character
    // edit, through evidence they do not list (a hold announcement); they are checked on punct
    // copies and by the "never invent" test.
    if (!policy && edits.length > 0) {
      out.add(r.id);
      continue;
    }
    const before = rule(clean, r.id).evidence;
    const after = rule(degraded, r.id).evidence;
    for (const edit of edits) {
      const hit =
        before.some((e) => e.turn === edit.turn && editReallyChanges(edit, e, cleanCall, edit.cleanAt, policy)) ||
        after.some((e) => e.turn === edit.turn && editReallyChanges(edit, e, degradedCall, edit.at, policy));
      if (hit) out.add(r.id);
    }
  }
  return out;
}
