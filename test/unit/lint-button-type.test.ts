import { describe, expect, it } from 'vitest';
import { lintMessages } from '../support/lint-messages';

const buttonTypeMessages = (code: string, filePath = 'renderer/features/x.tsx') =>
  lintMessages('no-restricted-syntax', filePath, code);

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
