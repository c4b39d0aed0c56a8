// Where sync goes and when: the connector (webhook, file drop or Followthrough hub), the webhook's address and
// signing secret (kept by the platform: in the OS keychain, or encrypted in the browser's own store;
// never in the database), the weekly slot, and a test event to prove the connection before real
// data goes out.
import { memo, useEffect, useId, useState } from 'react';
import { CheckField } from '../../components/fields';
// eslint-disable-next-line no-restricted-imports -- handed to the sync settings (renderer/sync), which own this write
import { database } from '../../db/instance';
import { platform } from '../../platform';
import { useDesktop } from '../../platform/use-desktop';
import { errorMessage } from '../../../shared/result';
import { CLEARTEXT_UPSTREAM_MESSAGE } from '../../../shared/upstream-url';
import { WEBHOOK_SECRET_KEY, savedSyncSettingsSchema, writeSyncSettings, type SyncSettings } from '../../sync/settings';
import { typedTime, weeklyScheduleSchema } from '../../sync/schedule';
import { keptSecretProblem, originOf, readSecretOrigin, saveSecretFor } from '../../sync/secrets';
import { sendWebhookTestEvent } from '../../sync/service';
import { useSyncStatus } from '../../sync/sync-status';
import { FileDropFolderField } from './file-drop-folder';
import { HubSettingsFields, useHubSettings } from './hub-settings-fields';
import { UpstreamUrlField } from './upstream-url-input';

type Kind = SyncSettings['connector']['kind'];
type Message = { tone: 'ok' | 'error'; text: string } | null;

const kindLabels: Record<Kind, string> = {
  off: 'Off',
  webhook: 'Webhook (Zapier, Make, n8n, Power Automate…)',
  'file-drop': 'File drop (CSV and JSON Lines)',
  hub: 'Followthrough hub (two-way, run by your organisation)',
};
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Problems read as one sentence: all but the first start in lower case. */
const continuedAfterFirst = (problem: string, index: number) =>
  index === 0 ? problem : `${problem[0].toLowerCase()}${problem.slice(1)}`;

/**
 * Names the upstream to the desktop app, the only address it will then connect to; a new one needs
 * the coach's yes in a dialog of the app itself. Throws, so nothing is saved, when they say no.
 */
