import { describe, expect, it } from 'vitest';
import { strFromU8 } from 'fflate';
import { buildSessionBatch, type BatchRequest } from '../../../renderer/documents/batch';
import type { SessionBundle } from '../../../renderer/documents/build-data';
import { bundle, context, participant, session, uuid } from './fixtures';
import { bundledTemplate } from './template-builders';
import { allText, part, unzip, wordText } from './read-back';

function sessions(count: number): SessionBundle[] {
  return Array.from({ length: count }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    const who = { ...participant, id: uuid(), name: `Leader ${i + 1}` };
    return {
      ...bundle,
      participant: who,
      session: { ...session, id: uuid(), date: `2026-10-${day}`, will: `Will of session ${i + 1}` },
    };
  });
}

const request = (overrides: Partial<BatchRequest>): BatchRequest => ({
  kind: 'session-summary',
  format: 'docx',
  template: { name: 'Session-Summary.docx', data: bundledTemplate('Session-Summary.docx') },
  bundles: sessions(3),
  context,
  locale: 'en-GB',
  ...overrides,
});

async function built(overrides: Partial<BatchRequest>, onProgress?: (done: number, total: number) => void) {
  const result = await buildSessionBatch(request(overrides), onProgress);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('batch exports of many sessions', () => {
  it('puts 100 sessions in one document, each in its own section with its own footer, reporting progress', async () => {
    const progress: number[] = [];
    const bytes = await built(
      {
        kind: 'grow-checklist',
        template: { name: 'g.docx', data: bundledTemplate('1to1-GROW-Checklist.docx') },
        bundles: sessions(100),
      },
      (done, total) => {
        expect(total).toBe(100);
        progress.push(done);
      },
    );
    expect(progress).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const body = part(bytes, 'word/document.xml');
    expect(body.getElementsByTagName('w:sectPr')).toHaveLength(100);
    const text = wordText(bytes);
    expect(text).toContain('Leader 1');
    expect(text).toContain('Will of session 100');
    const entries = unzip(bytes);
    expect(wordText(bytes, 'word/footer1-copy99.xml')).toContain('Leader 100');
    expect(strFromU8(entries['[Content_Types].xml'])).toContain('/word/footer1-copy99.xml');
    expect(strFromU8(entries['word/_rels/document.xml.rels'])).toContain('footer1-copy99.xml');
  });

  it('makes a zip with one uniquely named document per session', async () => {
    const twins = sessions(2).map((item) => ({
      ...item,
      participant: { ...item.participant, name: 'Same / Name' },
      session: { ...item.session, date: '2026-10-01' },
    }));
    const entries = unzip(await built({ format: 'zip', bundles: twins }));
    expect(Object.keys(entries)).toEqual([
      '2026-10-01 Same Name - Session summary.docx',
      '2026-10-01 Same Name - Session summary (2).docx',
    ]);
    expect(wordText(entries['2026-10-01 Same Name - Session summary (2).docx'])).toContain('Will of session 2');
  });

  it('keeps private notes out of a batch of summaries', async () => {
    expect(allText(await built({ bundles: sessions(5) }))).not.toMatch(/PRIVATE-/);
  });

  it('stops when cancelled and refuses an empty batch', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await buildSessionBatch(request({}), undefined, controller.signal)).toEqual({
      ok: false,
      error: 'The export was cancelled.',
    });
    expect(await buildSessionBatch(request({ bundles: [] }))).toEqual({
      ok: false,
      error: 'There are no sessions to export.',
    });
  });
});
