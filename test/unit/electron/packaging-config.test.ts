// Packaging cannot run here (it downloads Electron), so electron-builder.yml is checked with
// electron-builder's own loader and schema validator instead.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const fromElectronBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig, validateConfiguration } = fromElectronBuilder('app-builder-lib/out/util/config/config');
const { DebugLogger } = fromElectronBuilder('builder-util');

type FileSet = { filter: string[] };
type Config = {
  appId: string;
  productName: string;
  files: FileSet[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
};

async function loadConfig(): Promise<Config> {
  return getConfig(root, resolve(root, 'electron-builder.yml'));
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and builds AppImage, deb, NSIS and dmg', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({ appId: 'com.followthrough.app', productName: 'Followthrough' });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs the bundles package.json starts, the renderer served on app:// and the templates', async () => {
    const { files } = await loadConfig();
    const patterns = files.flatMap((set) => set.filter);
    const packageJson = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'));
    expect(packageJson.main).toBe('dist/electron/main.cjs');
    expect(patterns).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/electron/*.cjs',
        'dist/renderer/**',
        'templates/*.{docx,xlsx,csv}',
      ]),
    );
  });
});
