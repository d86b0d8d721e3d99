import { createContext, useContext, type ReactNode } from 'react';

// Today's date as the backend's clock has it. Forms default to it and date
// inputs are limited by it, so the renderer never disagrees with the rules
// that check the same dates (a browser's own clock can be another day).

const TodayContext = createContext<string | null>(null);

export function TodayProvider({ today, children }: { today: string; children: ReactNode }) {
  return <TodayContext.Provider value={today}>{children}</TodayContext.Provider>;
}

/** Today (yyyy-mm-dd), refreshed with the session status on every change of screen. */
export function useToday(): string {
  const today = useContext(TodayContext);
  if (!today) throw new Error('useToday outside TodayProvider');
  return today;
}
