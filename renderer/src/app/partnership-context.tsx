import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { PartnershipLists } from '../../../shared/ipc/partnership-schemas.ts';
import type { AppSettings } from '../../../shared/ipc/schemas.ts';
import { call } from './api-client.ts';

// The partnership's settings and reference lists, loaded once per unlock
// and reloaded when a screen changes them. Cleared with everything else on lock.

interface Partnership {
  settings: AppSettings;
  lists: PartnershipLists;
  reload: () => Promise<void>;
}

const PartnershipContext = createContext<Partnership | null>(null);

export function PartnershipProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [data, setData] = useState<Omit<Partnership, 'reload'> | null>(null);
  const reload = useCallback(async () => {
    const [settings, lists] = await Promise.all([call('settings.get', {}), call('partnership.lists', {})]);
    setData({ settings, lists });
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  if (!data) return <>{fallback}</>;
  return <PartnershipContext.Provider value={{ ...data, reload }}>{children}</PartnershipContext.Provider>;
}

export function usePartnership(): Partnership {
  const value = useContext(PartnershipContext);
  if (!value) throw new Error('usePartnership outside PartnershipProvider');
  return value;
}
