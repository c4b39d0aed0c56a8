// The file drop writes real CSV and JSON Lines files, through the desktop's folder module into a
// temp folder; they are read back as an import tool would.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openTestDatabase, sharesWithName } from '../db/test-database';
import { createSyncEngine } from '../../../renderer/sync/engine';
import { createFileDropConnector } from '../../../renderer/sync/connectors/file-drop';
import { csvColumns } from '../../../renderer/sync/connectors/file-drop-formats';
import { createFileDropFolder } from '../../../electron/file-drop-folder';
import { fileDropNames, fileDropWeek } from '../../../shared/file-drop-files';
import { syncEventSchema } from '../../../shared/sync-protocol';
import { errorMessage, fail, ok } from '../../../shared/result';
import type { PlatformApi } from '../../../shared/ipc';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The desktop's writeFileDrop: the main process's folder module, its errors turned into Results as IPC does. */
function desktopWrite(settingsFile: string): PlatformApi['writeFileDrop'] {
  const drop = createFileDropFolder({ settingsFile });
  return async ({ week, csv, jsonl }) => {
    try {
      return ok(await drop.write(week, { csv, jsonl }));
    } catch (error) {
      return fail(errorMessage(error));
    }
  };
}

async function readCsv(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.readFile(path, { map: (value: string) => value });
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as string[]).slice(1).map((value) => value ?? '')));
  return rows;
}

async function setup() {
  const root = mkdtempSync(join(tmpdir(), 'followthrough-drop-'));
  folders.push(root);
  const folder = join(root, 'OneDrive', 'Coaching');
  mkdirSync(folder, { recursive: true });
  const settingsFile = join(root, 'userData', 'file-drop.json');
  await createFileDropFolder({ settingsFile }).choose(async () => folder);
  const { db, repos, clock } = openTestDatabase();
  const connector = createFileDropConnector({ writeFileDrop: desktopWrite(settingsFile), now: clock });
  const engine = createSyncEngine({
    db,
    now: clock,
    connector: async () => ok(connector),
    isOnline: async () => false,
    yieldToUi: async () => undefined,
  });
  const participant = await repos.participants.create({ name: 'Amara Okafor', consent: sharesWithName });
  return { folder, db, repos, clock, engine, participant, names: fileDropNames(fileDropWeek(clock())) };
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
    expect(s.names.csv).toBe('followthrough-actions-2026-W45.csv');
    expect(report.run?.exchanges[0].detail).toBe(
      `Wrote 2 changes to ${s.names.csv} and ${s.names.jsonl} in ${s.folder}`,
    );
  });

  it('keeps the entries, with no attempt charged, while the folder is missing, and sends them once it is back', async () => {
    const s = await setup();
    await s.repos.actions.add({ participantId: s.participant.id, text: 'Draft the RACI' });
    rmSync(s.folder, { recursive: true });

    const report = await s.engine.run('manual');
    expect(report.outcome).toBe('cancelled');
    expect(report.stop).toEqual({
      type: 'cancelled',
      reason: expect.stringMatching(/^The file drop folder .*Coaching is missing/),
    });
    const [entry] = await s.db.outbox.toArray();
    expect(entry).toMatchObject({ state: 'pending', attempts: 0 });

    mkdirSync(s.folder, { recursive: true });
    expect((await s.engine.run('manual')).outcome).toBe('sent');
    expect(readdirSync(s.folder).sort()).toEqual([s.names.csv, s.names.jsonl]);
    expect(await s.db.outbox.count()).toBe(0);
  });

  it('writes a second sync of the week beside the first, never over it', async () => {
    const s = await setup();
    await s.repos.actions.add({ participantId: s.participant.id, text: 'First' });
    await s.engine.run('manual');
    s.clock.advance(60_000);
    await s.repos.actions.add({ participantId: s.participant.id, text: 'Second' });
    await s.engine.run('manual');
    const second = fileDropNames(fileDropWeek(s.clock()), 2);
    expect(readdirSync(s.folder).sort()).toEqual([s.names.csv, s.names.jsonl, second.csv, second.jsonl].sort());
    expect(readFileSync(join(s.folder, s.names.jsonl), 'utf8')).toContain('"First"');
    expect(readFileSync(join(s.folder, second.jsonl), 'utf8')).toContain('"Second"');
    expect(readFileSync(join(s.folder, second.jsonl), 'utf8')).not.toContain('"First"');
  });
});
