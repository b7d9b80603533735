/**
 * Who is the agent? Formats give explicit roles, or channels / speaker numbers to be mapped:
 * by an explicit mapping (`--agent-channel 0`), or automatically (the speaker who greets first
 * with an opening phrase, then the one who says the most service phrases). Every automatic
 * decision is stated in a warning with its confidence; a transcript with one speaker is flagged
 * as mono, never silently attributed.
 */
import type { EmptyChannel, ReadWarning, Speaker, Utterance } from '../model/call.js';
import { foldMany, foldPhrase } from '../normalize/fold.js';
import type { AudioChannels, ParsedTranscript, RoleOptions } from './types.js';
import { keepScoredAgent } from './scored-agent.js';
import { TRANSFERRED_TO, transferredVoices } from './transfer-voices.js';

export interface RoleDecision {
  utterances: Utterance[];
  roleSource: string;
  roleConfidence?: number;
  diarized: boolean;
  warnings: ReadWarning[];
  /** Set when one side of a stereo recording is silent: rules it would trigger are na. */
  emptyChannel?: EmptyChannel;
}

/** Phrases of an agent's greeting, with how strongly each says "this is the agent". */
const OPENING: ReadonlyArray<readonly [string, number]> = [
  ['为您服务', 3],
  ['工号', 3],
  ['很高兴为您', 3],
  ['有什么可以帮', 3],
  ['有什么能帮', 3],
  ['客服', 2],
  ['号为您', 2],
  ['欢迎致电', 3],
  ['感谢您的来电', 2],
  ['您好', 1],
  ['你好', 1],
];

/** Phrases agents say all through a call, customers rarely. */
const SERVICE = [
  '请稍等', '请您稍等', '请问', '为您', '感谢您', '谢谢您', '再见', '抱歉', '不好意思', '给您带来',
  '帮您', '请您', '您的', '还有什么可以帮', '祝您', '来电', '核实', '登记', '反馈', '理解',
];

// Fold the phrases once, so traditional transcripts match the simplified phrase lists.
const FOLDED_OPENING = OPENING.map(([p, w]) => [foldPhrase(p), w] as const);
const FOLDED_SERVICE = SERVICE.map(foldPhrase);

/** Below this an automatic decision is called "low confidence" in its warning. */
export const LOW_CONFIDENCE = 0.6;

function countOccurrences(text: string, phrase: string): number {
  let n = 0;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) n++;
  return n;
}

function openingScore(folded: string): number {
  return FOLDED_OPENING.reduce((sum, [p, w]) => (folded.includes(p) ? sum + w : sum), 0);
}

function serviceScore(foldedTexts: readonly string[]): number {
  let n = 0;
  for (const t of foldedTexts) for (const p of FOLDED_SERVICE) n += countOccurrences(t, p);
  return n;
}

interface Guess {
  agent?: string;
  confidence: number;
  reason: string;
}

