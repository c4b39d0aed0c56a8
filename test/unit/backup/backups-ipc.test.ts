// The desktop side of backups: real files in a temporary userData/backups folder, reached through
// the same checked IPC path as from the app window.
import { existsSync } from 'node:fs';
import { readdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invokeHandler } from '../../../electron/ipc/register';
import { backupHandlers } from '../../../electron/ipc/backups';
import { contentProtectionHandlers } from '../../../electron/ipc/content-protection';
import { backupFileName } from '../../../shared/backup-files';
import { BrowserWindow, invokeEventFrom, resetFakeElectron, shell } from '../electron/fake-electron';
import { useTempFolder } from '../electron/temp-folder';

vi.mock('electron', () => import('../electron/fake-electron'));

const fromApp = invokeEventFrom('app://followthrough/index.html') as never;
const temp = useTempFolder('backups');
beforeEach(resetFakeElectron);

const day = 24 * 60 * 60 * 1000;

function handlers(clock: { now: number }) {
  return backupHandlers({ folder: join(temp.path, 'backups'), now: () => clock.now });
}

describe('backups on desktop', () => {
  it('writes, lists newest first and reads back the same bytes', async () => {
    const clock = { now: Date.UTC(2026, 10, 20, 9) };
    const { writeBackup, listBackups, readBackup } = handlers(clock);
    const data = new Uint8Array([1, 2, 3, 4]);
    const written = await invokeHandler('writeBackup', writeBackup, fromApp, { kind: 'daily', data });
    clock.now += day;
    await invokeHandler('writeBackup', writeBackup, fromApp, { kind: 'pre-restore', data: new Uint8Array([9]) });
    expect(written).toEqual({
      ok: true,
      value: {
        file: {
          name: backupFileName('daily', Date.UTC(2026, 10, 20, 9)),
          kind: 'daily',
          createdAt: Date.UTC(2026, 10, 20, 9),
          sizeBytes: 4,
        },
        removed: 0,
      },
    });
    const listed = await invokeHandler('listBackups', listBackups, fromApp, undefined);
    expect(listed.ok && listed.value.map((file) => file.kind)).toEqual(['pre-restore', 'daily']);
    const name = backupFileName('daily', Date.UTC(2026, 10, 20, 9));
    expect(await invokeHandler('readBackup', readBackup, fromApp, { name })).toEqual({ ok: true, value: data });
    expect((await readdir(join(temp.path, 'backups'))).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a backup that is there, whole, keeping its name and date; refuses one that is not', async () => {
    const clock = { now: Date.UTC(2026, 10, 20, 9) };
    const { writeBackup, replaceBackup, readBackup } = handlers(clock);
    await invokeHandler('writeBackup', writeBackup, fromApp, { kind: 'daily', data: new Uint8Array([1, 2, 3]) });
    const name = backupFileName('daily', clock.now);
    clock.now += day;
    const data = new Uint8Array([7, 7]);
    expect(await invokeHandler('replaceBackup', replaceBackup, fromApp, { name, data })).toEqual({
      ok: true,
      value: { name, kind: 'daily', createdAt: Date.UTC(2026, 10, 20, 9), sizeBytes: 2 },
    });
    expect(await invokeHandler('readBackup', readBackup, fromApp, { name })).toEqual({ ok: true, value: data });
    expect((await readdir(join(temp.path, 'backups'))).sort()).toEqual([name]);
    const absent = backupFileName('manual', clock.now);
    const refused = await invokeHandler('replaceBackup', replaceBackup, fromApp, { name: absent, data });
    expect(refused).toEqual({ ok: false, error: `The backup ${absent} is no longer in the backups folder` });
    expect(await readdir(join(temp.path, 'backups'))).toEqual([name]);
    const outside = await invokeHandler('replaceBackup', replaceBackup, fromApp, { name: '../escape.ftbackup', data });
    expect(outside.ok).toBe(false);
  });

  it('keeps the last 14 daily and 8 weekly backups as days go by', async () => {
    const clock = { now: Date.UTC(2026, 0, 1, 9) };
    const { writeBackup } = handlers(clock);
    for (let n = 0; n < 100; n += 1) {
      await writeBackup({ kind: 'daily', data: new Uint8Array([n]) }, fromApp);
      clock.now += day;
    }
    const files = await readdir(join(temp.path, 'backups'));
    // 14 days plus the newest of 8 weeks, some of which the 14 days already cover.
    expect(files.length).toBeGreaterThanOrEqual(14 + 5);
    expect(files.length).toBeLessThanOrEqual(14 + 8);
  });

  it('lists nothing before the first backup, and ignores other files in the folder', async () => {
    const { listBackups } = handlers({ now: Date.now() });
    expect(await listBackups(undefined, fromApp)).toEqual([]);
    await writeFile(join(temp.path, 'backups-notes.txt'), 'x').catch(() => undefined);
    const folder = join(temp.path, 'backups');
    await handlers({ now: Date.now() }).writeBackup({ kind: 'manual', data: new Uint8Array([1]) }, fromApp);
    await writeFile(join(folder, 'holiday.jpg'), 'x');
    expect((await listBackups(undefined, fromApp)).map((file) => file.kind)).toEqual(['manual']);
  });

  it('refuses names that are not backups, so nothing outside the folder can be read', async () => {
    const { readBackup } = handlers({ now: Date.now() });
    for (const name of [
      '../secrets.json',
      '/etc/passwd',
      'followthrough-2026-11-28T09-30-00-000Z-daily.ftbackup/../../x',
    ]) {
      const answer = await invokeHandler('readBackup', readBackup, fromApp, { name });
      expect(answer.ok).toBe(false);
      expect(!answer.ok && answer.error).toContain('Not the name of a Followthrough backup');
    }
  });

  it('refuses to read a backup over 100 MB, saying so', async () => {
    const folder = join(temp.path, 'backups');
    const { writeBackup, readBackup } = handlers({ now: Date.UTC(2026, 10, 28) });
    await writeBackup({ kind: 'daily', data: new Uint8Array([1]) }, fromApp);
    const name = backupFileName('daily', Date.UTC(2026, 10, 28));
    await truncate(join(folder, name), 200 * 1024 * 1024); // sparse: costs no disk
    const answer = await invokeHandler('readBackup', readBackup, fromApp, { name });
    expect(answer).toEqual({
      ok: false,
      error: expect.stringMatching(/^This file is 200 MB; Followthrough restores backups of up to 100 MB/),
    });
  });

  it('opens the backups folder, creating it first', async () => {
    const { openBackupFolder } = handlers({ now: Date.now() });
    expect(await invokeHandler('openBackupFolder', openBackupFolder, fromApp, undefined)).toEqual({
      ok: true,
      value: true,
    });
    expect(shell.openPath).toHaveBeenCalledWith(join(temp.path, 'backups'));
    expect(existsSync(join(temp.path, 'backups'))).toBe(true);
  });

  it('is refused to a frame that is not the app', async () => {
    const { listBackups } = handlers({ now: Date.now() });
    const answer = await invokeHandler(
      'listBackups',
      listBackups,
      invokeEventFrom('https://evil.example/') as never,
      undefined,
    );
    expect(answer.ok).toBe(false);
  });
});

describe('content protection', () => {
  it('turns the window’s content protection on and off for the window that asked', async () => {
    const appWindow = new BrowserWindow({});
    const { setContentProtection } = contentProtectionHandlers();
    const event = { ...invokeEventFrom('app://followthrough/index.html'), sender: appWindow.webContents } as never;
    await invokeHandler('setContentProtection', setContentProtection, event, { enabled: true });
    await invokeHandler('setContentProtection', setContentProtection, event, { enabled: false });
    expect(appWindow.setContentProtection.mock.calls).toEqual([[true], [false]]);
  });
});
