import { describe, expect, it } from 'vitest';
import { agentIdOf, UNKNOWN_AGENT } from '../../src/engine/index.js';
import type { Call } from '../../src/model/call.js';

const callWith = (agentId: unknown): Call => ({ id: 'c', file: 'c.txt', meta: agentId === undefined ? {} : { agent_id: agentId as string }, utterances: [], source: { format: 'plain', encoding: 'utf-8', timed: false, diarized: true }, warnings: [] });

describe('agentIdOf', () => {
  it('is the id as given, trimmed; missing or blank is "unknown", where its warning says the call went', () => {
    expect(agentIdOf(callWith('A128'))).toBe('A128');
    expect(agentIdOf(callWith(' A128 '))).toBe('A128');
    expect(agentIdOf(callWith(128))).toBe('128');
    for (const blank of [undefined, '', '   ']) expect(agentIdOf(callWith(blank))).toBe(UNKNOWN_AGENT);
  });
});
