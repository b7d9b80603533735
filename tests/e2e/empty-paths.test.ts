/**
 * A path flag given as '' (a script's unset variable) is a usage error before anything is read:
 * it used to pass the checks and fail late — exit 3 after scoring ("cannot write the report at :"),
 * or, for --html, no HTML and exit 0.
 */
import { describe, expect, it } from 'vitest';
import { callqa } from './helpers.js';

describe('an empty path flag', () => {
  it.each([
    [['audit', 'fixtures/calls', '--out', ''], "option '-o, --out <dir>'"],
    [['audit', 'fixtures/calls', '--html', ''], "option '--html [file]'"],
    [['audit', 'fixtures/calls', '--previous', ''], "option '--previous <dir>'"],
    [['sample', 'fixtures/calls', '-n', '1', '-s', 'x', '--out', ''], "option '-o, --out <file>'"],
    [['explain', 'fixtures/calls/01-model-enquiry.txt', '--ruleset', ''], "option '-r, --ruleset <file>'"],
    [['diff', 'fixtures/calls', '--old', '', '--new', 'rulesets/standard.yaml'], "option '--old <ruleset>'"],
  ])('%j: exit 2, naming the option', (args, option) => {
    const r = callqa(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${option} argument '' is invalid. expected a path, got an empty one`);
    expect(r.stdout).toBe('');
  });
});
