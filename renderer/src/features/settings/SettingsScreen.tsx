import { useCallback, useEffect, useState } from 'react';
import type { PartnershipLists } from '../../../../shared/ipc/partnership-schemas.ts';
import type { StatusColours } from '../../../../shared/ipc/progress-schemas.ts';
import type { AppSettings } from '../../../../shared/ipc/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { call, errorMessage } from '../../app/api-client.ts';
import { usePartnership } from '../../app/partnership-context.tsx';
import { AgenciesSection } from './AgenciesSection.tsx';
import { BackupsSection } from './BackupsSection.tsx';
import { ChangePassphraseSection } from './ChangePassphraseSection.tsx';
import { DistrictsSection } from './DistrictsSection.tsx';
import { PartnershipSettingsForm } from './PartnershipSettingsForm.tsx';
import { StatusColoursSection } from './StatusColoursSection.tsx';
import { ThemesSection } from './ThemesSection.tsx';
import './settings.css';

type Part = 'settings' | 'districts' | 'agencies' | 'themes' | 'statuses';

const CONTENTS: ReadonlyArray<[id: string, words: string]> = [
  ['partnership-heading', 'Partnership'],
  ['details-heading', 'Your details'],
  ['security-heading', 'Security'],
  ['passphrase-heading', 'Change passphrase'],
  ['backups-heading', 'Backups'],
  ['districts-heading', 'Districts'],
  ['agencies-heading', 'Agencies'],
  ['themes-heading', 'Themes'],
  ['status-colours-heading', 'Status colours'],
];

/**
 * Partnership settings: the partnership's name, review label, protective
 * marking and stage durations; who you are in the audit log; auto-lock;
 * the districts, agencies and themes lists; and the status colours.
 */
export function SettingsScreen() {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [lists, setLists] = useState<PartnershipLists | null>(null);
  const [statuses, setStatuses] = useState<StatusColours | null>(null);
  const partnership = usePartnership();
  const [error, setError] = useState<string | null>(null);
  // One success message at a time, shown in the part of the screen that made it.
  const [notice, setNotice] = useState<{ part: Part; text: string } | null>(null);

  useEffect(() => {
    Promise.all([call('settings.get', {}), call('partnership.lists', {}), call('statuses.list', {})]).then(
      ([s, l, st]) => {
        setSettings(s);
        setLists(l);
        setStatuses(st);
      },
      (e) => setError(errorMessage(e)),
    );
  }, []);

  const reload = useCallback(async () => {
    try {
      setLists(await call('partnership.lists', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  const part = (p: Part) => ({
    notice: notice?.part === p ? notice.text : null,
    onNotice: (text: string | null) => setNotice((n) => (text ? { part: p, text } : n?.part === p ? null : n)),
  });

  return (
    <div className="settings">
      <h1>Settings</h1>
      <p className="lead">
        Set up your partnership: its name and review label, its districts, agencies and themes, how long each stage should take, and the colours of its status
        key.
      </p>
      {error ? <Alert title="Settings could not be shown">{error}</Alert> : null}
      {settings && lists && statuses ? (
        <>
          <nav aria-label="On this page" className="settings-contents">
            <ul>
              {CONTENTS.map(([id, words]) => (
                <li key={id}>
                  <a href={`#${id}`}>{words}</a>
                </li>
              ))}
            </ul>
          </nav>
          <PartnershipSettingsForm settings={settings} onSaved={setSettings} {...part('settings')} />
          <ChangePassphraseSection />
          <BackupsSection />
          <DistrictsSection districts={lists.districts} onChanged={reload} {...part('districts')} />
          <AgenciesSection agencies={lists.agencies} onChanged={reload} {...part('agencies')} />
          <ThemesSection themes={lists.themes} onChanged={reload} {...part('themes')} />
          <StatusColoursSection
            statuses={statuses}
            onSaved={async (list) => {
              setStatuses(list);
              // Every status shown from now on, on any screen, uses the new colour.
              await partnership.reload();
            }}
            {...part('statuses')}
          />
        </>
      ) : error ? null : (
        <p aria-live="polite">Loading settings…</p>
      )}
    </div>
  );
}
