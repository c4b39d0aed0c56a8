// A form keyed on data remounts when the data changes and throws away what the coach typed (the
// participant page's "Plan a session" did, when the cadence changed while a date was being typed).
import { describe, expect, it } from 'vitest';
import { lintMessages } from '../support/lint-messages';

const formKeyMessages = (code: string) => lintMessages('no-restricted-syntax', 'renderer/features/x.tsx', code);

describe('the form-key lint rule', () => {
  it('refuses a key on a form component', async () => {
    const code = 'const PlanForm = () => null;\nexport const X = (c: string) => <PlanForm key={c} />;\n';
    expect(await formKeyMessages(code)).toHaveLength(1);
  });

  it('accepts a form that follows its props, and keys on other components', async () => {
    const code =
      'const PlanForm = (p: { date: string }) => p.date;\nconst Row = () => null;\n' +
      'export const X = (c: string) => [<PlanForm date={c} />, <Row key={c} />];\n';
    expect(await formKeyMessages(code)).toEqual([]);
  });
});
