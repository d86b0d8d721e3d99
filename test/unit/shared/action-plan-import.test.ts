import { describe, expect, it } from 'vitest';
import { guessField, guessMapping, interpretActionPlan, splitAgencies } from '../../../shared/domain/action-plan-import.ts';

const HOME_OFFICE = ['Recommendation', 'Scope of recommendation (local / regional / national)', 'Action to take', 'Lead agency', 'Key milestones achieved in enacting recommendation', 'Target date', 'Date of completion and outcome'];

describe('column names', () => {
  it('guesses the Home Office template and its variants', () => {
    expect(HOME_OFFICE.map(guessField)).toEqual(['recommendation', 'scope', 'action', 'leadAgency', 'milestones', 'targetDate', 'completion']);
    expect(['Action', 'Actions to be taken', 'Lead Agency/Organisation', 'Target Date', 'Completion date and outcome', 'Key milestones', 'RAG status', 'No.', 'Rec No', 'Outcome', 'Deadline', 'Responsible organisation'].map(guessField)).toEqual([
      'action', 'action', 'leadAgency', 'targetDate', 'completion', 'milestones', 'status', 'number', 'number', 'outcome', 'targetDate', 'leadAgency',
    ]);
    expect(guessField('Notes from the chair')).toBeNull();
  });
  it('maps each field to the first column that means it', () => {
    expect(guessMapping(['Recommendation', 'Action', 'Action (continued)', 'Lead agency'])).toEqual({ recommendation: 0, action: 1, leadAgency: 3 });
  });
});

describe('splitAgencies', () => {
  it('splits lines, semicolons and slashes but keeps names with "and" and "&" whole', () => {
    expect(splitAgencies('Cambridgeshire Constabulary / CPFT')).toEqual(['Cambridgeshire Constabulary', 'CPFT']);
    expect(splitAgencies('Cambridge & Peterborough Rape Crisis Partnership\nIDVA service')).toEqual(['Cambridge & Peterborough Rape Crisis Partnership', 'IDVA service']);
    expect(splitAgencies('Cambridgeshire and Peterborough NHS Foundation Trust; CUH; cuh')).toEqual(['Cambridgeshire and Peterborough NHS Foundation Trust', 'CUH']);
  });
});

