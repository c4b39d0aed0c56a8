// Lints a planted snippet as if it were the file at `filePath`, with the project's eslint config,
// and returns what one rule says about it: the way the lint rule tests prove each rule.
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

export async function lintMessages(ruleId: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === ruleId).map((message) => message.message);
}
