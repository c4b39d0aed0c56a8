// The hub token and the webhook's signing secret are kept together with the address they were
// entered for, and given to that address only. Sync settings changed any other way than by the
// coach entering the secret again (an old backup, a crafted one) cannot send the secret elsewhere.
import { z } from 'zod';
import type { PlatformApi } from '../../shared/ipc';
import { ok, type Result } from '../../shared/result';

type SecretStore = Pick<PlatformApi, 'getSecret' | 'setSecret'>;

/** A secret as sync may use it, one entered for another address, or none. */
export type SecretForAddress = { secret: string } | { enteredFor: string } | null;

const boundSecretSchema = z.object({ origin: z.string(), secret: z.string().min(1) });

export const originOf = (url: string) => new URL(url).origin;

function parseBound(stored: string): z.infer<typeof boundSecretSchema> | null {
  try {
    const parsed = boundSecretSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSecretFor(store: SecretStore, key: string, url: string, secret: string): Promise<Result<boolean>> {
  return store.setSecret({ key, value: JSON.stringify({ origin: originOf(url), secret }) });
}

/**
 * The secret stored under `key` if it was entered for `url`'s origin. One kept before secrets were
 * bound to an address is bound now to `url`, the address sync is set to use.
 */
export async function readSecretFor(store: SecretStore, key: string, url: string): Promise<Result<SecretForAddress>> {
  const stored = await store.getSecret({ key });
  if (!stored.ok) return stored;
  if (stored.value === null) return ok(null);
  const bound = parseBound(stored.value);
  if (!bound) {
    const saved = await saveSecretFor(store, key, url, stored.value);
    return saved.ok ? ok({ secret: stored.value }) : saved;
  }
  return ok(bound.origin === originOf(url) ? { secret: bound.secret } : { enteredFor: bound.origin });
}

/**
 * The origin the secret under `key` is kept for, for the settings form; one kept before secrets
 * were bound counts as kept for `savedUrl`, the address it was saved with. Null when there is none.
 */
export async function readSecretOrigin(
  store: SecretStore,
  key: string,
  savedUrl: string | null,
): Promise<string | null> {
  const stored = await store.getSecret({ key });
  if (!stored.ok || stored.value === null) return null;
  const bound = parseBound(stored.value);
  if (bound) return bound.origin;
  return savedUrl === null ? null : originOf(savedUrl);
}

/** The settings form's check when no new secret was typed: null when the one kept serves `url`. */
export function keptSecretProblem(keptFor: string, url: string, what: string): string | null {
  let origin: string;
  try {
    origin = originOf(url);
  } catch {
    return null;
  }
  return origin === keptFor ? null : `Enter ${what} for this address: the saved one is kept for ${keptFor} only`;
}
