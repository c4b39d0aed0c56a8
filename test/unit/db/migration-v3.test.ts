// Version 3 adds the coach's templates table; a database filled at version 2 opens with every row
// kept and an empty, indexed templates table.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { FollowthroughDatabase, schemaV2 } from '../../../renderer/db/database';
import { createRepositories } from '../../../renderer/db/repositories';
import { bundledTemplate } from '../documents/template-builders';

describe('schema version 2 → 3', () => {
  it('keeps every row and adds an empty templates table the repository can use', async () => {
    const name = `migration-v3-${crypto.randomUUID()}`;
    const participantId = crypto.randomUUID();
    const old = new Dexie(name);
    old.version(2).stores(schemaV2);
    await old.open();
    await old
      .table('participants')
      .add({
        id: participantId,
        name: 'Amara Okafor',
        consent: { keepNotes: true, shareActions: 'named', aiProcessing: false },
      });
    await old.table('settings').put({ key: 'coach.name', value: 'Sam Rivera' });
    old.close();

    const db = new FollowthroughDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect((await db.participants.get(participantId))?.name).toBe('Amara Okafor');
    expect((await db.settings.get('coach.name'))?.value).toBe('Sam Rivera');
    expect(await db.templates.count()).toBe(0);
    expect(db.templates.schema.indexes.map((index) => index.name).sort()).toEqual(['kind', 'name']);

    const imported = await createRepositories(db).templates.import(
      'grow-checklist',
      'Mine.docx',
      bundledTemplate('1to1-GROW-Checklist.docx'),
    );
    expect(imported.ok).toBe(true);
    expect(await db.templates.where('kind').equals('grow-checklist').count()).toBe(1);
    await db.delete();
  });
});
