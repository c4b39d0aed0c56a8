// The Followthrough hub's part of Sync settings: the hub's address, the coach token (kept by the
// platform like the webhook's secret, never in the database) and a connection test.
import { useEffect, useId, useState } from 'react';
import { platform } from '../../platform';
import { HUB_TOKEN_KEY, type SyncSettings } from '../../sync/settings';
import { testHubConnection } from '../../sync/service';
import { UpstreamUrlInput } from './upstream-url-input';

type HubConnector = Extract<SyncSettings['connector'], { kind: 'hub' }>;

export function useHubSettings(stored: SyncSettings) {
  const [url, setUrl] = useState(stored.connector.kind === 'hub' ? stored.connector.url : '');
  const [token, setToken] = useState('');
  const [tokenSaved, setTokenSaved] = useState<boolean | null>(null);
  useEffect(() => {
    void platform.getSecret({ key: HUB_TOKEN_KEY }).then((result) => setTokenSaved(result.ok && result.value !== null));
  }, []);

  return {
    url,
    setUrl,
    token,
    setToken,
    tokenSaved,
    savedAsHub: stored.connector.kind === 'hub',
    /** The settings to save; throws when there is no token to sync with. */
    connector(): HubConnector {
      if (!token.trim() && !tokenSaved) throw new Error('Paste the coach token you were given for the hub');
      return { kind: 'hub', url: url.trim() };
    },
    /** Stores a newly typed token through the platform; nothing to do when none was typed. */
    async saveToken(): Promise<void> {
      if (!token.trim()) return;
      const result = await platform.setSecret({ key: HUB_TOKEN_KEY, value: token.trim() });
      if (!result.ok) throw new Error(`The token could not be stored: ${result.error}`);
      setTokenSaved(true);
      setToken('');
    },
  };
}

type HubSettings = ReturnType<typeof useHubSettings>;

export function HubSettingsFields({ hub, desktop }: { hub: HubSettings; desktop: boolean }) {
  const id = useId();
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const test = async () => {
    setTesting(true);
    const answer = await testHubConnection();
    setTesting(false);
    setResult(answer.ok ? { ok: true, text: answer.value } : { ok: false, text: answer.error });
  };

  return (
    <div className="stack">
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-url`}>Hub address</label>
          <UpstreamUrlInput
            id={`${id}-url`}
            placeholder="https://hub.example.org"
            value={hub.url}
            onChange={hub.setUrl}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-token`}>Coach token</label>
          <input
            id={`${id}-token`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={hub.tokenSaved ? 'Saved; paste to replace' : 'fth_…'}
            value={hub.token}
            onChange={(event) => hub.setToken(event.target.value)}
          />
        </div>
      </div>
      <p className="field-hint">
        Two-way: your actions go to your organisation’s hub, and what a program manager marks done or verified there
        comes back into each action’s history.{' '}
        {desktop
          ? 'The token stays in the system keychain.'
          : 'The browser version keeps the token encrypted in this browser’s storage, under a key that cannot be read out.'}
      </p>
      <div className="row">
        <button type="button" disabled={!hub.savedAsHub || testing} onClick={() => void test()}>
          {testing ? 'Testing…' : 'Test connection'}
        </button>
        {result && (
          <span className={result.ok ? 'sync-message ok' : 'field-error'} role={result.ok ? 'status' : 'alert'}>
            {result.text}
          </span>
        )}
      </div>
    </div>
  );
}
