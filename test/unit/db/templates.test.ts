import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openTestDatabase } from './test-database';
import { bundledTemplate, p, r, rawDocx } from '../documents/template-builders';

const ready = () => rawDocx(p(r('Summary for {{participant.name}}')));
const withTypo = () => rawDocx(p(r('Summary for {{participant.nmae}}')));

describe('the templates repository', () => {
  it('stores a checked template and uses it for its kind', async () => {
    const { repos, clock } = openTestDatabase();
    const imported = await repos.templates.import('session-summary', 'Branded.docx', ready());
    expect(imported).toMatchObject({
      ok: true,
      value: { kind: 'session-summary', name: 'Branded.docx', active: true, createdAt: clock() },
    });
    expect((await repos.templates.inUse('session-summary'))?.name).toBe('Branded.docx');
    expect(await repos.templates.inUse('grow-checklist')).toBeUndefined();
  });

  it('stores a template with unknown placeholders without using it, and refuses to choose it', async () => {
    const { repos } = openTestDatabase();
    const imported = await repos.templates.import('session-summary', 'Typo.docx', withTypo());
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.value.active).toBe(false);
    const chosen = await repos.templates.choose('session-summary', imported.value.id);
    expect(chosen).toEqual({ ok: false, error: expect.stringContaining('did you mean {{participant.name}}?') });
    expect(await repos.templates.inUse('session-summary')).toBeUndefined();
  });

  it('refuses a file whose XML is cut short, and stores nothing', async () => {
    const { db, repos } = openTestDatabase();
    const parts = unzipSync(ready());
    const body = strFromU8(parts['word/document.xml']);
    parts['word/document.xml'] = strToU8(body.slice(0, body.indexOf('</w:p>')));
    const imported = await repos.templates.import('session-summary', 'Cut.docx', zipSync(parts));
    expect(imported).toEqual({
      ok: false,
      error: expect.stringMatching(/^The file is damaged: the document body is cut short/),
    });
    expect(await db.templates.count()).toBe(0);
  });

  it('leaves the stored templates untouched when an import is refused', async () => {
    const { repos } = openTestDatabase();
    await repos.templates.import('session-summary', 'Good.docx', ready());
    const refused = await repos.templates.import('session-summary', 'Evil.docm', ready());
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('macro-enabled') });
    const wrong = await repos.templates.import('contract-workbook', 'Wrong.docx', ready());
    expect(wrong.ok).toBe(false);
    expect((await repos.templates.list('session-summary')).map((t) => t.name)).toEqual(['Good.docx']);
    expect(await repos.templates.list('contract-workbook')).toEqual([]);
  });

  it('keeps one template in use per kind, and goes back to the bundled one on request', async () => {
    const { repos, clock } = openTestDatabase();
    const first = await repos.templates.import('session-summary', 'First.docx', ready());
    clock.advance(1000);
    const second = await repos.templates.import('session-summary', 'Second.docx', ready());
    if (!first.ok || !second.ok) throw new Error('import failed');
    expect((await repos.templates.list('session-summary')).map((t) => [t.name, t.active])).toEqual([
      ['Second.docx', true],
      ['First.docx', false],
    ]);
    expect(await repos.templates.choose('session-summary', first.value.id)).toEqual({ ok: true, value: null });
    expect((await repos.templates.inUse('session-summary'))?.name).toBe('First.docx');
    await repos.templates.choose('session-summary', null);
    expect(await repos.templates.inUse('session-summary')).toBeUndefined();
  });

  it('replaces a template in place, and stops using it when the new version needs fixing', async () => {
    const { repos, clock } = openTestDatabase();
    const imported = await repos.templates.import('session-summary', 'Mine.docx', ready());
    if (!imported.ok) throw new Error(imported.error);
    clock.advance(5000);
    const replaced = await repos.templates.replace(imported.value.id, 'Mine v2.docx', withTypo());
    expect(replaced).toMatchObject({
      ok: true,
      value: { id: imported.value.id, name: 'Mine v2.docx', active: false, updatedAt: clock() },
    });
    const refused = await repos.templates.replace(imported.value.id, 'x.docx', new Uint8Array([1, 2, 3]));
    expect(refused.ok).toBe(false);
    expect((await repos.templates.get(imported.value.id))?.name).toBe('Mine v2.docx');
  });

  it('deletes a template', async () => {
    const { repos } = openTestDatabase();
    const imported = await repos.templates.import(
      'contract-workbook',
      'Contract.xlsx',
      bundledTemplate('Accountability-Contract.xlsx'),
    );
    if (!imported.ok) throw new Error(imported.error);
    await repos.templates.remove(imported.value.id);
    expect(await repos.templates.list('contract-workbook')).toEqual([]);
  });
});