async function allowUpstream(url: string | null): Promise<void> {
  const answer = await platform.allowUpstream({ url });
  if (!answer.ok) throw new Error(`The address could not be allowed: ${answer.error}`);
  if (!answer.value.allowed) {
    throw new Error(`Not saved: Followthrough connects to ${new URL(url ?? '').host} only once you allow it`);
  }
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `whsec_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

function useSecretState(savedUrl: string | null) {
  /** The address the saved signing secret was entered for. */
  const [keptFor, setKeptFor] = useState<string | null>(null);
  const desktop = useDesktop();
  useEffect(() => {
    void readSecretOrigin(platform, WEBHOOK_SECRET_KEY, savedUrl).then(setKeptFor);
  }, [savedUrl]);
  return { saved: keptFor !== null, keptFor, setKeptFor, desktop };
}

export const SyncSettingsSection = memo(function SyncSettingsSection({ stored }: { stored: SyncSettings }) {
  const id = useId();
  const [kind, setKind] = useState<Kind>(stored.connector.kind);
  const [url, setUrl] = useState(stored.connector.kind === 'webhook' ? stored.connector.url : '');
  const [schedule, setSchedule] = useState(stored.schedule);
  const [secret, setSecret] = useState('');
  const [showSecret, setShowSecret] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [testing, setTesting] = useState(false);
  const secretState = useSecretState(stored.connector.kind === 'webhook' ? stored.connector.url : null);
  const hub = useHubSettings(stored);

  const save = async () => {
    try {
      const connector = kind === 'webhook' ? { kind, url: url.trim() } : kind === 'hub' ? hub.connector() : { kind };
      const typed = typedTime(schedule.time);
      // While the weekly sync is off its time does not matter: one that is no time keeps the saved one.
      const keepsSaved = !schedule.enabled && !weeklyScheduleSchema.shape.time.safeParse(typed).success;
      const chosen = { ...schedule, time: keepsSaved ? stored.schedule.time : typed };
      setSchedule(chosen);
      const checked = savedSyncSettingsSchema.safeParse({ connector, schedule: chosen });
      // The address's own problem is already worded next to it.
      const problems = checked.success
        ? []
        : checked.error.issues.map((issue) =>
            issue.message === CLEARTEXT_UPSTREAM_MESSAGE
              ? 'The address needs https://, as said under it'
              : issue.message,
          );
      if (kind === 'webhook' && !secret) {
        const secretProblem =
          secretState.keptFor === null
            ? 'Add a signing secret, or generate one'
            : keptSecretProblem(secretState.keptFor, url.trim(), 'a signing secret');
        if (secretProblem) problems.push(secretProblem);
      }
      if (problems.length > 0) throw new Error(problems.map(continuedAfterFirst).join('; '));
      await allowUpstream(kind === 'webhook' ? url.trim() : kind === 'hub' ? hub.url.trim() : null);
      await writeSyncSettings(database, { connector, schedule: chosen } as SyncSettings);
      // What the last sync said was about the settings before.
      useSyncStatus.setState({ last: null });
      if (kind === 'hub') await hub.saveToken();
      if (kind === 'webhook' && secret) {
        const stored = await saveSecretFor(platform, WEBHOOK_SECRET_KEY, url.trim(), secret);
        if (!stored.ok) throw new Error(`The secret could not be stored: ${stored.error}`);
        secretState.setKeptFor(originOf(url.trim()));
        setSecret('');
        setShowSecret(false);
      }
      setMessage({ tone: 'ok', text: 'Sync settings saved' });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };

  /** The receiving side needs the same secret: copied before saving, it is never shown again. */
  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setMessage({ tone: 'ok', text: 'Signing secret copied: give it to the receiving side, then save' });
    } catch (error) {
      setMessage({
        tone: 'error',
        text: `The secret could not be copied (${errorMessage(error)}): select it and copy it`,
      });
    }
  };

  const test = async () => {
    setTesting(true);
    const result = await sendWebhookTestEvent();
    setTesting(false);
    setMessage(
      result.ok ? { tone: 'ok', text: `Test event delivered. ${result.value}` } : { tone: 'error', text: result.error },
    );
  };

  const savedWebhook = stored.connector.kind === 'webhook';
  return (
    <form
      className="card stack"
      aria-label="Sync settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>Sync settings</h2>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Send actions to</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as Kind);
            setMessage(null);
          }}
        >
          {(Object.keys(kindLabels) as Kind[]).map((option) => (
            <option key={option} value={option}>
              {kindLabels[option]}
            </option>
          ))}
        </select>
      </div>

      {kind === 'webhook' && (
        <div className="grid-2">
          <UpstreamUrlField
            label="Webhook URL"
            placeholder="https://hooks.zapier.com/hooks/catch/…"
            value={url}
            onValue={setUrl}
          />
          <div className="field">
            <label htmlFor={`${id}-secret`}>Signing secret</label>
            <div className="row sync-secret-row">
              <input
                id={`${id}-secret`}
                type={showSecret ? 'text' : 'password'}
                autoComplete="off"
                placeholder={secretState.saved ? 'Saved; type to replace' : 'Shared with the receiving side'}
                value={secret}
                onChange={(event) => setSecret(event.target.value)}
              />
              <button
                type="button"
                onClick={() => {
                  setSecret(randomSecret());
                  setShowSecret(true);
                }}
              >
                Generate
              </button>
              {secret && (
                <button type="button" onClick={() => void copySecret()}>
                  Copy
                </button>
              )}
            </div>
            <p className="field-hint">
              {secretState.desktop
                ? 'Kept in the system keychain, never in the app’s data.'
                : 'The browser version keeps it encrypted in this browser’s storage, under a key that cannot be read out.'}{' '}
              Give the receiving side the same secret to check signatures.
            </p>
          </div>
        </div>
      )}
      {kind === 'hub' && <HubSettingsFields hub={hub} desktop={secretState.desktop} />}
      {kind === 'file-drop' && <FileDropFolderField />}

      <fieldset className="choice-group sync-schedule">
        <legend>Weekly sync</legend>
        <CheckField
          className="row"
          checked={schedule.enabled}
          onChange={(enabled) => setSchedule({ ...schedule, enabled })}
        >
          Sync every week
        </CheckField>
        <div className="row">
          <select
            aria-label="Day of the weekly sync"
            value={schedule.weekday}
            disabled={!schedule.enabled}
            onChange={(event) => setSchedule({ ...schedule, weekday: Number(event.target.value) })}
          >
            {weekdays.map((day, index) => (
              <option key={day} value={index}>
                {day}
              </option>
            ))}
          </select>
          {/* Typed as 24-hour time like every time in the app; the browser's time control would follow its locale (04:00 PM). */}
          <input
            dir="auto"
            autoComplete="off"
            className="sync-time"
            inputMode="numeric"
            placeholder="16:00"
            maxLength={5}
            aria-label="Time of the weekly sync, 24-hour"
            value={schedule.time}
            disabled={!schedule.enabled}
            onChange={(event) => setSchedule({ ...schedule, time: event.target.value })}
          />
        </div>
        <p className="field-hint">A sync missed while the app was closed runs when it next starts.</p>
      </fieldset>

      {message && (
        <p
          className={message.tone === 'ok' ? 'sync-message ok' : 'field-error'}
          role={message.tone === 'ok' ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          Save sync settings
        </button>
        {kind === 'webhook' && (
          <button type="button" disabled={!savedWebhook || testing} onClick={() => void test()}>
            {testing ? 'Sending…' : 'Send test event'}
          </button>
        )}
      </div>
    </form>
  );
});
