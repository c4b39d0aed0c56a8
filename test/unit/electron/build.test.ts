// The bundles the desktop app runs, built for real into a temporary folder (about 3 s).
import { builtinModules } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../scripts/build-electron';
import { useTempFolder } from './temp-folder';

const outDir = useTempFolder('electron-build', 'all');
beforeAll(() => buildElectron(outDir.path), 60_000);

async function requiredModules(file: string): Promise<string[]> {
  const code = await readFile(join(outDir.path, file), 'utf8');
  return [...code.matchAll(/\brequire\(\s*(.*?)\s*\)/g)].map((match) => match[1]);
}

describe('scripts/build-electron.ts', () => {
  it('bundles the sandboxed preload into one file that requires nothing but electron', async () => {
    expect(await requiredModules('preload.cjs')).toEqual(['"electron"']);
    const code = await readFile(join(outDir.path, 'preload.cjs'), 'utf8');
    expect(code).toContain('exposeInMainWorld("followthrough"');
    expect(code).not.toMatch(/\bimport\s*\(|\bimport\.meta\b/);
  });

  it('bundles the main process as CommonJS that requires only electron and Node built-ins', async () => {
    const modules = await requiredModules('main.cjs');
    expect(modules).toContain('"electron"');
    for (const name of modules) {
      const bare = JSON.parse(name).replace(/^node:/, '');
      expect(name === '"electron"' || builtinModules.includes(bare), name).toBe(true);
    }
    const code = await readFile(join(outDir.path, 'main.cjs'), 'utf8');
    expect(code).toContain('requestSingleInstanceLock');
    expect(code).not.toMatch(/\bimport\.meta\b/);
  });
});
