// A coach's own template can name the coach and their organisation, as set in the first-run step
// or in Settings.
import { describe, expect, it } from 'vitest';
import type { TemplateKind } from '../../../shared/model';
import { openTemplate } from '../../../renderer/documents/inspect-template';
import { fillTemplate } from '../../../renderer/documents/fill-template';
import { growChecklistData, sessionSummaryData } from '../../../renderer/documents/build-data';
import { bundle, context } from './fixtures';
import { p, r, rawDocx } from './template-builders';
import { wordParagraphs } from './read-back';

const coachLine = rawDocx(p(r('Coach: {{coach.name}}, {{coach.organisation}}')));

describe.each([
  ['grow-checklist', growChecklistData],
  ['session-summary', sessionSummaryData],
] as const)('the %s', (kind: TemplateKind, build) => {
  it('fills the coach’s name and organisation', () => {
    const opened = openTemplate(coachLine, kind, 'own.docx');
    if (!opened.ok) throw new Error(opened.error);
    const filled = fillTemplate(opened.value, build(bundle, context), { locale: 'en-GB' });
    if (!filled.ok) throw new Error(filled.error);
    expect(wordParagraphs(filled.value)[0]).toBe('Coach: Sam Rivera, Northwind Coaching');
  });
});
