import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { format } from 'date-fns';
import { repositories } from '../../db/instance';
import { CoachSection } from '../coach/coach-section';
import { TemplatesSettings } from '../documents/templates-settings';
import { setTheme, storedTheme, themeChoices, type ThemeChoice } from '../../theme';
import { TRASH_RETENTION_DAYS } from '../../db/trash';
import { BackupsSection } from '../privacy/backups-section';
import { RetentionSection } from '../privacy/retention-section';
import { LockSection } from '../lock/lock-section';
import { RemindersSection } from './reminders-section';

const themeLabels: Record<ThemeChoice, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

function Appearance() {
  const [theme, choose] = useState(storedTheme);
  return (
    <section className="card stack" aria-label="Appearance">
      <h2>Appearance</h2>
      <div className="segmented" role="radiogroup" aria-label="Theme">
        {themeChoices.map((choice) => (
          <label key={choice} className={theme === choice ? 'selected' : undefined}>
            <input
              type="radio"
              name="theme"
              checked={theme === choice}
              onChange={() => {
                setTheme(choice);
                choose(choice);
              }}
            />
            {themeLabels[choice]}
          </label>
        ))}
      </div>
    </section>
  );
}

function Trash() {
  const items = useLiveQuery(() => repositories.trash.list(), []);
  return (
    <section className="card stack" aria-label="Trash">
      <div className="section-title">
        <h2>Trash</h2>
        <span className="muted">Deleted sessions and actions are kept {TRASH_RETENTION_DAYS} days, then removed.</span>
      </div>
      {items?.length === 0 ? (
        <p className="muted">The trash is empty.</p>
      ) : (
        <ul className="plain-list">
          {items?.map((item) => (
            <li key={`${item.kind}:${item.id}`}>
              <span>
                <span className="badge">{item.kind === 'session' ? 'Session' : 'Action'}</span> <bdi>{item.title}</bdi>
              </span>
              <span className="row">
                <span className="muted">deleted {format(item.deletedAt, 'd MMM HH:mm')}</span>
                <button
                  type="button"
                  onClick={() =>
                    void (item.kind === 'session'
                      ? repositories.trash.restoreSession(item.id)
                      : repositories.trash.restoreAction(item.id))
                  }
                >
                  Restore
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SettingsPage() {
  return (
    <>
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <div className="settings-stack">
        <CoachSection />
        <Appearance />
        <RemindersSection />
        <BackupsSection />
        <RetentionSection />
        <LockSection />
        <TemplatesSettings />
        <Trash />
      </div>
    </>
  );
}
