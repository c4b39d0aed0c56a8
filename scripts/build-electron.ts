// `npm run build:electron`: bundles the main process and the preload, with the shared code and
// zod they import, into dist/electron/*.cjs. Each entry is its own build so that neither shares a
// chunk: the sandboxed preload can require nothing but 'electron', so it must be one whole file.
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const defaultElectronOutDir = resolve(root, 'dist', 'electron');

const external = ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const electronEntries = {
  main: resolve(root, 'electron', 'main.ts'),
  preload: resolve(root, 'electron', 'preload.ts'),
} as const;

async function bundle(name: keyof typeof electronEntries, outDir: string): Promise<void> {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      lib: { entry: electronEntries[name], formats: ['cjs'], fileName: () => `${name}.cjs` },
      rolldownOptions: { external, output: { codeSplitting: false } },
    },
  });
}

export async function buildElectron(outDir = defaultElectronOutDir): Promise<void> {
  await bundle('main', outDir);
  await bundle('preload', outDir);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildElectron();
  console.log(`Built the main process and preload into ${defaultElectronOutDir}`);
}
