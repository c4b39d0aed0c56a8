// Tests wait for a condition, never a fixed time: the lint rule refuses waitForTimeout in test/.
import { describe, expect, it } from 'vitest';
import { lintMessages } from '../support/lint-messages';

const restrictedPropertyMessages = (filePath: string, code: string) =>
  lintMessages('no-restricted-properties', filePath, code);

describe('the fixed-wait lint rule', () => {
  it.each([
    [
      'test/e2e/x.e2e.ts',
      'export async function f(page: { waitForTimeout(ms: number): Promise<void> }) {\n  await page.waitForTimeout(500);\n}\n',
    ],
    [
      'test/e2e/pages/x.ts',
      'export const wait = (page: { waitForTimeout(ms: number): Promise<void> }) => page.waitForTimeout(50);\n',
    ],
  ])('refuses a fixed wait in %s', async (file, code) => {
    const messages = await restrictedPropertyMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/Wait for a condition/);
  });

  it('lets a test wait for a locator', async () => {
    const code =
      "export const ready = (page: { locator(s: string): { waitFor(): Promise<void> } }) => page.locator('main').waitFor();\n";
    expect(await restrictedPropertyMessages('test/e2e/x.e2e.ts', code)).toEqual([]);
  });
});
