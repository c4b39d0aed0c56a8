// Every table of the database with the schema its records must satisfy. A restore parses each
// record with its schema before anything is written; a table missing here cannot be restored,
// and test/unit/backup/record-schemas.test.ts fails when a new table is not added.
import type { z } from 'zod';
import {
  actionNoteSchema,
  actionReviewSchema,
  actionSchema,
  consentChangeSchema,
  contractReviewSchema,
  contractSchema,
  outboxEntrySchema,
  participantSchema,
  sessionSchema,
  settingSchema,
  storedTemplateSchema,
  syncRunSchema,
} from '../../shared/model';
import { problem, type BackupResult, type BackupTables } from './backup-format';

export const recordSchemas: Record<string, z.ZodType> = {
  participants: participantSchema,
  sessions: sessionSchema,
  actions: actionSchema,
  actionNotes: actionNoteSchema,
  actionReviews: actionReviewSchema,
  contracts: contractSchema,
  contractReviews: contractReviewSchema,
  outbox: outboxEntrySchema,
  settings: settingSchema,
  syncRuns: syncRunSchema,
  templates: storedTemplateSchema,
  consentLog: consentChangeSchema,
};

const MAX_LISTED_ISSUES = 5;

/** Each record parsed with its table's schema; the first few invalid ones named when any is. */
export function validateTables(tables: BackupTables, tableNames: string[]): BackupResult<BackupTables> {
  const unknown = Object.keys(tables).filter((table) => !tableNames.includes(table));
  if (unknown.length) {
    return problem(
      'invalid-records',
      `This backup holds records this version of Followthrough does not know (${unknown.join(', ')}). Nothing was changed.`,
    );
  }
  const issues: string[] = [];
  let invalid = 0;
  const valid: BackupTables = {};
  for (const table of tableNames) {
    const schema = recordSchemas[table];
    if (!schema)
      return problem('invalid-records', `Followthrough cannot restore its own ${table} table; please report this.`);
    valid[table] = (tables[table] ?? []).map((record, index) => {
      const parsed = schema.safeParse(record);
      if (parsed.success) return parsed.data;
      invalid += 1;
      if (issues.length < MAX_LISTED_ISSUES) {
        const [first] = parsed.error.issues;
        issues.push(`${table} #${index + 1}: ${first.path.join('.') || 'record'}: ${first.message}`);
      }
      return record;
    });
  }
  if (invalid === 0) return { ok: true, value: valid };
  return problem(
    'invalid-records',
    `This backup holds ${invalid} record${invalid === 1 ? '' : 's'} that are not valid (${issues.join('; ')}${invalid > issues.length ? '; …' : ''}), so it was not restored. Nothing was changed.`,
  );
}
