/**
 * The readers, in the order their sniff() is tried. The first match wins, so specific formats
 * (vendor JSON, subtitles) come first and the plain reader, which accepts any text, comes last.
 */
import type { FormatReader } from './types.js';
import { plainReader } from './plain.js';
import { alibabaReader } from './alibaba.js';
import { tingwuReader } from './tingwu.js';
import { tencentReader } from './tencent.js';
import { iflytekReader } from './iflytek.js';
import { awsReader } from './aws.js';
import { azureReader } from './azure.js';
import { whisperReader } from './whisper.js';
import { funasrReader } from './funasr.js';
import { jsonUnknownReader } from './json-util.js';
import { srtReader } from './srt.js';
import { vttReader } from './vtt.js';

export const READERS: readonly FormatReader[] = [
  alibabaReader,
  tingwuReader,
  tencentReader,
  iflytekReader,
  awsReader,
  azureReader,
  whisperReader,
  funasrReader,
  // Any other JSON: refused with its shape or its syntax error, never read as plain text.
  jsonUnknownReader,
  srtReader,
  vttReader,
  plainReader,
];
