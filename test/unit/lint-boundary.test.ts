import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((m) => m.message);
}

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
    const [result] = await eslint.lintText(long, { filePath: 'renderer/sync/long.ts' });
    expect(result.messages.map((message) => message.ruleId)).toContain('max-lines-per-function');
    const [elsewhere] = await eslint.lintText(long, { filePath: 'renderer/features/long.ts' });
    expect(elsewhere.messages.map((message) => message.ruleId)).not.toContain('max-lines-per-function');
  });
});
