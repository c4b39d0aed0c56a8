import { describe, expect, it } from 'vitest';
import { lintMessages } from '../support/lint-messages';

const restrictedImportMessages = (filePath: string, code: string) =>
  lintMessages('no-restricted-imports', filePath, code);

describe('the process-boundary lint rule', () => {
  it.each([
    ['renderer/features/x.ts', "import { readFile } from 'node:fs';\nvoid readFile;\n"],
    ['renderer/features/x.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n"],
    ['shared/x.ts', "import { join } from 'node:path';\nvoid join;\n"],
    ['shared/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['renderer/x.ts', "import { harden } from '../electron/window';\nvoid harden;\n"],
  ])('refuses a forbidden import in %s', async (file, code) => {
    expect(await restrictedImportMessages(file, code)).toHaveLength(1);
  });

  it('lets the main process import Node and Electron', async () => {
    const code = "import { app } from 'electron';\nimport { join } from 'node:path';\nvoid app;\nvoid join;\n";
    expect(await restrictedImportMessages('electron/main.ts', code)).toEqual([]);
  });

  it('lets the renderer import shared code', async () => {
    const code = "import { channels } from '../shared/ipc';\nvoid channels;\n";
    expect(await restrictedImportMessages('renderer/x.ts', code)).toEqual([]);
  });
});

describe('the hub-boundary lint rule', () => {
  it.each([
    ["import { toCsv } from '../../renderer/documents/write-csv';\nvoid toCsv;\n"],
    ["import { db } from '../renderer';\nvoid db;\n"],
    ["import { harden } from '../../electron/window';\nvoid harden;\n"],
    ["import { app } from 'electron';\nvoid app;\n"],
  ])('refuses a server/ import of the desktop app: %s', async (code) => {
    expect(await restrictedImportMessages('server/http/x.ts', code)).toHaveLength(1);
  });

  it('lets the hub import shared code and Node', async () => {
    const code =
      "import { toCsv } from '../../shared/csv';\nimport { join } from 'node:path';\nvoid toCsv;\nvoid join;\n";
    expect(await restrictedImportMessages('server/http/x.ts', code)).toEqual([]);
  });
});

describe('the folder layers of the renderer', () => {
  it.each([
    ['renderer/sync/engine.ts', "import { runWithout } from '../privacy/erase-participant';\nvoid runWithout;\n"],
    ['renderer/sync/connectors/hub.ts', "import { consent } from '../../privacy/consent';\nvoid consent;\n"],
    ['renderer/db/outbox.ts', "import { HELD } from '../sync/sharing';\nvoid HELD;\n"],
    ['renderer/db/outbox.ts', "import { erase } from '../privacy/erase-participant';\nvoid erase;\n"],
  ])('refuses an import that would close a folder cycle in %s', async (file, code) => {
    expect(await restrictedImportMessages(file, code)).toHaveLength(1);
  });

  it('keeps the process boundary in those folders', async () => {
    const code = "import { readFile } from 'node:fs';\nvoid readFile;\n";
    expect(await restrictedImportMessages('renderer/sync/engine.ts', code)).toHaveLength(1);
  });

  it('lets privacy use sync and sync use the data layer', async () => {
    expect(
      await restrictedImportMessages('renderer/privacy/x.ts', "import { a } from '../sync/run-log';\nvoid a;\n"),
    ).toEqual([]);
    expect(
      await restrictedImportMessages('renderer/sync/x.ts', "import { b } from '../db/outbox';\nvoid b;\n"),
    ).toEqual([]);
  });
});

describe('the length of functions in renderer/sync', () => {
  it('refuses a function over 120 lines', async () => {
    const long = `export function long(): number {\n  let n = 0;\n${'  n += 1;\n'.repeat(120)}  return n;\n}\n`;
    expect(await lintMessages('max-lines-per-function', 'renderer/sync/long.ts', long)).toHaveLength(1);
    expect(await lintMessages('max-lines-per-function', 'renderer/features/long.ts', long)).toEqual([]);
  });
});

describe('the sealing layer and Dexie zone promises', () => {
  const messages = (code: string) => lintMessages('no-restricted-properties', 'renderer/db/encryption/x.ts', code);

  it('refuses Promise.all where it runs inside transactions', async () => {
    const code = 'export const both = (a: Promise<number>, b: Promise<number>) => Promise.all([a, b]);\n';
    expect(await messages(code)).toHaveLength(1);
  });

  it('leaves Promise.all alone elsewhere in the data layer', async () => {
    const code = 'export const both = (a: Promise<number>, b: Promise<number>) => Promise.all([a, b]);\n';
    expect(await lintMessages('no-restricted-properties', 'renderer/db/x.ts', code)).toEqual([]);
  });
});
