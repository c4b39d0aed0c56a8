// The Followthrough hub's part of Sync settings: the hub's address, the coach token (kept by the
// platform like the webhook's secret, never in the database) and a connection test.
import { useEffect, useId, useState } from 'react';
import { platform } from '../../platform';
import { HUB_TOKEN_KEY, type SyncSettings } from '../../sync/settings';
import { keptSecretProblem, originOf, readSecretOrigin, saveSecretFor } from '../../sync/secrets';
import { testHubConnection } from '../../sync/service';
import { UpstreamUrlField } from './upstream-url-input';

type HubConnector = Extract<SyncSettings['connector'], { kind: 'hub' }>;

export function useHubSettings(stored: SyncSettings) {
  const savedUrl = stored.connector.kind === 'hub' ? stored.connector.url : null;
  const [url, setUrl] = useState(savedUrl ?? '');
  const [token, setToken] = useState('');
  /** The hub the saved token was entered for. */
  const [tokenKeptFor, setTokenKeptFor] = useState<string | null>(null);
  useEffect(() => {
    void readSecretOrigin(platform, HUB_TOKEN_KEY, savedUrl).then(setTokenKeptFor);
  }, [savedUrl]);

  return {
    url,
    setUrl,
    token,
    setToken,
    tokenSaved: tokenKeptFor !== null,
    savedAsHub: stored.connector.kind === 'hub',
    /** The settings to save; throws when there is no token for this hub to sync with. */
    connector(): HubConnector {
      if (!token.trim()) {
        if (tokenKeptFor === null) throw new Error('Paste the coach token you were given for the hub');
        const problem = keptSecretProblem(tokenKeptFor, url.trim(), 'the coach token you were given');
        if (problem) throw new Error(problem);
      }
      return { kind: 'hub', url: url.trim() };
    },
    /** Stores a newly typed token for the hub saved; nothing to do when none was typed. */
    async saveToken(): Promise<void> {
      if (!token.trim()) return;
      const result = await saveSecretFor(platform, HUB_TOKEN_KEY, url.trim(), token.trim());
      if (!result.ok) throw new Error(`The token could not be stored: ${result.error}`);
      setTokenKeptFor(originOf(url.trim()));
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
        <UpstreamUrlField
          label="Hub address"
          placeholder="https://hub.example.org"
          value={hub.url}
          onValue={hub.setUrl}
        />
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
