// The trash rule (a record with a deletedAt is in the trash) is written once, in shared/model.ts as
// isLive / isInTrash, and the repositories in renderer/db apply it; everywhere else asks them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const written = /deletedAt\s*[!=]==?\s*undefined|undefined\s*[!=]==?\s*[\w?.]+\.deletedAt\b|!\s*[\w?.]+\.deletedAt\b/;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(folder, file));
}

/** Each line outside renderer/db/ and the rule's own definition that spells out the trash rule. */
function trashRuleWrittenOut(files: string[], read: (file: string) => string): string[] {
  return files
    .filter((file) => !file.startsWith(join('renderer', 'db')) && file !== join('shared', 'model.ts'))
    .flatMap((file) =>
      read(file)
        .split('\n')
        .flatMap((line, index) => (written.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
}

describe('the trash rule', () => {
  it('is spelled out nowhere in renderer/ or shared/ but in the data layer', () => {
    const files = [...sourceFiles('renderer'), ...sourceFiles('shared')];
    expect(trashRuleWrittenOut(files, (file) => readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });

  it.each([
    'const live = sessions.filter((session) => session.deletedAt === undefined);',
    'if (action.deletedAt !== undefined) continue;',
    'if (!action.deletedAt) keep(action);',
    'if (!session?.deletedAt) return;',
  ])('finds it written out in a feature: %s', (line) => {
    const planted = relative(root, join(root, 'renderer/features/x.ts'));
    expect(trashRuleWrittenOut([planted], () => line)).toHaveLength(1);
  });
});
