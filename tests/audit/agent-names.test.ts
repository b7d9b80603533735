/** One agent id with two names: warned per call that differs, the first name kept for the summary. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentNames } from '../../src/audit/agent-names.js';
import { callqa, readCsv, tempDir } from '../e2e/helpers.js';

describe('AgentNames', () => {
  it('warns for a call that names its agent otherwise, never for the same name or no name', () => {
    const names = new AgentNames();
    expect(names.note('X1', '张三', 'a.txt')).toBeUndefined();
    expect(names.note('X1', '张三', 'b.txt')).toBeUndefined();
    expect(names.note('X1', '', 'c.txt')).toBeUndefined();
    expect(names.note('X2', '李四', 'd.txt')).toBeUndefined();
    expect(names.note('X1', '李四', 'e.txt')).toEqual({
      file: 'e.txt',
      severity: 'warning',
      stage: 'meta',
      message: 'agent_id X1 is named "李四" here but "张三" in an earlier call; summary.csv shows "张三"',
    });
  });

  it('takes a name in the other script or width for the same name, and a near one for another', () => {
    const names = new AgentNames();
    expect(names.note('A207', '张伟', 'a.txt')).toBeUndefined();
    expect(names.note('A207', '張偉', 'a-tw.txt')).toBeUndefined();
    expect(names.note('A207', '张伟 ', 'b.txt')).toBeUndefined();
    expect(names.note('T031', '陳怡君', 'c.txt')).toBeUndefined();
    expect(names.note('T031', '陈怡君', 'c-cn.txt')).toBeUndefined();
    expect(names.note('T031', 'Ｊｏｙ陳', 'd.txt')?.message).toBe('agent_id T031 is named "Ｊｏｙ陳" here but "陳怡君" in an earlier call; summary.csv shows "陳怡君"');
    expect(names.note('A207', '张玮', 'e.txt')?.message).toBe('agent_id A207 is named "张玮" here but "张伟" in an earlier call; summary.csv shows "张伟"');
  });
});

describe('an audit of calls naming one agent two ways', () => {
  it('lists the mix-up in errors.csv and shows the first name, whatever --jobs is', () => {
    const dir = tempDir();
    for (const [file, name] of [['c1.txt', '张三'], ['c2.txt', '李四'], ['c3.txt', '张三']]) {
      writeFileSync(join(dir, file as string), `---\ncall_id: ${file}\nagent_id: X1\nagent_name: ${name}\n---\n坐席：您好\n客户：嗯\n`);
    }
    for (const jobs of ['1', '2']) {
      const out = join(tempDir(), 'report');
      expect(callqa(['audit', dir, '--out', out, '-j', jobs, '--quiet']).status).toBe(0);
      expect(readCsv(join(out, 'errors.csv')).rows).toEqual([
        { file: join(dir, 'c2.txt'), severity: 'warning', stage: 'meta', message: 'agent_id X1 is named "李四" here but "张三" in an earlier call; summary.csv shows "张三"' },
      ]);
      expect(readCsv(join(out, 'summary.csv')).rows[0]).toMatchObject({ agent_id: 'X1', agent_name: '张三' });
    }
  });
});

describe('an audit of one agent in traditional and simplified calls', () => {
  it('warns of no mix-up and shows the first spelling', () => {
    const dir = tempDir();
    for (const [file, name] of [['c1.txt', '张伟'], ['c2.txt', '張偉']]) {
      writeFileSync(join(dir, file as string), `---\ncall_id: ${file}\nagent_id: A207\nagent_name: ${name}\n---\n坐席：您好\n客户：嗯\n`);
    }
    const out = join(tempDir(), 'report');
    expect(callqa(['audit', dir, '--out', out, '--quiet']).status).toBe(0);
    expect(readCsv(join(out, 'errors.csv')).rows).toEqual([]);
    expect(readCsv(join(out, 'summary.csv')).rows[0]).toMatchObject({ agent_id: 'A207', agent_name: '张伟', calls: '2' });
  });
});
