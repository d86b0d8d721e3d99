import { AppError } from '../../../shared/ipc/errors.ts';
import type { Db } from '../store/sqlite.ts';

/** A review's pseudonym register, by review reference: for the CLI and, later, the anonymity guard. */
export function pseudonymRegister(db: Db, reference: string) {
  const review = db.prepare('SELECT id, reference FROM reviews WHERE reference = ? COLLATE NOCASE AND deleted_at IS NULL').get(reference) as
    | { id: string; reference: string }
    | undefined;
  if (!review) throw new AppError('NOT_FOUND', `There is no review with the reference ${reference}. dhr reviews list shows the references.`);
  const people = db
    .prepare('SELECT role, pseudonym, real_name AS realName FROM review_people WHERE review_id = ? ORDER BY sort_order, rowid')
    .all(review.id) as Array<{ role: string; pseudonym: string; realName: string | null }>;
  return { review: review.reference, people };
}
