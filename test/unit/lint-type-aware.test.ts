// The rules that need the types, each proven on a planted violation. They read the TypeScript
// project that holds the file, so the planted code is written to a real file in this folder.
import { afterAll, describe, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const planted = fileURLToPath(new URL('./planted-type-aware.ts', import.meta.url));
afterAll(() => rm(planted, { force: true }));

const code = `async function later(): Promise<number> {
  return 1;
}
export function floating(): void {
  later();
}
export function misused(handlers: { onClick: () => void }[]): void {
  handlers.push({
    onClick: async () => {
      await later();
    },
  });
}
export function label(kind: 'a' | 'b'): string {
  switch (kind) {
    case 'a':
      return 'A';
  }
  return '';
}
`;

describe('the type-aware lint rules', () => {
  it('refuse a floating promise, an async callback where a plain one is expected, a switch that forgets a case', async () => {
    await writeFile(planted, code);
    const [result] = await new ESLint().lintFiles([planted]);
    expect(result.messages.map((message) => message.ruleId).sort()).toEqual([
      '@typescript-eslint/no-floating-promises',
      '@typescript-eslint/no-misused-promises',
      '@typescript-eslint/switch-exhaustiveness-check',
    ]);
  }, 240_000);
});
