// Version 3 adds the coach's templates table: every row is kept and the table is empty and indexed.
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../../renderer/db/repositories';
import { bundledTemplate } from '../../documents/template-builders';
import { indexNames, openAt } from './open-at';
import { defaultConsent } from '../../../../shared/model';

describe('schema version 3', () => {
  it('keeps every row and adds an empty templates table the repository can use', async () => {
    const participantId = crypto.randomUUID();
    const db = await openAt(3, async (old) => {
      await old.table('participants').add({ id: participantId, name: 'Amara Okafor', consent: defaultConsent });
      await old.table('settings').put({ key: 'coach.name', value: 'Sam Rivera' });
    });

    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect((await db.participants.get(participantId))?.name).toBe('Amara Okafor');
    expect((await db.settings.get('coach.name'))?.value).toBe('Sam Rivera');
    expect(await db.templates.count()).toBe(0);
    expect(indexNames(db.templates)).toEqual(['kind', 'name']);

    const imported = await createRepositories(db).templates.import(
      'grow-checklist',
      'Mine.docx',
      bundledTemplate('1to1-GROW-Checklist.docx'),
    );
    expect(imported.ok).toBe(true);
    expect(await db.templates.where('kind').equals('grow-checklist').count()).toBe(1);
  });
});
