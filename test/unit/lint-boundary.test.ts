import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The planted files do not exist, so no TypeScript project holds them: lint them without types.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
});

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
