// Guard: whatever a coach writes in Will and however the action log changes after, the documents
// that leave the app show Will as prose (no "- [ ]" or "- [x]" markup, which reads as a checklist
// and "done") and never name an action that was deleted.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Action, TemplateKind } from '../../../shared/model';
import { openTemplate } from '../../../renderer/documents/inspect-template';
import { growChecklistData, sessionSummaryData } from '../../../renderer/documents/build-data';
import { catalogue } from '../../../renderer/documents/catalogue';
import type { DocxTemplate } from '../../../renderer/documents/fill-docx';
import { fillDocx } from '../../../renderer/documents/fill-docx';
import { actions, bundle, context, session } from './fixtures';
import { bundledTemplate } from './template-builders';
import { wordText } from './read-back';

function bundledDocx(kind: TemplateKind): DocxTemplate {
  const opened = openTemplate(bundledTemplate(catalogue[kind].bundled), kind, catalogue[kind].bundled);
  if (!opened.ok || opened.value.format !== 'docx') throw new Error('the bundled template did not open');
  return opened.value.docx;
}

const exports = [
  { template: bundledDocx('session-summary'), data: sessionSummaryData },
  { template: bundledDocx('grow-checklist'), data: growChecklistData },
];

const checkboxMarkup = /\[\s*(x|X|logged)?\s*\]/;
const words = fc.stringMatching(/^[A-Za-z][A-Za-z ,.'-]{0,30}$/);
const loggedMarker = fc.constantFrom('- [x] ', '- [X] ', '-[x] ', '  - [logged] ', '- [logged]');
const freeLine = fc.tuple(fc.constantFrom('- [ ] ', '- [] ', '-[ ] ', '* [ ] ', '- ', ''), words);

/** An action the coach logged from Will, then kept or deleted; its tag names it in any text. */
const loggedAction = fc.record({ text: words, marker: loggedMarker, deleted: fc.boolean(), renamed: fc.boolean() });

describe('Will in the session summary and the GROW checklist', () => {
  it('never carries checkbox markup nor a deleted action, whatever Will and the log hold', () => {
    fc.assert(
      fc.property(fc.array(loggedAction, { maxLength: 5 }), fc.array(freeLine, { maxLength: 4 }), (logged, free) => {
        const tag = (i: number) => `@action${i}@`;
        const log: Action[] = logged.map((entry, i) => ({
          ...actions[i % actions.length],
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          createdAt: actions[0].createdAt + i,
          text: entry.renamed ? `${entry.text} (reworded) ${tag(i)}` : `${entry.text} ${tag(i)}`,
          ...(entry.deleted ? { deletedAt: actions[0].createdAt + 60_000 } : {}),
        }));
        const will = [
          ...logged.map((entry, i) => `${entry.marker}${entry.text} ${tag(i)}`),
          ...free.map(([marker, text]) => `${marker}${text}`),
        ].join('\n');
        for (const { template, data } of exports) {
          const filled = fillDocx(template, data({ ...bundle, session: { ...session, will }, actions: log }, context), {
            locale: 'en-GB',
          });
          const text = wordText(filled);
          expect(text).not.toMatch(checkboxMarkup);
          logged.forEach((entry, i) => {
            if (entry.deleted) expect(text).not.toContain(tag(i));
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});
