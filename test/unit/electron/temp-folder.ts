// A fresh folder under the system temp directory, removed after the test (or the file).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

export function useTempFolder(name: string, scope: 'each' | 'all' = 'each'): { readonly path: string } {
  const folder = { path: '' };
  const [setUp, tearDown] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  setUp(async () => {
    folder.path = await mkdtemp(join(tmpdir(), `followthrough-${name}-`));
  });
  tearDown(() => rm(folder.path, { recursive: true, force: true }));
  return folder;
}
