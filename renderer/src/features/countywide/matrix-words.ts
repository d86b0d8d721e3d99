import { APPLICABILITY_WORDS, type Status } from '../../../../shared/domain/vocabulary.ts';
import type { Matrix } from '../../../../shared/ipc/progress-schemas.ts';
import type { StatusKey } from '../../app/status-colours.tsx';

// How the matrix puts a row and a cell into words: the same words on screen,
// in the details panel and in what screen readers hear.

export type MatrixRow = Matrix['rows'][number];
export type MatrixCell = MatrixRow['cells'][number];

/** "DHR-FL-2016-01 R3": the review's reference and the recommendation's number within it. */
export function rowReference(row: MatrixRow): string {
  return `${row.recommendation.reviewReference} R${row.recommendation.number}`;
}

/** The start of a recommendation, cut at a word, for the row header; the details panel has it all. */
export function shortText(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The due state in the matrix's short words, or null when there is nothing to say. */
export function dueWords(cell: MatrixCell): 'Overdue' | 'Due soon' | null {
  if (cell.decision !== 'applicable') return null;
  if (cell.due === 'overdue') return 'Overdue';
  if (cell.due === 'due_soon') return 'Due soon';
  return null;
}

/** A cell in words: the status for an applicable district, otherwise the decision; then whether it is due. */
export function cellWords(cell: MatrixCell, key: StatusKey): string {
  const what = cell.decision === 'applicable' ? key[(cell.status ?? 'not_started') as Status].label : APPLICABILITY_WORDS[cell.decision];
  const due = dueWords(cell);
  return due ? `${what}, ${due.toLowerCase()}` : what;
}
