/**
 * One scorecard file per agent, appended as calls come. Rows are buffered per agent and flushed
 * by appending when the buffers grow, so a month with thousands of agents never holds thousands
 * of open files nor every row in memory.
 */
import { appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const FLUSH_TOTAL_BYTES = 8 << 20;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export class AgentFiles {
  private readonly files = new Map<string, { name: string; buffer: string; started: boolean }>();
  /** Lower-cased file names taken, to keep ids apart on case-insensitive file systems. */
  private readonly taken = new Map<string, string>();
  private buffered = 0;

  constructor(
    private readonly dir: string,
    private readonly header: string,
  ) {}

  append(agentId: string, line: string): void {
    let file = this.files.get(agentId);
    if (!file) {
      file = { name: this.fileName(agentId), buffer: '', started: false };
      this.files.set(agentId, file);
    }
    file.buffer += line;
    this.buffered += line.length;
    if (this.buffered > FLUSH_TOTAL_BYTES) this.flush();
  }

  /** Write out every buffer (and the header of files not yet started). */
  flush(): void {
    for (const file of this.files.values()) {
      if (!file.buffer && file.started) continue;
      appendFileSync(join(this.dir, file.name), file.started ? file.buffer : this.header + file.buffer);
      file.started = true;
      file.buffer = '';
    }
    this.buffered = 0;
  }

  close(): void {
    this.flush();
  }

  /** A safe, unique file name for an agent id: `A128.csv`, `team_7_A1.csv`, `x-3f9a1c.csv`. */
  private fileName(agentId: string): string {
    let base = agentId.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').replace(/^\.+/, '_').trim() || 'unknown';
    if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
    if (base.length > 100) base = base.slice(0, 100);
    const key = base.toLowerCase();
    const owner = this.taken.get(key);
    if (owner !== undefined && owner !== agentId) {
      base = `${base}-${createHash('sha256').update(agentId).digest('hex').slice(0, 6)}`;
    }
    this.taken.set(base.toLowerCase(), agentId);
    return `${base}.csv`;
  }
}
