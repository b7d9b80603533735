/**
 * One scorecard file per agent, appended as calls come. Rows are buffered per agent and flushed
 * by appending when the buffers grow, so a month with thousands of agents never holds thousands
 * of open files nor every row in memory.
 */
import { appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const FLUSH_TOTAL_BYTES = 8 << 20;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

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

  /**
   * A safe, unique file name for an agent id: `A128.csv`, `王芳.csv`. An id that had to change to
   * be a file name (path separators, `: * ? " < > |`, control characters, leading dots, trailing
   * dots or spaces, reserved Windows names, over 120 bytes) always gets a short hash of the id —
   * `team_7-1a2b3c.csv` — so `team/7` and `team:7` never share a file and an id's file name does
   * not depend on which other agents are in the run. Ids that differ only in case (a case-
   * insensitive disk would merge them) get the hash from the second one on.
   */
  private fileName(agentId: string): string {
    let base = agentId.replace(/[\\/:*?"<>|\x00-\x1f\x7f]/g, '_').replace(/^\.+/, '_').replace(/[. ]+$/, '_') || 'unknown';
    if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
    base = truncateBytes(base, MAX_NAME_BYTES);
    const key = base.toLowerCase();
    const owner = this.taken.get(key);
    if (base !== agentId || (owner !== undefined && owner !== agentId)) {
      base = `${base}-${createHash('sha256').update(agentId).digest('hex').slice(0, 6)}`;
    }
    this.taken.set(base.toLowerCase(), agentId);
    return `${base}.csv`;
  }
}

/** File systems allow 255 bytes per name; CJK characters take 3 bytes each in UTF-8. */
const MAX_NAME_BYTES = 120;

function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}
