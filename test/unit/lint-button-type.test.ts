import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function buttonTypeMessages(code: string, filePath = 'renderer/features/x.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the button-type lint rule', () => {
  it.each([
    ['a bare button', 'export const X = () => <button onClick={() => undefined}>Delete</button>;\n'],
    ['a button whose only attributes are spread', 'export const X = (p: object) => <button {...p}>Go</button>;\n'],
    [
      'a button nested in a form',
      'export const X = () => (\n  <form>\n    <input />\n    <button>Save</button>\n  </form>\n);\n',
    ],
  ])('refuses %s', async (_name, code) => {
    expect(await buttonTypeMessages(code)).toHaveLength(1);
  });

  it.each(['button', 'submit', 'reset'])('accepts type="%s"', async (type) => {
    expect(await buttonTypeMessages(`export const X = () => <button type="${type}">Go</button>;\n`)).toEqual([]);
  });

  it('accepts a type given as an expression', async () => {
    const code = "export const X = (s: boolean) => <button type={s ? 'submit' : 'button'}>Go</button>;\n";
    expect(await buttonTypeMessages(code)).toEqual([]);
  });
});
