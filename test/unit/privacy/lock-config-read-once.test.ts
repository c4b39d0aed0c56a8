// The lock's settings are read once at start: main.tsx loads them into the lock store, which hands
// them to the data key's opening and the lock gate alike.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPasscode } from '../../../renderer/features/lock/passcode';
import { database, repositories } from '../../../renderer/db/instance';
import { writeLockConfig } from '../../../renderer/features/lock/lock-config';
import { loadLock, useLock } from '../../../renderer/features/lock/lock-store';
import { sourceFiles } from '../../support/source-files';

afterEach(async () => {
  await database.delete();
});

describe('the lock settings at start', () => {
  it('are read once and given back to the start-up code', async () => {
    const config = { passcode: await hashPasscode('correct horse', 100_000), idleMinutes: 5, hideContent: true };
    await writeLockConfig(repositories.settings, config);
    expect(await loadLock()).toEqual(config);
    expect(useLock.getState()).toMatchObject({ status: 'locked', config });
  });

  it('have one reader, the lock store, and one caller of it, main.tsx', () => {
    const callers = (name: string) =>
      sourceFiles('renderer').filter((file) => new RegExp(`\\b${name}\\(`).test(readFileSync(file, 'utf8')));
    expect(callers('readLockConfig')).toEqual([
      'renderer/features/lock/lock-config.ts',
      'renderer/features/lock/lock-store.ts',
    ]);
    expect(callers('loadLock')).toEqual(['renderer/features/lock/lock-store.ts', 'renderer/main.tsx']);
  });
});
