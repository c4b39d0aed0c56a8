// Settings → Reminders: turn notifications on (the browser asks for permission only then), choose
// which kinds to raise and the quiet hours. When the system or the browser blocks notifications,
// says where to allow them; the app works the same without.
import { useEffect, useId, useState } from 'react';
import { CheckField } from '../../components/fields';
import { useLiveQuery } from 'dexie-react-hooks';
import type { NotificationPermission } from '../../../shared/ipc';
import { repositories } from '../../db/instance';
import { platform } from '../../platform';
import { useDesktop } from '../../platform/use-desktop';
import {
  quietHoursSchema,
  readReminderSettings,
  updateReminderSettings,
  type QuietHours,
  type ReminderKind,
  type ReminderSettings,
} from '../../reminders/reminder-settings';
import { SESSION_SOON_MINUTES } from '../../reminders/due-reminders';
import './reminders.css';

const kindLabels: Record<ReminderKind, string> = {
  'session-soon': `A planned session starts in ${SESSION_SOON_MINUTES} minutes`,
  'actions-due': 'Actions are due today (one reminder with the count)',
  'no-action-yet': 'A session held yesterday has no action yet (the 24-hour rule)',
};

const save = (change: (current: ReminderSettings) => ReminderSettings) =>
  void updateReminderSettings(repositories.settings, change);

/** Where the coach can allow notifications, in plain words for the platform the app runs on. */
function blockedText(permission: NotificationPermission, desktop: boolean): string | null {
  if (permission === 'unsupported') {
    return desktop
      ? 'This system cannot show desktop notifications, so no reminder will pop up. Today still lists what is due.'
      : 'This browser cannot show notifications, so no reminder will pop up. Today still lists what is due.';
  }
  if (permission === 'denied') {
    return 'Your browser blocks notifications from Followthrough. To allow them, click the icon at the left of the address bar (the padlock or the site settings), set Notifications to Allow, then reload the page. Until then Today still lists what is due.';
  }
  return null;
}

function Permission({ settings }: { settings: ReminderSettings }) {
  const [permission, setPermission] = useState<NotificationPermission | null>(null);
  const desktop = useDesktop();
  useEffect(() => {
    void platform
      .notificationPermission({ ask: false })
      .then((result) => setPermission(result.ok ? result.value : 'unsupported'));
  }, []);
  if (permission === null) return null;

  const turnOn = async () => {
    const result = await platform.notificationPermission({ ask: true });
    const answer = result.ok ? result.value : 'unsupported';
    setPermission(answer);
    if (answer === 'granted') save((current) => ({ ...current, enabled: true }));
  };
  const blocked = blockedText(permission, desktop);
  return (
    <div className="stack reminder-permission">
      {settings.enabled && permission === 'granted' ? (
        <div className="row">
          <span className="badge ok">Reminders are on</span>
          <button type="button" onClick={() => save((current) => ({ ...current, enabled: false }))}>
            Turn off reminders
          </button>
        </div>
      ) : (
        <div className="row">
          <span className="badge">Reminders are off</span>
          {permission !== 'unsupported' && permission !== 'denied' && (
            <button type="button" className="primary" onClick={() => void turnOn()}>
              Turn on reminders
            </button>
          )}
        </div>
      )}
      {blocked && (
        <p className="notice warn" role="status">
          {blocked}
        </p>
      )}
      {desktop && permission === 'granted' && (
        <p className="field-hint">
          If none appear, allow notifications for Followthrough in your system’s notification settings.
        </p>
      )}
    </div>
  );
}

function TimeField(props: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="time"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-message` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.error && (
        <p id={`${id}-message`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** What the coach types stays on screen; it is saved once it is a valid pair of times. */
function QuietHoursFields({ stored }: { stored: QuietHours }) {
  const [draft, setDraft] = useState(stored);
  const [errors, setErrors] = useState<Partial<Record<'from' | 'to', string>>>({});
  const change = (next: QuietHours) => {
    setDraft(next);
    const parsed = quietHoursSchema.safeParse(next);
    if (!parsed.success) {
      const fieldErrors: Partial<Record<'from' | 'to', string>> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as 'from' | 'to'] ??= issue.message;
      setErrors(fieldErrors);
      return;
    }
    setErrors({});
    save((current) => ({ ...current, quietHours: parsed.data }));
  };
  return (
    <fieldset className="choice-group reminder-group">
      <legend>Quiet hours</legend>
      <CheckField checked={draft.enabled} onChange={(enabled) => change({ ...draft, enabled })}>
        No reminder between these times (the night, when From is later than To)
      </CheckField>
      <div className="grid-2 quiet-hours">
        <TimeField
          label="From"
          value={draft.from}
          error={errors.from}
          onChange={(from) => change({ ...draft, from })}
        />
        <TimeField label="To" value={draft.to} error={errors.to} onChange={(to) => change({ ...draft, to })} />
      </div>
    </fieldset>
  );
}

export function RemindersSection() {
  const settings = useLiveQuery(() => readReminderSettings(repositories.settings), []);
  return (
    <section className="card stack" aria-label="Reminders">
      <div className="section-title">
        <h2>Reminders</h2>
        <span className="muted">Names, times and counts only, never what was said; no names while locked.</span>
      </div>
      {settings && (
        <>
          <Permission settings={settings} />
          <fieldset className="choice-group reminder-group">
            <legend>Remind me when</legend>
            {(Object.keys(kindLabels) as ReminderKind[]).map((kind) => (
              <CheckField
                key={kind}
                checked={settings.kinds[kind]}
                onChange={(on) => save((current) => ({ ...current, kinds: { ...current.kinds, [kind]: on } }))}
              >
                {kindLabels[kind]}
              </CheckField>
            ))}
          </fieldset>
          <QuietHoursFields stored={settings.quietHours} />
        </>
      )}
    </section>
  );
}
