import { describe, expect, it } from 'vitest';
import { parseStatusWord } from '../../../shared/domain/status-words.ts';

describe('parseStatusWord', () => {
  it.each([
    ['Complete', 'complete'],
    ['Completed', 'complete'],
    ['COMPLETED', 'complete'],
    ['Done', 'complete'],
    ['Closed', 'complete'],
    ['Already in place', 'complete'],
    ['Blue', 'complete'],
    ['RAG: Blue', 'complete'],
    ['Ongoing', 'on_track'],
    ['On-going', 'on_track'],
    ['In progress', 'on_track'],
    ['On track', 'on_track'],
    ['RAG: Green', 'on_track'],
    ['Green', 'on_track'],
    ['G', 'on_track'],
    ['Amber', 'early_stage'],
    ['RAG status - AMBER', 'early_stage'],
    ['Early stage', 'early_stage'],
    ['Partially complete', 'early_stage'],
    ['Red', 'blocked'],
    ['Delayed', 'blocked'],
    ['Blocked', 'blocked'],
    ['Not started', 'not_started'],
    ['Not yet started', 'not_started'],
    ['Purple', 'not_started'],
    ['Completed late', 'complete_late'],
    ['Not implemented', 'not_implemented'],
    ['Green - completed', 'complete'],
    ['Amber - not started', 'not_started'],
    ['Not complete', 'on_track'],
    ['Incomplete', 'on_track'],
  ])('%s means %s', (text, status) => expect(parseStatusWord(text)).toBe(status));

  it('gives null for blanks and words that are not a status', () => {
    for (const text of ['', '   ', 'Pending review', 'See note', 'RAG', 'x']) expect(parseStatusWord(text)).toBeNull();
  });
});
