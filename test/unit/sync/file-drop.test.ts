// The file drop writes real CSV and JSON Lines files; they are read back as an import tool would.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openTestDatabase } from '../db/test-database';
import { createSyncEngine } from '../../../renderer/sync/engine';
import { createFileDropConnector, fileDropNames } from '../../../renderer/sync/connectors/file-drop';
import { csvColumns } from '../../../renderer/sync/connectors/file-drop-formats';
import { syncEventSchema } from '../../../shared/sync-protocol';
import { ok } from '../../../shared/result';
import type { PlatformApi } from '../../../shared/ipc';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** What the desktop save does once the coach picked a folder: write the bytes there. */
function saveInto(folder: string, answers: { saved: boolean }[] = []): PlatformApi['saveFile'] {
  return async ({ suggestedName, data }) => {
    if (answers.shift()?.saved === false) return ok({ saved: false, path: null });
    const path = join(folder, suggestedName);
    writeFileSync(path, data);
    return ok({ saved: true, path });
  };
}

async function readCsv(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.readFile(path, { map: (value: string) => value });
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as string[]).slice(1).map((value) => value ?? '')));
  return rows;
}

async function setup(answers?: { saved: boolean }[]) {
  const folder = mkdtempSync(join(tmpdir(), 'followthrough-drop-'));
  folders.push(folder);
  const { db, repos, clock } = openTestDatabase();
  const connector = createFileDropConnector({ saveFile: saveInto(folder, answers), now: clock });
  const engine = createSyncEngine({
    db,
    now: clock,
    connector: async () => ok(connector),
    isOnline: async () => false,
    yieldToUi: async () => undefined,
  });
  const participant = await repos.participants.create({ name: 'Amara Okafor' });
  return { folder, db, repos, clock, engine, participant, names: fileDropNames(clock()) };
}

describe('the file drop', () => {
  it("writes the week's actions as CSV an import tool reads, and as JSON Lines of wire events, offline", async () => {
    const s = await setup();
    const [plain, tricky] = await s.repos.actions.addMany([
      {
        participantId: s.participant.id,
        text: 'Book the quarterly review',
        owner: 'Amara Okafor',
        dueDate: '2026-11-20',
      },
      {
        participantId: s.participant.id,
        text: '=HYPERLINK("x"), with "quotes"\nand a new line',
        verification: 'Minutes',
      },
    ]);
    await s.repos.actions.setStatus(plain.id, 'done');

    const report = await s.engine.run('schedule');
    expect(report.outcome).toBe('sent');
    expect(await s.db.outbox.count()).toBe(0);

    const rows = await readCsv(join(s.folder, s.names.csv));
    expect(rows[0]).toEqual([...csvColumns]);
    const byId = new Map(
      rows.slice(1).map((row) => [row[0], Object.fromEntries(csvColumns.map((c, i) => [c, row[i]]))]),
    );
    expect(byId.get(plain.id)).toMatchObject({
      Type: 'Action',
      Title: 'Book the quarterly review',
      Owner: 'Amara Okafor',
      'Due Date': '2026-11-20',
      Status: 'Done',
      Progress: '100',
      Participant: 'Amara Okafor',
    });
    expect(byId.get(tricky.id)).toMatchObject({
      Title: `'=HYPERLINK("x"), with "quotes"\nand a new line`,
      'Success Criteria': 'Minutes',
      Status: 'Open',
      Progress: '0',
    });

    const lines = readFileSync(join(s.folder, s.names.jsonl), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const events = lines.map((line) => syncEventSchema.parse(JSON.parse(line)));
    expect(events.map((event) => event.type)).toEqual(['action.upserted', 'action.upserted']);
    expect(report.run?.exchanges[0].detail).toBe(
      `Saved 2 changes to ${join(s.folder, s.names.csv)} and ${join(s.folder, s.names.jsonl)}`,
    );
  });

  it('keeps the entries, with no attempt charged, when the coach cancels the save', async () => {
    const s = await setup([{ saved: false }]);
    await s.repos.actions.add({ participantId: s.participant.id, text: 'Draft the RACI' });
    const report = await s.engine.run('manual');
    expect(report).toMatchObject({ outcome: 'cancelled', message: 'The file drop was cancelled' });
    const [entry] = await s.db.outbox.toArray();
    expect(entry).toMatchObject({ state: 'pending', attempts: 0 });
  });
});
