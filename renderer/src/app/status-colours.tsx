import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { STATUS_DEFAULTS, STATUSES, type Status } from '../../../shared/domain/vocabulary.ts';
import type { StatusColours } from '../../../shared/ipc/progress-schemas.ts';

// The partnership's status key: the fixed words, with the colours and colour
// names set in Settings. PartnershipProvider loads it with the other
// partnership data (once per unlock, and again after Settings changes it).
// Outside a provider, and until it loads, the default key is used.

export interface StatusLook {
  code: Status;
  label: string;
  colour: string;
  colourName: string;
  meaning: string;
}
export type StatusKey = Readonly<Record<Status, StatusLook>>;

export const DEFAULT_STATUS_KEY: StatusKey = Object.fromEntries(STATUSES.map((code) => [code, { code, ...STATUS_DEFAULTS[code] }])) as StatusKey;

/** The configured statuses as a key by code; any status missing from the list keeps its default. */
export function statusKeyFrom(list: StatusColours | null | undefined): StatusKey {
  if (!list?.length) return DEFAULT_STATUS_KEY;
  const key = { ...DEFAULT_STATUS_KEY } as Record<Status, StatusLook>;
  for (const s of list) key[s.code] = { code: s.code, label: s.label, colour: s.colour, colourName: s.colourName, meaning: s.meaning };
  return key;
}

const StatusColoursContext = createContext<StatusKey>(DEFAULT_STATUS_KEY);

export function StatusColoursProvider({ statuses, children }: { statuses: StatusColours | null | undefined; children: ReactNode }) {
  const key = useMemo(() => statusKeyFrom(statuses), [statuses]);
  return <StatusColoursContext.Provider value={key}>{children}</StatusColoursContext.Provider>;
}

/** Each status's words, colour and colour name, as the partnership has set them. */
export function useStatusKey(): StatusKey {
  return useContext(StatusColoursContext);
}