describe('interpretActionPlan', () => {
  const plan = (rows: string[][], options = {}) => interpretActionPlan([{ label: 'Table 1', rows }], { today: '2026-11-21', ...options });

  it('reads the Home Office template row by row, grouping actions under their recommendation', () => {
    const result = plan([
      ['Action plan for DHR-XX-2018-01', '', '', '', '', '', ''],
      HOME_OFFICE,
      ['1. Train all call handlers in coercive control', 'Local', 'Deliver training', 'Cambridgeshire Constabulary', 'Course written', '31/03/2018', 'Completed 12/03/2018: 200 staff trained'],
      ['1. Train all call handlers in coercive control', 'Local', 'Audit calls', 'Cambridgeshire Constabulary', '', 'Q2 2018/19', ''],
      ['', '', 'Report to the CSP board', 'Community Safety Partnership', '', 'March 2019', 'Ongoing'],
      ['2. Review the MARAC referral pathway', 'Regional', 'Rewrite the pathway', 'MARAC', '', 'by 30.06.19', ''],
    ]);
    expect(result.notUnderstood).toEqual([]);
    expect(result.recommendations.map((r) => [r.number, r.text, r.scope, r.actions.length])).toEqual([
      ['1', 'Train all call handlers in coercive control', 'local', 3],
      ['2', 'Review the MARAC referral pathway', 'regional', 1],
    ]);
    const [first, second, third] = result.recommendations[0]!.actions;
    expect(first).toEqual({
      actionText: 'Deliver training',
      agencies: ['Cambridgeshire Constabulary'],
      milestones: 'Course written',
      targetDate: '2018-03-31',
      completionDate: '2018-03-12',
      outcome: 'Completed 12/03/2018: 200 staff trained',
      status: 'complete',
    });
    expect(second!.targetDate).toBe('2018-09-30');
    expect(second!.status).toBe('not_started');
    expect(third!.targetDate).toBe('2019-03-31');
    expect(third!.status).toBe('on_track');
    expect(third!.outcome).toBeNull();
    expect(result.understood.map((u) => u.location)).toEqual(['Table 1, row 3', 'Table 1, row 4', 'Table 1, row 5', 'Table 1, row 6']);
    expect(result.understood[1]!.notes.join(' ')).toMatch(/end of that financial quarter/);
  });

  it('lists the rows it did not understand, with reasons, and keeps the rest', () => {
    const result = plan([
      ['Recommendation', 'Action', 'Lead agency', 'Target date', 'Status'],
      ['', 'Orphan action', 'Police', '31/03/2019', ''],
      ['Improve records', 'Link child and perpetrator records', 'Children’s services', 'sometime soon', ''],
      ['Improve records', 'Audit the records', 'Children’s services', '31/02/2019', ''],
      ['Improve records', 'Check the audit', 'Children’s services', '31/03/2019', 'Pending review'],
      ['Improve records', '', 'Children’s services', '31/03/2019', ''],
      ['Improve records', 'Report back', 'Children’s services', '31/03/2019', 'Amber'],
      ['Improve records', 'Finish early', '', '31/03/2019', 'Complete'],
    ]);
    expect(result.notUnderstood.map((p) => [p.location, p.reason])).toEqual([
      ['Table 1, row 2', expect.stringMatching(/No recommendation: the Recommendation column is empty/)],
      ['Table 1, row 3', expect.stringMatching(/Target date: "sometime soon" is not a date/)],
      ['Table 1, row 4', expect.stringMatching(/Target date: "31\/02\/2019" is not a real date/)],
      ['Table 1, row 5', expect.stringMatching(/The status "Pending review" is not one DHR Tracker understands/)],
      ['Table 1, row 6', expect.stringMatching(/No action: the Action column is empty/)],
    ]);
    expect(result.recommendations).toHaveLength(1);
    expect(result.recommendations[0]!.actions.map((a) => [a.actionText, a.status, a.agencies])).toEqual([
      ['Report back', 'early_stage', ['Children’s services']],
      ['Finish early', 'complete', []],
    ]);
  });

  it('refuses completion dates in the future and dates before the death', () => {
    const result = plan(
      [
        ['Recommendation', 'Action', 'Target date', 'Completion date'],
        ['R', 'A', '31/03/2019', '01/01/2030'],
        ['R', 'B', '31/03/2010', ''],
      ],
      { dateOfDeath: '2017-05-01' },
    );
    expect(result.notUnderstood.map((p) => p.reason)).toEqual([expect.stringMatching(/completion date 01\/01\/2030 is in the future/), expect.stringMatching(/target date 31\/03\/2010 is before the date of death/)]);
  });

  it('marks completion after the target as complete (late)', () => {
    const result = plan([
      ['Recommendation', 'Action', 'Target date', 'Date of completion and outcome'],
      ['R', 'A', '31/03/2019', 'Done 30 April 2019 - policy signed off'],
    ]);
    expect(result.recommendations[0]!.actions[0]!.status).toBe('complete_late');
    expect(result.recommendations[0]!.actions[0]!.completionDate).toBe('2019-04-30');
  });

  it('skips repeated header rows and blank rows, and leaves out headings across the table', () => {
    const result = plan([
      ['Recommendation', 'Action', 'Lead agency'],
      ['Single agency recommendations', 'Single agency recommendations', 'Single agency recommendations'],
      ['R1', 'A1', 'Police'],
      ['', '', ''],
      ['Recommendation', 'Action', 'Lead agency'],
      ['R2', 'A2', 'Police'],
    ]);
    expect(result.recommendations.map((r) => r.text)).toEqual(['R1', 'R2']);
    expect(result.notUnderstood).toEqual([{ location: 'Table 1, row 2', reason: expect.stringMatching(/heading across the whole table/), text: 'Single agency recommendations' }]);
  });

  it('leaves out a heading written in the recommendation column alone, as a spreadsheet saved as CSV has it', () => {
    const result = plan([
      ['Recommendation', 'Action', 'Lead agency'],
      ['Single agency recommendations', '', ''],
      ['Police to review call handling.', 'Audit calls', 'Police'],
      ['A recommendation without an action yet.', '', ''],
    ]);
    expect(result.recommendations.map((r) => [r.text, r.actions.length])).toEqual([
      ['Police to review call handling.', 1],
      ['A recommendation without an action yet.', 0],
    ]);
    expect(result.notUnderstood).toEqual([{ location: 'Table 1, row 2', reason: expect.stringMatching(/looks like a heading/), text: 'Single agency recommendations' }]);
  });

  it('continues a table that has no header row of its own (split across pages)', () => {
    const result = interpretActionPlan([
      { label: 'Table 1', rows: [['Recommendation', 'Action'], ['R1', 'A1']] },
      { label: 'Table 2', rows: [['', 'A2'], ['R2', 'A3']] },
      { label: 'Table 3', rows: [['Some', 'unrelated', 'table']] },
    ]);
    expect(result.recommendations.map((r) => [r.text, r.actions.map((a) => a.actionText)])).toEqual([
      ['R1', ['A1', 'A2']],
      ['R2', ['A3']],
    ]);
    expect(result.notUnderstood.map((p) => [p.location, p.reason])).toEqual([['Table 3', expect.stringMatching(/No header row/)]]);
  });

  it('uses a mapping the person chose over the guess', () => {
    const result = interpretActionPlan([{ label: 'The file', rows: [['Col A', 'Col B'], ['Rec', 'Act']] }], { mapping: { recommendation: 0, action: 1 } });
    expect(result.recommendations.map((r) => [r.text, r.actions[0]?.actionText])).toEqual([['Rec', 'Act']]);
  });

  it('groups by the recommendation number when the text is left blank', () => {
    const result = plan([
      ['No.', 'Recommendation', 'Action'],
      ['1', 'First', 'a'],
      ['2', 'Second', 'b'],
      ['1', '', 'c'],
    ]);
    expect(result.recommendations.map((r) => [r.number, r.actions.map((a) => a.actionText)])).toEqual([
      ['1', ['a', 'c']],
      ['2', ['b']],
    ]);
  });

  it('refuses a field longer than the editor allows', () => {
    const result = plan([['Recommendation', 'Action'], ['R', 'x'.repeat(5001)]]);
    expect(result.notUnderstood[0]!.reason).toMatch(/longer than 5,000 characters/);
  });
});
