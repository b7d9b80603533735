/**
 * The words a QA sheet exported from a Chinese spreadsheet uses for the labelled columns and
 * verdicts (通话编号, 结论, 通过 …), shared by the reviewers' overrides and `callqa check`'s
 * labels, so a file one accepts the other accepts too.
 */

/** Header names accepted besides the English ones. */
const HEADER_ALIASES: Readonly<Record<string, string>> = {
  通话编号: 'call_id', 通话id: 'call_id', 规则: 'rule_id', 规则编号: 'rule_id', 结论: 'verdict', 复核结论: 'verdict',
  复核人: 'reviewer', 审核人: 'reviewer', 理由: 'reason', 原因: 'reason', 说明: 'reason',
};

/** A header cell as a column key: trimmed, lower case, `Call ID` → call_id, 通话编号 → call_id. */
export function columnKey(cell: string): string {
  const key = cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return HEADER_ALIASES[key] ?? key;
}

/** A verdict as written (pass, N/A, 通过, 不合格 …), or undefined when it names none. */
export function verdictWord(cell: string): 'pass' | 'fail' | 'na' | undefined {
  return VERDICT_WORDS[cell.trim().toLowerCase()];
}

const VERDICT_WORDS: Readonly<Record<string, 'pass' | 'fail' | 'na'>> = {
  pass: 'pass', fail: 'fail', na: 'na', 'n/a': 'na', 通过: 'pass', 合格: 'pass', 不通过: 'fail', 未通过: 'fail', 不合格: 'fail', 不适用: 'na',
};
