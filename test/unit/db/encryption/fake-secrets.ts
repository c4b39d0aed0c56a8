// The platform's secret store as the data key uses it, in memory; `keychain: false` is a computer
// where it cannot keep a secret safely (Linux without a keyring), as the real stores then answer.
import type { ProtectionDeps } from '../../../../renderer/db/encryption/data-protection';

export function fakeSecrets({ keychain = true } = {}) {
  const held = new Map<string, string>();
  const secrets: ProtectionDeps['secrets'] = {
    getSecret: async ({ key }) => ({ ok: true, value: held.get(key) ?? null }),
    setSecret: async ({ key, value }) => {
      if (!keychain) return { ok: false, error: 'Secrets cannot be stored safely: no system keyring is running' };
      if (value === null) held.delete(key);
      else held.set(key, value);
      return { ok: true, value: true };
    },
  };
  return { secrets, held };
}
