// End to end: what callqa may overwrite. `--out DIR` only ever replaces an empty folder or an
// earlier report; the single-file outputs (`audit --html FILE`, `sample --out FILE`) only a file
// callqa wrote before — never a transcript or another input — and a run that fails leaves the
// previous report as it was. `--previous` with a damaged report is a one-line usage error.
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callqa, exists, readCsv, ROOT, tempDir } from './helpers.js';

const CALL = '01-model-enquiry.txt';
const STACK = /at .*\.js:\d+|Unhandled|node:events/;

/** A folder `in/` holding a copy of fixtures/calls, and the bytes of one transcript. */
function month(): { dir: string; input: string; transcript: string; original: Buffer } {
  const dir = tempDir();
  const input = join(dir, 'in');
  cpSync(join(ROOT, 'fixtures/calls'), input, { recursive: true });
  const transcript = join(input, CALL);
  return { dir, input, transcript, original: readFileSync(transcript) };
}

/** Every folder under `dir`: to show that a failed run left none behind. */
function folders(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
}

/** Every file under `dir` with its bytes: to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = readFileSync(path).toString('base64');
  }
  return out;
}

describe('audit --out that is not a report folder', () => {
  it('the input folder itself: a usage error (exit 2) before anything is scored, the folder untouched', () => {
    const m = month();
    const before = snapshot(m.dir);
    const r = callqa(['audit', m.input, '--out', m.input, '-j', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`callqa: error: cannot write the report at ${m.input}: the folder is not empty and holds no earlier callqa report (run.json); choose another --out: nothing written\n`);
    expect(r.stdout).toBe('');
    expect(snapshot(m.dir)).toEqual(before);
    expect(readdirSync(m.dir).some((n) => n.includes('.tmp-'))).toBe(false);
  });

  it('a file: exit 2, the file unchanged; an earlier report or an empty folder is still replaced', () => {
    const m = month();
    const notes = join(m.dir, 'notes.txt');
    writeFileSync(notes, 'mine\n');
    const r = callqa(['audit', m.input, '--out', notes, '-j', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/notes\.txt: it exists and is not a folder: nothing written/);
    expect(readFileSync(notes, 'utf8')).toBe('mine\n');

    const rep = join(m.dir, 'rep');
    mkdirSync(rep);
    expect(callqa(['audit', m.input, '--out', rep, '-j', '1', '--quiet']).status).toBe(0);
    expect(callqa(['audit', m.input, '--out', rep, '-j', '1', '--quiet']).status).toBe(0);
  });

  it('an earlier report holding files callqa did not write (an appeals file, notes, transcripts): exit 2 naming them, all kept', () => {
    const m = month();
    const rep = join(m.dir, 'oct');
    expect(callqa(['audit', m.input, '--out', rep, '-j', '1', '--quiet']).status).toBe(0);
    writeFileSync(join(rep, 'appeals.csv'), 'call_id,rule_id,verdict,reviewer,reason\n');
    writeFileSync(join(rep, 'scorecards', 'notes.txt'), 'mine\n');
    cpSync(m.input, join(rep, 'calls'), { recursive: true });
    const before = snapshot(m.dir);
    for (const args of [[m.input], [m.input, '--overrides', join(rep, 'appeals.csv')], [join(rep, 'calls')]]) {
      const r = callqa(['audit', ...args, '--out', rep, '-j', '1']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        `callqa: error: cannot write the report at ${rep}: the earlier report there also holds files callqa did not write (appeals.csv, calls, scorecards/notes.txt), which replacing it would delete; move them out or choose another --out: nothing written\n`,
      );
      expect(snapshot(m.dir)).toEqual(before);
    }
  });

  it('a run that scores nothing (a mistyped folder, the report itself as input) keeps the earlier report: exit 1, says why', () => {
    const m = month();
    const rep = join(m.dir, 'latest');
    expect(callqa(['audit', m.input, '--out', rep, '-j', '1', '--quiet']).status).toBe(0);
    const before = snapshot(rep);
    const typo = callqa(['audit', join(m.dir, 'typo'), '--out', rep, '-j', '1']);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toBe(`${join(m.dir, 'typo')}: error (input): no such file or directory\ncallqa: error: nothing scored of 1 input(s): the earlier report at ${rep} is kept\n`);
    const itself = callqa(['audit', rep, '--out', rep, '-j', '1']);
    expect(itself.status).toBe(1);
    expect(itself.stderr).toMatch(/nothing scored of 0 input\(s\): the earlier report at .* is kept/);
    expect(snapshot(rep)).toEqual(before);
    // Into a new folder the same run writes its errors.csv, as any run does.
    const fresh = callqa(['audit', join(m.dir, 'typo'), '--out', join(m.dir, 'new'), '-j', '1', '--quiet']);
    expect(fresh.status).toBe(1);
    expect(readCsv(join(m.dir, 'new', 'errors.csv')).rows).toEqual([expect.objectContaining({ severity: 'error', message: 'no such file or directory' })]);
  });

  it('a symbolic link to an earlier report: exit 2 saying it is a link (the swap would replace the link, not the report)', () => {
    const m = month();
    const rep = join(m.dir, 'oct');
    expect(callqa(['audit', m.input, '--out', rep, '-j', '1', '--quiet']).status).toBe(0);
    symlinkSync(rep, join(m.dir, 'latest'));
    const r = callqa(['audit', m.input, '--out', join(m.dir, 'latest'), '-j', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`callqa: error: cannot write the report at ${join(m.dir, 'latest')}: it is a symbolic link; give the folder it points to: nothing written\n`);
  });

  it('under a file (notes.txt/report, notes.txt/a/report): exit 2 naming the file, before scoring; nothing made', () => {
    const m = month();
    const notes = join(m.dir, 'notes.txt');
    writeFileSync(notes, 'mine\n');
    const before = snapshot(m.dir);
    for (const out of [join(notes, 'report'), join(notes, 'a', 'report')]) {
      const r = callqa(['audit', m.input, '--out', out, '-j', '1']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`callqa: error: cannot write the report at ${out}: ${notes} is not a folder: nothing written\n`);
    }
    expect(snapshot(m.dir)).toEqual(before);
    // A missing chain of folders under a real folder is still made.
    expect(callqa(['audit', m.input, '--out', join(m.dir, 'x', 'y', 'report'), '-j', '1', '--quiet']).status).toBe(0);
  });

  it('whose missing parents cannot all be made: exit 3, and the ones made on the way are taken away', () => {
    const m = month();
    const before = folders(m.dir);
    // new1 and new2 can be made, the 300-character name below them cannot.
    for (const option of ['--out', '--html']) {
      const path = join(m.dir, 'new1', 'new2', 'b'.repeat(300), option === '--out' ? 'report' : 'r.html');
      const args = option === '--out' ? ['--out', path] : ['--out', join(m.dir, 'rep'), '--html', path];
      const r = callqa(['audit', m.input, ...args, '-j', '1', '--quiet']);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/a file name is too long; the previous report is unchanged/);
      expect(folders(m.dir)).toEqual(before);
    }
  });
});

describe('audit --html FILE never clobbers a file callqa did not write', () => {
  it('refuses an input transcript (exit 2, nothing written, the transcript unchanged)', () => {
    const m = month();
    const r = callqa(['audit', m.input, '--out', join(m.dir, 'rep'), '--html', m.transcript, '-j', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--html .*01-model-enquiry\.txt is one of this run's inputs.*nothing written/);
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(m.transcript).equals(m.original)).toBe(true);
    expect(exists(join(m.dir, 'rep'))).toBe(false);
  });

  it('refuses any other existing file, and a folder, but replaces its own earlier report.html', () => {
    const m = month();
    const notes = join(m.dir, 'notes.html');
    writeFileSync(notes, '<p>my notes</p>\n');
    const r = callqa(['audit', m.input, '--out', join(m.dir, 'rep'), '--html', notes, '-j', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/notes\.html exists and is not a callqa report\.html/);
    expect(readFileSync(notes, 'utf8')).toBe('<p>my notes</p>\n');
    expect(exists(join(m.dir, 'rep'))).toBe(false);

    mkdirSync(join(m.dir, 'folder.html'));
    expect(callqa(['audit', m.input, '--out', join(m.dir, 'rep'), '--html', join(m.dir, 'folder.html'), '-j', '1']).status).toBe(2);

    const html = join(m.dir, 'month.html');
    expect(callqa(['audit', m.input, '--out', join(m.dir, 'rep'), '--html', html, '-j', '1']).status).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<meta name="generator" content="callqa">');
    writeFileSync(html, readFileSync(html, 'utf8').replace('</html>', '<!-- stale --></html>'));
    expect(callqa(['audit', m.input, '--out', join(m.dir, 'rep'), '--html', html, '-j', '1']).status).toBe(0);
    expect(readFileSync(html, 'utf8')).not.toContain('stale');
  });

  it('refuses a path inside the report folder', () => {
    const m = month();
    const r = callqa(['audit', m.input, '--out', join(m.dir, 'rep'), '--html', join(m.dir, 'rep', 'x.html'), '-j', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/inside the report folder/);
    expect(exists(join(m.dir, 'rep'))).toBe(false);
  });
});

describe('audit --html FILE that cannot be written', () => {
  let m: ReturnType<typeof month>;
  let rep: string;
  let before: Record<string, string>;
  beforeAll(() => {
    m = month();
    rep = join(m.dir, 'rep');
    expect(callqa(['audit', m.input, '--out', rep, '-j', '1']).status).toBe(0);
    before = snapshot(m.dir);
  });

  it('leaves the previous report intact, as the message says (exit 3), and no folder it made', () => {
    const made = folders(m.dir);
    // The name fits, the temporary name next to it does not: the write fails only when tried,
    // after the missing folders out/ and out/monthly/ were made for it.
    const html = join(m.dir, 'out', 'monthly', `${'a'.repeat(245)}.html`);
    const r = callqa(['audit', m.input, '--out', rep, '--html', html, '-j', '1']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/the previous report is unchanged/);
    expect(r.stderr).not.toMatch(STACK);
    expect(snapshot(m.dir)).toEqual(before);
    expect(folders(m.dir)).toEqual(made);
    expect(readdirSync(rep).some((n) => n.includes('.tmp-'))).toBe(false);
    expect(readdirSync(m.dir).some((n) => n.includes('.tmp-'))).toBe(false);
  });

  it('refuses a path under a file before scoring (exit 2)', () => {
    writeFileSync(join(m.dir, 'blocker'), 'x');
    const r = callqa(['audit', m.input, '--out', rep, '--html', join(m.dir, 'blocker', 'r.html'), '-j', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--html .*r\.html: .*blocker is not a folder: nothing written/);
    rmSync(join(m.dir, 'blocker'));
    expect(snapshot(m.dir)).toEqual(before);
  });
});

describe('audit --html FILE that is a symbolic link', () => {
  it('writes through it: the file it points to is replaced atomically, the link stays a link', () => {
    const m = month();
    const shared = join(m.dir, 'shared');
    const real = join(shared, 'qa-month.html');
    expect(callqa(['audit', m.input, '--out', join(m.dir, 'rep'), '--html', real, '-j', '1', '--quiet']).status).toBe(0);
    writeFileSync(real, readFileSync(real, 'utf8').replace('</html>', '<!-- stale --></html>'));
    const link = join(m.dir, 'link.html');
    symlinkSync(join('shared', 'qa-month.html'), link);
    const r = callqa(['audit', m.input, '--out', join(m.dir, 'rep'), '--html', link, '-j', '1', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('shared', 'qa-month.html'));
    const html = readFileSync(real, 'utf8');
    expect(html).toContain('<meta name="generator" content="callqa">');
    expect(html).not.toContain('stale');
    expect(readdirSync(shared)).toEqual(['qa-month.html']);
    expect(readdirSync(m.dir).some((n) => n.includes('.tmp-'))).toBe(false);
  });

  it('refuses a link to nothing, to a file callqa did not write, to an input (exit 2, nothing written)', () => {
    const m = month();
    const rep = join(m.dir, 'rep');
    symlinkSync(join(m.dir, 'nowhere', 'x.html'), join(m.dir, 'dangling.html'));
    const dangling = callqa(['audit', m.input, '--out', rep, '--html', join(m.dir, 'dangling.html'), '-j', '1']);
    expect(dangling.status).toBe(2);
    expect(dangling.stderr).toMatch(/dangling\.html is a symbolic link to a missing file; give the file itself: nothing written/);
    expect(exists(join(m.dir, 'nowhere'))).toBe(false);

    writeFileSync(join(m.dir, 'notes.html'), '<p>mine</p>\n');
    symlinkSync(join(m.dir, 'notes.html'), join(m.dir, 'notes-link.html'));
    const notes = callqa(['audit', m.input, '--out', rep, '--html', join(m.dir, 'notes-link.html'), '-j', '1']);
    expect(notes.status).toBe(2);
    expect(notes.stderr).toMatch(/notes-link\.html exists and is not a callqa report\.html/);
    expect(readFileSync(join(m.dir, 'notes.html'), 'utf8')).toBe('<p>mine</p>\n');

    symlinkSync(m.transcript, join(m.dir, 'input-link.html'));
    const input = callqa(['audit', m.input, '--out', rep, '--html', join(m.dir, 'input-link.html'), '-j', '1']);
    expect(input.status).toBe(2);
    expect(input.stderr).toMatch(/input-link\.html is one of this run's inputs/);
    expect(readFileSync(m.transcript).equals(m.original)).toBe(true);
    expect(exists(rep)).toBe(false);
  });
});

describe('sample --out FILE never clobbers a file callqa did not write', () => {
  it('refuses an input transcript and an @list that is read', () => {
    const m = month();
    const r = callqa(['sample', m.input, '--per-agent', '1', '--seed', 'x', '--out', m.transcript]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/01-model-enquiry\.txt exists and is not a callqa sample list.*nothing written/);
    expect(readFileSync(m.transcript).equals(m.original)).toBe(true);

    const list = join(m.dir, 'list.txt');
    expect(callqa(['sample', m.input, '--per-agent', '1', '--seed', 'x', '--out', list]).status).toBe(0);
    const text = readFileSync(list, 'utf8');
    const again = callqa(['sample', `@${list}`, '--per-agent', '1', '--seed', 'y', '--out', list]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/list\.txt is one of this run's inputs/);
    expect(readFileSync(list, 'utf8')).toBe(text);
  });

  it('replaces its own earlier list, and creates missing folders as audit --out does', () => {
    const m = month();
    const list = join(m.dir, 'new', 'folder', 'list.txt');
    expect(callqa(['sample', m.input, '--per-agent', '1', '--seed', 'x', '--out', list]).status).toBe(0);
    expect(callqa(['sample', m.input, '--per-agent', '2', '--seed', 'x', '--out', list]).status).toBe(0);
    expect(readFileSync(list, 'utf8')).toMatch(/^# callqa sample --per-agent 2 /);
  });

  it('refuses a folder and a path under a file', () => {
    const m = month();
    expect(callqa(['sample', m.input, '--per-agent', '1', '--seed', 'x', '--out', m.input]).status).toBe(2);
    writeFileSync(join(m.dir, 'blocker'), 'x');
    const r = callqa(['sample', m.input, '--per-agent', '1', '--seed', 'x', '--out', join(m.dir, 'blocker', 'l.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('--previous with a damaged earlier report', () => {
  let m: ReturnType<typeof month>;
  let prev: string;
  beforeAll(() => {
    m = month();
    prev = join(m.dir, 'prev');
    expect(callqa(['audit', m.input, '--out', prev, '-j', '1']).status).toBe(0);
    expect(readCsv(join(prev, 'findings.csv')).rows.length).toBeGreaterThan(0);
  });

  for (const [what, damage, message] of [
    ['missing', (f: string) => rmSync(f), /--previous: .*findings\.csv does not exist: nothing written/],
    ['a folder', (f: string) => (rmSync(f), mkdirSync(f)), /--previous: .*findings\.csv is a folder, not a file: nothing written/],
    ['not CSV', (f: string) => writeFileSync(f, 'agent_id,rule_id,verdict\n"x,1\n'), /--previous: .*findings\.csv is not valid CSV/],
    ['empty', (f: string) => writeFileSync(f, ''), /--previous: .*findings\.csv is empty \(no header row\): nothing written/],
    ['another CSV (summary.csv)', () => undefined, /--previous: .*findings\.csv has no agent_id, rule_id, verdict columns: nothing written/],
    ['binary', (f: string) => writeFileSync(f, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 10, 13, 0x2c, 0xff])), /--previous: .*findings\.csv (has no agent_id|is not valid CSV)/],
  ] as const) {
    it(`findings.csv ${what}: one line naming the file, exit 2, nothing written`, () => {
      const findings = join(prev, 'findings.csv');
      rmSync(findings, { recursive: true, force: true });
      cpSync(join(prev, 'summary.csv'), findings); // any file, then damaged
      damage(findings);
      const out = join(m.dir, `x-${what.replace(/\W/g, '')}`);
      const r = callqa(['audit', m.input, '--out', out, '--previous', prev, '-j', '1']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(exists(out)).toBe(false);
    });
  }
});