/** Decide which channel is the agent from what each channel says. */
function guessAgent(channels: readonly string[], texts: Map<string, string[]>): Guess {
  // One script conversion for the whole call: opencc's per-call cost dominates short utterances.
  const folded = new Map(channels.map((c) => [c, foldMany(texts.get(c) ?? []).map((f) => f.folded)]));
  const opening = channels.map((c) => ({ c, score: openingScore(folded.get(c)?.[0] ?? '') }));
  const service = channels.map((c) => ({ c, score: serviceScore(folded.get(c) ?? []) }));
  const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;
  const [open1, open2] = [...opening].sort(byScore);
  const [serv1, serv2] = [...service].sort(byScore);
  const serviceOf = (c: string) => service.find((s) => s.c === c)?.score ?? 0;

  const mostServiceOf = (c: string) => serviceOf(c) >= (serv1?.score ?? 0);
  const greeter = open1 && open1.score > 0 && open1.score > (open2?.score ?? 0) ? open1 : undefined;
  // A caller's first words can sound like a greeting: a bare 你好 (a recording that begins after
  // the agent's greeting), 「你好，你是哪个工号？」. So a bare greeting decides only when no other
  // speaker says more service phrases, a full one unless another says far more (twice, and 3 more).
  const greeterService = greeter ? serviceOf(greeter.c) : 0;
  const other = serv1 && greeter && serv1.c !== greeter.c ? serv1 : undefined;
  const farMore = other !== undefined && other.score >= 2 * greeterService && other.score - greeterService >= 3;
  if (greeter && greeter.score >= 2 && farMore && other) {
    const reason = `another speaker opens with a greeting, but this one says far more service phrases (${other.score} vs ${greeterService})`;
    return { agent: other.c, confidence: 0.6, reason };
  }
  if (greeter && (greeter.score >= 2 || mostServiceOf(greeter.c))) {
    const mostService = mostServiceOf(greeter.c);
    const strong = greeter.score >= 2;
    const confidence = mostService ? (strong ? 0.9 : 0.75) : 0.6;
    const reason = `it opens with a greeting${mostService ? ' and says the most service phrases' : ', but another speaker says more service phrases'}`;
    return { agent: greeter.c, confidence, reason };
  }
  if (serv1 && serv1.score > 0 && serv1.score > (serv2?.score ?? 0)) {
    const margin = (serv1.score - (serv2?.score ?? 0)) / serv1.score;
    return {
      agent: serv1.c,
      confidence: Math.round((0.4 + 0.4 * margin) * 100) / 100,
      reason: `no clear greeting; it says the most service phrases (${serv1.score} vs ${serv2?.score ?? 0})`,
    };
  }
  return { confidence: 0, reason: 'no speaker greets or says service phrases more than the others' };
}

function describe(channel: string): string {
  return /^(ch_)?\d+$/i.test(channel) ? `channel ${channel}` : `speaker ${channel}`;
}

/** One id in the forms users and vendors write it: `0`, `ch_0`, `spk_0`, `SPEAKER_00` are one channel. */
function canonical(id: string): string {
  const m = /^(?:ch|channel|spk|speaker)?[_\s-]?0*(\d+)$/i.exec(id.trim());
  return m ? (m[1] as string) : id.trim().toLowerCase();
}

/** The channel `--agent-channel` names, or undefined for `auto` (or none). */
function agentChannelMapping(opts: RoleOptions): string | undefined {
  const wanted = opts.agentChannel?.trim();
  return wanted !== undefined && wanted !== '' && wanted.toLowerCase() !== 'auto' ? wanted : undefined;
}

