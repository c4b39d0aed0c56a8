// The hub token and the webhook's signing secret are given to the address they were entered for
// only: sync settings that now name another address (an old or crafted backup, a hand edit) find
// no secret to send there, and the settings form asks for the new address's secret.
import { describe, expect, it } from 'vitest';
import { createWebSecretStore } from '../../../renderer/platform/web-secret-store';
import { keptSecretProblem, readSecretFor, readSecretOrigin, saveSecretFor } from '../../../renderer/sync/secrets';
import { HUB_TOKEN_KEY } from '../../../renderer/sync/settings';

function secretStore() {
  const store = createWebSecretStore(`secrets-${crypto.randomUUID()}`);
  return {
    getSecret: ({ key }: { key: string }) => store.getSecret(key),
    setSecret: ({ key, value }: { key: string; value: string | null }) => store.setSecret(key, value),
  };
}

describe('a secret kept for the address it was entered for', () => {
  it('is given to that address, whatever the path, and to no other', async () => {
    const store = secretStore();
    await saveSecretFor(store, HUB_TOKEN_KEY, 'https://hub.northwind.example/coaching', 'fth_token');
    await expect(readSecretFor(store, HUB_TOKEN_KEY, 'https://hub.northwind.example')).resolves.toEqual({
      ok: true,
      value: { secret: 'fth_token' },
    });
    for (const elsewhere of [
      'https://collector.attacker.example',
      'http://hub.northwind.example',
      'https://hub.northwind.example:8443',
    ]) {
      await expect(readSecretFor(store, HUB_TOKEN_KEY, elsewhere)).resolves.toEqual({
        ok: true,
        value: { enteredFor: 'https://hub.northwind.example' },
      });
    }
  });

  it('binds a secret kept before secrets had an address to the address sync uses now', async () => {
    const store = secretStore();
    await store.setSecret({ key: HUB_TOKEN_KEY, value: 'fth_older_token' });
    expect(await readSecretOrigin(store, HUB_TOKEN_KEY, 'https://hub.northwind.example')).toBe(
      'https://hub.northwind.example',
    );
    await expect(readSecretFor(store, HUB_TOKEN_KEY, 'https://hub.northwind.example')).resolves.toEqual({
      ok: true,
      value: { secret: 'fth_older_token' },
    });
    await expect(readSecretFor(store, HUB_TOKEN_KEY, 'https://collector.attacker.example')).resolves.toEqual({
      ok: true,
      value: { enteredFor: 'https://hub.northwind.example' },
    });
  });

  it('is none when nothing was saved', async () => {
    const store = secretStore();
    await expect(readSecretFor(store, HUB_TOKEN_KEY, 'https://hub.northwind.example')).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(await readSecretOrigin(store, HUB_TOKEN_KEY, 'https://hub.northwind.example')).toBeNull();
  });

  it('makes the settings form ask for the new address’s secret when the address changes', () => {
    expect(
      keptSecretProblem('https://hooks.example.com', 'https://hooks.example.com/catch/2', 'a signing secret'),
    ).toBeNull();
    expect(keptSecretProblem('https://hooks.example.com', 'https://hooks.other.example/x', 'a signing secret')).toBe(
      'Enter a signing secret for this address: the saved one is kept for https://hooks.example.com only',
    );
  });
});
