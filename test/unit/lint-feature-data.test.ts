// Features read and write through the repositories: the lint rule refuses the Dexie database object
// anywhere under renderer/features/, and keeps the process boundary there too.
import { describe, expect, it } from 'vitest';
import { lintMessages } from '../support/lint-messages';

const restrictedImportMessages = (filePath: string, code: string) =>
  lintMessages('no-restricted-imports', filePath, code);

describe('the feature data lint rule', () => {
  it.each([
    ['renderer/features/x/page.tsx', "import { database } from '../../db/instance';\nvoid database;\n"],
    [
      'renderer/features/x/page.tsx',
      "import { database, repositories } from '../../db/instance';\nvoid [database, repositories];\n",
    ],
    [
      'renderer/features/x/read.ts',
      "import type { FollowthroughDatabase } from '../../db/database';\nexport type D = FollowthroughDatabase;\n",
    ],
    [
      'renderer/features/x/read.ts',
      "import { FollowthroughDatabase } from '../../db/database';\nvoid FollowthroughDatabase;\n",
    ],
  ])('refuses the database object in %s', async (file, code) => {
    const messages = await restrictedImportMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/through the repositories/);
  });

  it('still refuses Node and Electron in a feature', async () => {
    expect(
      await restrictedImportMessages('renderer/features/x.ts', "import { readFile } from 'node:fs';\nvoid readFile;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImportMessages('renderer/features/x.ts', "import { app } from 'electron';\nvoid app;\n"),
    ).toHaveLength(1);
  });

  it('lets a feature use the repositories and the schema constants', async () => {
    const code =
      "import { repositories } from '../../db/instance';\n" +
      "import { CURRENT_SCHEMA_VERSION } from '../../db/database';\n" +
      'void [repositories, CURRENT_SCHEMA_VERSION];\n';
    expect(await restrictedImportMessages('renderer/features/x/page.tsx', code)).toEqual([]);
  });

  it('lets the data layer and the services below the features hold the database', async () => {
    const code = "import { database } from './instance';\nvoid database;\n";
    expect(await restrictedImportMessages('renderer/db/x.ts', code)).toEqual([]);
    const service =
      "import type { FollowthroughDatabase } from '../db/database';\nexport type D = FollowthroughDatabase;\n";
    expect(await restrictedImportMessages('renderer/sync/x.ts', service)).toEqual([]);
  });
});