export function sameChannel(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

/** Audio channel ids are channels whatever their form (`ch_0`). */
const channelName = (id: string): string => `channel ${id}`;

type Build = (speakerOf: (u: ParsedTranscript['utterances'][number]) => Speaker) => Utterance[];

/**
 * Only one channel of a recording speaks. On a stereo recording that is one side speaking and the
 * other silent (a silent caller, a dead line), so the side that speaks is judged and rules the
 * silent side would trigger are na. Whose channel it is: `--agent-channel` says, else the channel
 * opens as an agent does. A first channel alone may be a mono recording of both sides: only the
 * mapping makes it one side, since the user knows how the calls are recorded.
 */
function oneChannelSpeaks(layout: AudioChannels, present: string, opts: RoleOptions, firstText: string, build: Build): RoleDecision | undefined {
  const mapping = agentChannelMapping(opts);
  let agentSpeaks: boolean;
  let how: string;
  let confidence: number | undefined;
  if (mapping !== undefined) {
    agentSpeaks = sameChannel(mapping, present);
    how = `--agent-channel ${mapping}`;
  } else {
    // Without another channel to compare with, only a clear agent's greeting decides.
    if (!layout.stereo || openingScore(foldMany([firstText])[0]?.folded ?? '') < 2) return undefined;
    agentSpeaks = true;
    confidence = 0.75;
    how = `it opens with an agent's greeting (confidence ${confidence})`;
  }
  const role = agentSpeaks ? 'agent' : 'customer';
  const silentRole = agentSpeaks ? 'customer' : 'agent';
  const silent = agentSpeaks ? layout.named.find((c) => !sameChannel(c, present)) : mapping;
  const emptyChannel: EmptyChannel = silent === undefined ? { role: silentRole } : { role: silentRole, channel: silent };
  const silentName = silent === undefined ? `the ${silentRole}'s channel` : `the ${silentRole}'s ${channelName(silent)}`;
  const message =
    `only ${channelName(present)} speaks: ${channelName(present)} = ${role} (${how}), ${silentName} has no speech; ` +
    `rules the ${silentRole} would trigger are not applicable`;
  const decision: RoleDecision = {
    utterances: build((u) => (u.channel !== undefined && u.channel === present ? role : 'unknown')),
    roleSource: mapping !== undefined ? 'mapping' : 'auto',
    diarized: true,
    warnings: [{ message }],
    emptyChannel,
  };
  if (confidence !== undefined) decision.roleConfidence = confidence;
  return decision;
}

/**
 * Three or more voices: every one but the agent's is read as the customer, which is right for a
 * caller the recogniser split in two but not for a third person (a supervisor, a courier, an
 * interpreter on a three-way call). The words cannot tell which: the warning says so.
 */
function warnMoreVoices(channels: readonly string[], agent: string, warnings: ReadWarning[]): void {
  const rest = channels.filter((c) => c !== agent);
  if (rest.length < 2) return;
  const others = rest.map(describe).join(', ');
  warnings.push({
    message: `${channels.length} voices: ${others} are all taken as the customer; if one is a third person (a supervisor, a courier, an interpreter), their words count as the customer's — check the call`,
  });
}

export function assignRoles(parsed: ParsedTranscript, opts: RoleOptions = {}): RoleDecision {
  const warnings: ReadWarning[] = [];
  const explicit = (s: Speaker | undefined): s is 'agent' | 'customer' => s === 'agent' || s === 'customer';
  // Each utterance's "voice": its explicit role, else its channel; '' when the format has neither.
  const voice = (u: ParsedTranscript['utterances'][number]): string =>
    parsed.explicitRoles || explicit(u.speaker) ? (u.speaker ?? '') : (u.channel ?? '');
  const distinct = new Set<string>();
  for (const u of parsed.utterances) {
    const v = voice(u);
    if (v !== '') distinct.add(v);
  }
  const voices = [...distinct];
  const build = (speakerOf: (u: ParsedTranscript['utterances'][number]) => Speaker, list = parsed.utterances): Utterance[] =>
    list.map((u, index) => {
      // Explicit copies (not a rest spread): this runs for every utterance of every call.
      const out: Utterance = { index, speaker: speakerOf(u), text: u.text };
      if (u.startMs !== undefined) out.startMs = u.startMs;
      if (u.endMs !== undefined) out.endMs = u.endMs;
      if (u.line !== undefined) out.line = u.line;
      if (u.at !== undefined) out.at = u.at;
      if (u.confidence !== undefined) out.confidence = u.confidence;
      if (u.words !== undefined) out.words = u.words;
      if (u.label !== undefined) out.label = u.label;
      return out;
    });

  // Labels that name roles are roles even when only one of them speaks: a call where only 坐席
  // speaks is the silent-caller case, not a mono recording.
  if (voices.length === 0 || (voices.length === 1 && !parsed.explicitRoles)) {
    const present = voices[0];
    const layout = parsed.audioChannels;
    const firstText = parsed.utterances.find((u) => u.channel === present)?.text ?? '';
    const oneSide = layout && present !== undefined ? oneChannelSpeaks(layout, present, opts, firstText, build) : undefined;
    if (oneSide) return oneSide;
    const name = (id: string) => (parsed.explicitRoles ? id : layout ? channelName(id) : describe(id));
    const only = present ? ` (only ${name(present)} speaks)` : '';
    const hint = layout && present !== undefined ? `; if the other side of a stereo recording was silent, pass --agent-channel to judge ${name(present)}` : '';
    warnings.push({ message: `mono/undiarized transcript${only}: rules that need a speaker role are not applicable${hint}` });
    return { utterances: build(() => 'unknown'), roleSource: 'none', diarized: false, warnings };
  }

  if (parsed.explicitRoles) {
    const speakerOf = (u: ParsedTranscript['utterances'][number]): Speaker => (explicit(u.speaker) ? u.speaker : 'unknown');
    // Several agents (坐席1, 坐席2): only the scored one's turns are the agent's.
    const utterances = build(speakerOf, keepScoredAgent(parsed.utterances, parsed.meta, warnings));
    return { utterances, roleSource: parsed.roleSource ?? 'explicit', diarized: true, warnings };
  }

  const channels = voices.filter((v) => v !== 'agent' && v !== 'customer');
  const mapped = (agent: string, others: ReadonlyMap<string, string>) => (u: ParsedTranscript['utterances'][number]): Speaker =>
    explicit(u.speaker) ? u.speaker : u.channel === undefined ? 'unknown' : u.channel === agent ? 'agent' : others.has(u.channel) ? 'unknown' : 'customer';
  // With the agent known: a third voice that comes on after the agent put the call through is the
  // next desk's agent (src/readers/transfer-voices.ts), not the customer; the rest are the customer.
  const finish = (agent: string, roleSource: string, roleConfidence?: number): RoleDecision => {
    const moved = channels.length >= 3 ? transferredVoices(parsed.utterances, agent, (f) => openingScore(f)) : new Map<string, string>();
    for (const [voice, said] of moved) {
      warnings.push({ message: `${describe(voice)} comes on after the agent put the call through (「${said}」) and opens as an agent does: another agent, ${TRANSFERRED_TO}, whose words are not judged` });
    }
    warnMoreVoices(channels.filter((c) => !moved.has(c)), agent, warnings);
    const list = moved.size === 0 ? parsed.utterances : parsed.utterances.map((u) => (u.channel !== undefined && moved.has(u.channel) ? { ...u, label: TRANSFERRED_TO } : u));
    const decision: RoleDecision = { utterances: build(mapped(agent, moved), list), roleSource, diarized: true, warnings };
    if (roleConfidence !== undefined) decision.roleConfidence = roleConfidence;
    return decision;
  };

  const wanted = agentChannelMapping(opts);
  if (wanted !== undefined) {
    const agent = channels.find((c) => sameChannel(c, wanted));
    if (agent !== undefined) return finish(agent, 'mapping');
    warnings.push({
      message: `agent channel ${wanted} is not in this transcript (it has ${channels.join(', ')}); roles decided automatically instead`,
    });
  }

  const texts = new Map<string, string[]>();
  for (const u of parsed.utterances) {
    if (u.channel === undefined || explicit(u.speaker)) continue;
    const list = texts.get(u.channel) ?? [];
    list.push(u.text);
    texts.set(u.channel, list);
  }
  const guess = guessAgent(channels, texts);
  if (guess.agent === undefined) {
    warnings.push({
      message: `roles could not be decided automatically (${guess.reason}); speakers left unknown — pass --agent-channel to set them`,
    });
    return { utterances: build(() => 'unknown'), roleSource: 'auto', roleConfidence: 0, diarized: true, warnings };
  }
  const low = guess.confidence < LOW_CONFIDENCE ? '; LOW confidence: roles may be wrong, check them or pass --agent-channel' : '';
  warnings.push({
    message: `roles decided automatically: ${describe(guess.agent)} = agent (confidence ${guess.confidence}): ${guess.reason}${low}`,
  });
  return finish(guess.agent, 'auto', guess.confidence);
}
