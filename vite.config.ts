import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { cpSync, createReadStream, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const templatesDir = fileURLToPath(new URL('./templates', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/** Serves the bundled templates at /templates/… for the web build, from the one folder in the repo. */
function bundledTemplates(): Plugin {
  return {
    name: 'followthrough-bundled-templates',
    configureServer(server) {
      server.middlewares.use('/templates', (req, res, next) => {
        const file = join(templatesDir, basename(decodeURIComponent(req.url ?? '')));
        if (!existsSync(file)) return next();
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      cpSync(templatesDir, join(outDir, 'templates'), {
        recursive: true,
        filter: (source) => !source.endsWith('.md') && !source.endsWith('.ts'),
      });
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), bundledTemplates()],
  // Workers are created with { type: 'module' }, so they are built as ES modules too.
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
