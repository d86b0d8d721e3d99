import { stampOf } from '../../../shared/domain/clock.ts';
import { statusColourProblem } from '../../../shared/domain/colour-contrast.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { StatusColours } from '../../../shared/ipc/progress-schemas.ts';
import type { ParsedInput } from '../../../shared/ipc/contract.ts';
import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Session } from '../session/session.ts';
import { appendAudit } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';
import { actorName, readSettings } from '../store/settings-store.ts';
import type { Db } from '../store/sqlite.ts';

// The partnership's status key. Codes and words are fixed, so a status means
// the same everywhere; each partnership chooses the colours and their names.

/** The statuses in the partnership's order, with their configured colours. */
export function listStatuses(db: Db): StatusColours {
  return db.prepare('SELECT code, label, colour, colour_name AS colourName, meaning FROM statuses ORDER BY sort_order, code').all() as StatusColours;
}

/**
 * Change one status's colour and colour name, in one transaction with its
 * audit entry. A colour too light to see on white (under 3:1) is refused.
 */
export function updateStatusColour(store: Store, input: ParsedInput<'statuses.update'>): StatusColours {
  const colour = input.colour.toLowerCase();
  const colourName = input.colourName.trim().replace(/\s+/g, ' ');
  const problem = statusColourProblem(colour);
  if (problem) throw new AppError('INVALID_INPUT', problem, { colour: problem });
  const { db } = store;
  db.transaction(() => {
    const before = db.prepare('SELECT label, colour, colour_name AS colourName FROM statuses WHERE code = ?').get(input.code) as
      | { label: string; colour: string; colourName: string }
      | undefined;
    if (!before) throw new AppError('NOT_FOUND', 'That status is not in this store. Reload the settings screen and try again.');
    const changes = [
      { field: 'colour', before: before.colour, after: colour },
      { field: 'colourName', before: before.colourName, after: colourName },
    ].filter((c) => c.before !== c.after);
    if (!changes.length) return;
    db.prepare('UPDATE statuses SET colour = ?, colour_name = ? WHERE code = ?').run(colour, colourName, input.code);
    appendAudit(db, store.installationId, {
      actor: actorName(readSettings(db)),
      action: 'update',
      entity: 'status',
      entityId: input.code,
      detail: { name: before.label, changes },
    }, stampOf(store.clock));
  })();
  return listStatuses(db);
}

export function statusHandlers(session: Session): PartialHandlers<'statuses.list' | 'statuses.update'> {
  return {
    'statuses.list': () => listStatuses(session.requireStore().db),
    'statuses.update': (input) => updateStatusColour(session.requireStore(), input),
  };
}
