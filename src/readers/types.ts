/**
 * The contract of a format reader. A reader turns decoded text into utterances; it never knows a
 * rule. Readers are pure: text in, parsed call (or a located error) out.
 */
import type { CallMeta, ReadWarning, Speaker, SourceFacts, Utterance } from '../model/call.js';
import type { DirectionCodes } from '../meta/fields.js';

/** How channels / speaker numbers map to roles when the format gives no explicit role. */
export interface RoleOptions {
  /** Channel or speaker id that is the agent ('0', '1', 'SPEAKER_00' …), or 'auto'. */
  agentChannel?: string;
}

export interface ReadOptions extends RoleOptions {
  /** Files larger than this are refused (default MAX_FILE_BYTES, 50 MB). */
  maxFileBytes?: number;
  /** Calls with more dialogue characters than this are refused (default MAX_DIALOGUE_CHARS). */
  maxDialogueChars?: number;
  /** What the call metadata's direction codes mean (--direction-codes 1=inbound,2=outbound). */
  directionCodes?: DirectionCodes;
}

/** What a reader produces before the common post-processing (call id, role mapping, checks). */
export interface ParsedTranscript {
  meta: CallMeta;
  /** Utterances with a role, or with a raw channel/speaker label still to be mapped. */
  utterances: ParsedUtterance[];
  warnings: ReadWarning[];
  /** True when the format itself names roles (agent/customer), so no mapping is needed. */
  explicitRoles: boolean;
  /** How explicit roles were given, recorded as SourceFacts.roleSource: 'labels' for speaker
   * labels in text; defaults to 'explicit'. */
  roleSource?: string;
  /** Set when the channel ids are the audio channels of a recording, not diarized speakers. */
  audioChannels?: AudioChannels;
  /**
   * How long the recording is, when the vendor says (Tencent AudioDuration, Alibaba RecDuration):
   * a long silence inside it is the recording's, not a broken clock (see MAX_SILENCE_MS).
   */
  recordingMs?: number;
  /**
   * Why the transcript's own times cannot all be used, seen while reading: 「line 8 has a timestamp
   * that cannot be read: [00:25.3-00:79.6]」. Timing rules are na with this reason rather than
   * "has no timestamp", which would send the reviewer looking for a missing one.
   */
  timingProblem?: string;
}

/**
 * The audio channels of a recording (Alibaba ChannelId, AWS channel_labels, Azure channel). On a
 * stereo recording each side has its own channel, so one channel alone is one side speaking
 * (the other silent), not a mono recording of both.
 */
export interface AudioChannels {
  /** Every channel the file names, those without speech too. */
  named: string[];
  /** The file itself shows two or more channels (a channel count, a second channel's id or list);
   * false when the one id could be a mono recording's only channel (Alibaba ChannelId 0). */
  stereo: boolean;
}

export interface ParsedUtterance extends Omit<Utterance, 'index' | 'speaker'> {
  speaker?: Speaker;
  /** Vendor channel / speaker id ('0', 'SPEAKER_01' …) when the role is not explicit. */
  channel?: string;
}

/** A located parse failure; thrown as a value (`ParseFailure`) by readers, caught at the edge. */
export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'ParseFailure';
  }
}

export interface FormatReader {
  /** Short stable name, recorded in findings/run.json: 'plain', 'alibaba', 'srt' … */
  name: string;
  /**
   * Cheap content sniff on the decoded text (and the file name as a hint). Return true when this
   * reader should parse the file. Readers are tried in registry order; the first match wins.
   */
  sniff(text: string, fileName: string): boolean;
  /** Parse the text; throw ParseFailure with line/column for malformed input. `opts`: the run's reading options. */
  parse(text: string, fileName: string, opts?: ReadOptions): ParsedTranscript;
}

export type { SourceFacts };
