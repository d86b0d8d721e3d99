import type { PartialHandlers } from '../ipc/dispatcher.ts';
import type { Session } from '../session/session.ts';
import { partnershipLists } from './partnership-lists.ts';
import { addAgency, addDistrict, addTheme, updateAgency, updateDistrict, updateTheme } from './partnership-writes.ts';

type Channels = 'partnership.lists' | 'districts.add' | 'districts.update' | 'agencies.add' | 'agencies.update' | 'themes.add' | 'themes.update';

/** The partnership's reference lists: districts (CSPs), agencies and themes. Added, renamed and retired; never deleted. */
export function partnershipHandlers(session: Session): PartialHandlers<Channels> {
  return {
    'partnership.lists': () => partnershipLists(session.requireStore().db),
    'districts.add': (input) => addDistrict(session.requireStore(), input),
    'districts.update': (input) => updateDistrict(session.requireStore(), input),
    'agencies.add': (input) => addAgency(session.requireStore(), input),
    'agencies.update': (input) => updateAgency(session.requireStore(), input),
    'themes.add': (input) => addTheme(session.requireStore(), input),
    'themes.update': (input) => updateTheme(session.requireStore(), input),
  };
}
