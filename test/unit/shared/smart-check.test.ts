import { describe, expect, it } from 'vitest';
import { smartHints, type SmartCode, type SmartInput } from '../../../shared/domain/smart-check.ts';
import { GOOD, WEAK } from '../../fixtures/smart-corpus.ts';

const options = { today: '2026-11-21', maxTargetMonths: 36 };
const action = { actionText: 'Deliver it', leadAgencyId: 'agency-1', targetDate: '2027-06-30', completionDate: null };
const WORDING: ReadonlySet<SmartCode> = new Set(['vague_verb', 'review_no_output', 'raise_awareness', 'no_measure', 'several_asks']);
const wordingHints = (input: Omit<SmartInput, 'actions'>) =>
  smartHints({ ...input, actions: [action] }, options)
    .map((h) => h.code)
    .filter((c) => WORDING.has(c))
    .sort();

describe('SMART check against the corpus', () => {
  it.each(GOOD.map((e) => [e.text.slice(0, 70), e] as const))('no wording hints for a good recommendation: %s', (_t, entry) => {
    expect(wordingHints(entry)).toEqual([]);
  });
  it.each(WEAK.map((e) => [e.text.slice(0, 70), e] as const))('the right hints for a weak recommendation: %s', (_t, entry) => {
    expect(wordingHints(entry)).toEqual([...entry.expect].sort());
  });
});

describe('hints about actions', () => {
  const good = GOOD[0]!;
  const codes = (actions: SmartInput['actions'], today = options.today) => smartHints({ ...good, actions }, { ...options, today }).map((h) => [h.code, h.actionIndex]);

  it('asks for an action when there is none', () => {
    expect(codes([])).toEqual([['no_actions', undefined]]);
  });
  it('flags a missing lead agency or target date, naming the action', () => {
    expect(codes([action, { ...action, leadAgencyId: null, targetDate: null }])).toEqual([
      ['no_lead', 1],
      ['no_target', 1],
    ]);
  });
  it('flags a target date in the past, unless the action is complete', () => {
    expect(codes([{ ...action, targetDate: '2026-11-20' }])).toEqual([['target_past', 0]]);
    expect(codes([{ ...action, targetDate: '2026-11-20', completionDate: '2026-11-19' }])).toEqual([]);
    expect(codes([{ ...action, targetDate: '2026-11-21' }])).toEqual([]);
  });
  it('says nothing about a target date still being typed (day given, month and year not yet), and does not fail on it', () => {
    expect(codes([{ ...action, targetDate: '--1' }])).toEqual([]);
    expect(codes([{ ...action, targetDate: '2027-2-30' }])).toEqual([]);
  });
  it('flags a target date further away than the setting allows', () => {
    expect(codes([{ ...action, targetDate: '2029-11-21' }])).toEqual([]);
    expect(codes([{ ...action, targetDate: '2029-11-22' }])).toEqual([['target_far', 0]]);
    expect(smartHints({ ...good, actions: [{ ...action, targetDate: '2028-01-01' }] }, { ...options, maxTargetMonths: 12 }).map((h) => h.code)).toEqual(['target_far']);
  });
  it('explains why each hint matters and how to fix it', () => {
    for (const entry of WEAK) {
      for (const hint of smartHints({ ...entry, actions: [] }, options)) {
        expect(hint.message.length, hint.code).toBeGreaterThan(10);
        expect(hint.why.length, hint.code).toBeGreaterThan(20);
        expect(hint.fix.length, hint.code).toBeGreaterThan(20);
      }
    }
  });
  it('gives nothing for an empty draft', () => {
    expect(smartHints({ text: '  ', expectedOutcome: null, actions: [] }, options)).toEqual([]);
  });
});
