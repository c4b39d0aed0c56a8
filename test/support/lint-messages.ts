// Lints a planted snippet as if it were the file at `filePath`, with the project's eslint config,
// and returns what one rule says about it: the way the lint rule tests prove each rule.
import { ESLint } from 'eslint';

const eslint = new ESLint();

export async function lintMessages(ruleId: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === ruleId).map((message) => message.message);
}
