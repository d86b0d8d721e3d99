import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { PartnershipLists } from '../../../shared/ipc/partnership-schemas.ts';
import type { StatusColours } from '../../../shared/ipc/progress-schemas.ts';
import type { AppSettings } from '../../../shared/ipc/schemas.ts';
import { call } from './api-client.ts';
import { StatusColoursProvider } from './status-colours.tsx';

// The partnership's settings, reference lists and status colours, loaded once
// per unlock and reloaded when a screen changes them. Cleared with everything
// else on lock.

interface Partnership {
  settings: AppSettings;
  lists: PartnershipLists;
  /** The status key as configured in Settings (null if it could not be read: the defaults are shown) */
  statuses: StatusColours | null;
  reload: () => Promise<void>;
}

const PartnershipContext = createContext<Partnership | null>(null);

export function PartnershipProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [data, setData] = useState<Omit<Partnership, 'reload'> | null>(null);
  const reload = useCallback(async () => {
    const [settings, lists, statuses] = await Promise.all([
      call('settings.get', {}),
      call('partnership.lists', {}),
      // Colours are decoration on top of the words: if they cannot be read, the default key still says everything.
      call('statuses.list', {}).catch(() => null),
    ]);
    setData({ settings, lists, statuses });
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  if (!data) return <>{fallback}</>;
  return (
    <PartnershipContext.Provider value={{ ...data, reload }}>
      <StatusColoursProvider statuses={data.statuses}>{children}</StatusColoursProvider>
    </PartnershipContext.Provider>
  );
}

export function usePartnership(): Partnership {
  const value = useContext(PartnershipContext);
  if (!value) throw new Error('usePartnership outside PartnershipProvider');
  return value;
}
