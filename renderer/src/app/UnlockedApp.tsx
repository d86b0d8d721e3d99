import { useEffect, useRef, useState } from 'react';
import type { SessionStatus } from '../../../shared/ipc/schemas.ts';
import { BackupOverdueBanner } from '../features/backups/BackupOverdueBanner.tsx';
import { CountywideScreen } from '../features/countywide/CountywideScreen.tsx';
import { DashboardScreen } from '../features/dashboard/DashboardScreen.tsx';
import { ExchangeScreen } from '../features/exchange/ExchangeScreen.tsx';
import { MyDistrictScreen } from '../features/my-district/MyDistrictScreen.tsx';
import { RecurringScreen } from '../features/recommendations/RecurringScreen.tsx';
import { ReportsScreen } from '../features/reports/ReportsScreen.tsx';
import { ReviewsScreen } from '../features/reviews/ReviewsScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { PartnershipProvider } from './partnership-context.tsx';
import { call } from './api-client.ts';
import { TodayProvider } from './today.tsx';

type Screen = 'dashboard' | 'my-district' | 'countywide' | 'reviews' | 'recurring' | 'reports' | 'exchange' | 'settings';
const SCREENS: Array<[Screen, string]> = [
  ['dashboard', 'Dashboard'],
  ['my-district', 'My district'],
  ['countywide', 'Countywide'],
  ['reviews', 'Reviews'],
  ['recurring', 'Recurring recommendations'],
  ['reports', 'Reports'],
  ['exchange', 'Exchange'],
  ['settings', 'Settings'],
];

/**
 * After a change of screen, move focus to the new screen's main heading once
 * it has loaded, and say which screen it is, so a keyboard or screen-reader
 * user is told the page changed instead of being left on the menu.
 */
function useFocusOnScreenChange(moves: number) {
  useEffect(() => {
    if (!moves) return;
    let frame = 0;
    let tries = 0;
    const focusHeading = () => {
      // Someone who has already moved on (started typing in the new screen, say) keeps their place.
      const active = document.activeElement;
      if (active && active !== document.body && !active.closest('.shell__nav')) return;
      const heading = document.querySelector<HTMLElement>('#main h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
        return;
      }
      // The screen may still be loading: look again on the next frames, for about two seconds.
      if (++tries < 120) frame = requestAnimationFrame(focusHeading);
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [moves]);
}

/** Tell main the person is here, at most every 20 seconds, so idle auto-lock measures them. */
function useActivityHeartbeat() {
  const last = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    const ping = () => {
      // A monotonic clock: only the gap between pings matters, not the date.
      const now = performance.now();
      if (now - last.current < 20_000) return;
      last.current = now;
      void window.api.invoke('session.activity', {});
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, ping, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, ping);
    };
  }, []);
}

export function UnlockedApp({ status, onStatus }: { status: SessionStatus; onStatus: (s: SessionStatus) => void }) {
  const [screen, setScreen] = useState<Screen>('dashboard');
  const [version, setVersion] = useState(0);
  const [moves, setMoves] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  useActivityHeartbeat();
  useFocusOnScreenChange(moves);

  const lockNow = () => void call('session.lock', {});
  useEffect(() => {
    // Ctrl+L (Cmd+L on a Mac) locks from anywhere, as the menu item does in the desktop app.
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lockNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const go = (next: Screen) => {
    setScreen(next);
    setMoves((n) => n + 1);
    setAnnouncement(`${SCREENS.find(([id]) => id === next)?.[1] ?? ''} screen`);
    // Settings may have changed the label, lists or durations, and whether the store is empty: reload for every screen.
    // The lists reload with the new screen at once, so it mounts (and reads its data) once, not again when the status comes back.
    setVersion((v) => v + 1);
    void call('session.status', {}).then(onStatus);
  };

  async function refresh() {
    onStatus(await call('session.status', {}));
    setVersion((v) => v + 1);
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <span className="shell__brand">DHR Tracker</span>
        <nav aria-label="Main" className="shell__nav">
          <ul>
            {SCREENS.map(([id, name]) => (
              <li key={id}>
                <button type="button" className="nav-link" aria-current={screen === id ? 'page' : undefined} onClick={() => go(id)}>
                  {name}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <span className="shell__file" title={status.file ?? ''}>
          {status.file?.split(/[\\/]/).pop()}
        </span>
        <button type="button" className="button button--secondary" onClick={lockNow} aria-keyshortcuts="Control+L">
          Lock now <kbd>Ctrl+L</kbd>
        </button>
      </header>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <main id="main" className="shell__main" tabIndex={-1}>
        <BackupOverdueBanner />
        <TodayProvider today={status.today}>
          <PartnershipProvider key={version} fallback={<p aria-live="polite">Loading…</p>}>
            <ScreenContent screen={screen} empty={status.empty} onChanged={() => void refresh()} />
          </PartnershipProvider>
        </TodayProvider>
      </main>
    </div>
  );
}

function ScreenContent({ screen, empty, onChanged }: { screen: Screen; empty: boolean; onChanged: () => void }) {
  switch (screen) {
    case 'dashboard':
      return <DashboardScreen empty={empty} onChanged={onChanged} />;
    case 'my-district':
      return <MyDistrictScreen />;
    case 'countywide':
      return <CountywideScreen />;
    case 'reviews':
      return <ReviewsScreen />;
    case 'recurring':
      return <RecurringScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'exchange':
      return <ExchangeScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
