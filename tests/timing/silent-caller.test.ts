import { describe, expect, it } from 'vitest';
import { SCRIPTS, score, turns } from './helpers.js';

describe.each(SCRIPTS)('silent caller ($script)', ({ dir }) => {
  it('never a word from the caller: the agent repeats the prompt and closes politely', () => {
    const r = score(dir, 'silent-caller-never-speaks')['opening.silent-caller'];
    expect(r?.verdict).toBe('pass');
    expect(r?.reason).toMatch(/^the caller never speaks: 「.+」 \(turn 3\), 「.+」 \(turn 5\)$/);
    expect(turns(r)).toEqual(['repeat:3', 'close:5']);
  });

  it('「喂喂，听不见吗？不说话我就挂了」 fails, quoting each phrase', () => {
    const r = score(dir, 'silent-caller-rude')['opening.silent-caller'];
    expect(r?.verdict).toBe('fail');
    expect(r?.reason).toMatch(/^the caller never speaks; the agent says 「喂喂」 \(turn 3\), 「喂，[听聽]不[见見]」 \(turn 3\), 「不[说說][话話]我就[挂掛]了」 \(turn 3\)$/);
  });

  it('silent for 8.5 s after the greeting, then speaks: the repeated prompt is enough (no close needed)', () => {
    const r = score(dir, 'silent-caller-late')['opening.silent-caller'];
    expect(r?.verdict).toBe('pass');
    expect(r?.reason).toMatch(/^the caller is silent 00:06\.2–00:14\.7 \(8\.5 s\): 「.+」 \(turn 2\)$/);
    expect(r?.window).toBe("agent turns before the caller's first words (turn 3)");
  });

  it('silent for 6 s and the agent says nothing until the caller does: fail', () => {
    const r = score(dir, 'silent-caller-late-no-repeat')['opening.silent-caller'];
    expect(r?.verdict).toBe('fail');
    expect(r?.reason).toMatch(/^the caller is silent 00:06\.2–00:12\.2 \(6\.0 s\): no repeated prompt /);
  });

  it('silent_caller_s: exactly 5.0 s of silence applies, 4.9 s does not', () => {
    expect(score(dir, 'boundary-silent-5.0')['opening.silent-caller']?.reason).toMatch(/^the caller is silent 00:06\.2–00:11\.2 \(5\.0 s\)/);
    expect(score(dir, 'boundary-silent-4.9')['opening.silent-caller']).toMatchObject({
      verdict: 'na',
      reason: "the caller speaks at 00:11.1, 4.9 s after the agent's first turn (silent caller: 5.0 s)",
    });
  });

  it('an untimed call where the caller speaks cannot show a silence: na', () => {
    expect(score(dir, 'untimed')['opening.silent-caller']).toMatchObject({ verdict: 'na', reason: 'the caller speaks (no timestamps to measure a silence before)' });
  });
});
