// Backups in Chromium: export and restore through the screens; a restore killed with SIGKILL at
// random moments leaves either all the old data or all the new, never a mix; bad files change
// nothing and say what happened; a version 1 database is backed up before it is upgraded.
import { rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, launchApp, closeAfterEach, killBrowser, type AppBrowser } from './browser';
import { screenshotDir } from './screenshots';
import { PrivacySettings, type StoredState } from './pages/privacy-settings';
import { datasetBackup, testFolder, writeTestFile } from './backup-files';
import { schemaV1 } from '../../renderer/db/database';
import type { DatasetSize } from '../../shared/demo-dataset';

let app: AppBrowser | undefined;
closeAfterEach(() => app);
afterAll(() => rmSync(testFolder, { recursive: true, force: true }));

/** The stored state but the settings' count: housekeeping, on its own timer, may add its own setting (the
 * retention policy's last run) to the old data while a round runs; the new data is judged without them too. */
function withoutHousekeeping({ counts, participantIds }: StoredState) {
  return { records: Object.entries(counts).filter(([store]) => store !== 'settings'), participantIds };
}

async function openWithDemo(size: DatasetSize, colorScheme: 'light' | 'dark' = 'light') {
  app = await launchApp({ colorScheme, hash: `?demo=${size}` });
  await app.page.locator('[data-ready="true"]').waitFor({ timeout: 120_000 });
  const settings = new PrivacySettings(app.page);
  await settings.open();
  return settings;
}

describe('backup and restore in the browser', () => {
  it('exports everything, previews what a restore changes, and restores it', async () => {
    const settings = await openWithDemo('small');
    const { page } = app!;
    const before = await settings.storedState();

    await settings.backups().getByRole('button', { name: 'Back up now' }).click();
    await settings.backups().getByText('Backed up.').waitFor();
    await settings.backups().getByRole('list', { name: 'Automatic backups' }).getByText('Made on request').waitFor();

    const download = page.waitForEvent('download');
    await settings.backups().getByRole('button', { name: 'Export everything…' }).click();
    const exported = join(testFolder, (await download).suggestedFilename());
    await (await download).saveAs(exported);
    expect(exported).toMatch(/Followthrough backup .*\.ftbackup$/);

    // A participant added after the export is what the restore will take away.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Participants' }).click();
    await page.getByRole('button', { name: 'New participant' }).click();
    await page.getByRole('form', { name: 'New participant' }).getByLabel('Name', { exact: true }).fill('Zed Newcomer');
    await page.getByRole('form', { name: 'New participant' }).getByRole('button', { name: 'Add participant' }).click();
    await page.getByRole('article', { name: 'Zed Newcomer' }).waitFor();

    await settings.open();
    await settings.chooseFile(exported);
    const participantsRow = settings.preview().getByRole('row', { name: /^Participants/ });
    await expect(participantsRow.textContent()).resolves.toMatch(
      new RegExp(`Participants${before.participantIds.length}${before.participantIds.length + 1}1 go`),
    );
    await settings.preview().scrollIntoViewIfNeeded();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await settings.backups().screenshot({ path: `${screenshotDir}/backups-restore-preview-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await settings.restoreChosen();
    const after = await settings.storedState();
    expect(after.participantIds).toEqual(before.participantIds);
    await settings.backups().getByRole('list', { name: 'Automatic backups' }).getByText('Before a restore').waitFor();
    expect(app!.consoleErrors).toEqual([]);
  });

  it('a restore killed at random moments leaves all the old data or all the new, never a mix', async () => {
    let settings = await openWithDemo('medium');
    const profileDir = app!.profileDir;
    const outcomes: { kill: number | 'after-commit'; isNew: boolean }[] = [];
    // The first round lets the write commit and times it; the others kill as it starts and at
    // moments spread over that time, so the kills land while the one transaction is under way.
    let writeMs = 0;
    const kills: (number | 'after-commit')[] = ['after-commit', 0, 1 / 3, 2 / 3];
    for (const [round, kill] of kills.entries()) {
      const next = await datasetBackup('medium', 1_000 + round);
      await settings.chooseFile(next.path);
      const old = withoutHousekeeping(await settings.storedState());
      await settings
        .preview()
        .getByRole('button', { name: /^Restore [\d,]+ records$/ })
        .click();
      const saysWhatIsOnScreen = async (error: unknown) => {
        const screen = await settings.page.locator('body').innerText().catch(String);
        throw new Error(`round ${round}, on screen: ${screen.slice(0, 2_000)}`, { cause: error });
      };
      await settings
        .preview()
        .getByRole('button', { name: 'Restoring…' })
        .waitFor({ timeout: 120_000 })
        .catch(saysWhatIsOnScreen);
      const writeBegan = Date.now();
      if (kill === 'after-commit') {
        await settings
          .backups()
          .getByText(/^Restored the backup of/)
          .waitFor({ timeout: 120_000 })
          .catch(saysWhatIsOnScreen);
        writeMs = Date.now() - writeBegan;
      } else await new Promise((resolve) => setTimeout(resolve, Math.round(kill * writeMs)));
      killBrowser(profileDir);

      app = await launchApp({ profileDir, hash: '#/settings' });
      settings = new PrivacySettings(app.page);
      await settings.backups().waitFor({ timeout: 120_000 });
      const state = await settings.storedState();
      const isOld = JSON.stringify(withoutHousekeeping(state)) === JSON.stringify(old);
      const isNew =
        JSON.stringify(state.participantIds) === JSON.stringify(next.participantIds) &&
        state.counts.sessions === next.dataset.sessions.length &&
        state.counts.actions === next.dataset.actions.length &&
        state.counts.contracts === next.dataset.contracts.length &&
        state.counts.contractReviews === next.dataset.contractReviews.length;
      expect(isOld || isNew, `round ${round}: neither the old nor the new data: ${JSON.stringify(state.counts)}`).toBe(
        true,
      );
      outcomes.push({ kill: kill === 'after-commit' ? kill : Math.round(kill * writeMs), isNew });
    }
    const described = outcomes.map(
      ({ kill, isNew }) => `${kill === 'after-commit' ? kill : `${kill} ms`}: ${isNew ? 'new' : 'old'}`,
    );
    console.log(`interrupted restores (SIGKILL after the write began; it took ${writeMs} ms): ${described.join(', ')}`);
    expect(outcomes[0].isNew, 'the restore that was let commit kept its data').toBe(true);
    expect(
      outcomes.some(({ kill, isNew }) => kill !== 'after-commit' && kill > 0 && !isNew),
      'at least one kill landed while the write was under way',
    ).toBe(true);
  }, 600_000);

  it('refuses bad files, says exactly why, and changes nothing', async () => {
    const settings = await openWithDemo('small');
    const before = await settings.storedState();
    const good = await datasetBackup('small', 77);
    const headerEnd = good.bytes.indexOf(0x0a) + 1;

    const changed = good.bytes.slice();
    changed[headerEnd + 50] ^= 0xff;
    const huge = writeTestFile('huge.ftbackup', good.bytes.subarray(0, headerEnd));
    truncateSync(huge, 200 * 1024 * 1024); // sparse: a 200 MB file that costs no disk
    const cases: [string, string, RegExp][] = [
      [
        'truncated',
        writeTestFile('cut.ftbackup', good.bytes.subarray(0, good.bytes.length - 500)),
        /This backup is incomplete: .* cut off/,
      ],
      ['wrong checksum', writeTestFile('changed.ftbackup', changed), /does not match its checksum/],
      [
        'not a backup',
        join(process.cwd(), 'templates', 'Session-Summary.docx'),
        /This file is not a Followthrough backup\. It looks like a ZIP archive or an Office document/,
      ],
      ['200 MB', huge, /This file is 200 MB; Followthrough restores backups of up to 100 MB/],
    ];
    for (const [what, path, message] of cases) {
      await settings.chooseFile(path);
      await expect(settings.refusal().textContent(), what).resolves.toMatch(message);
      await expect(settings.refusal().textContent(), what).resolves.toContain('Nothing was changed');
      expect(await settings.preview().count(), what).toBe(0);
    }
    await app!.page.emulateMedia({ colorScheme: 'dark' });
    await settings.backups().screenshot({ path: `${screenshotDir}/backups-refusal-dark.png` });
    expect(await settings.storedState()).toEqual(before);
    rmSync(huge);
  });
});

/** Creates, from any page of the app's origin (a missing one will do), the database as the first release did. */
async function createVersion1Database(page: Page): Promise<string> {
  const participantId = crypto.randomUUID();
  await page.evaluate(
    ({ stores, participantId }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('followthrough', 10);
        request.onupgradeneeded = () => {
          for (const [name, line] of Object.entries(stores)) {
            const [primary, ...indexes] = line.split(', ');
            const auto = primary.startsWith('++');
            const store = request.result.createObjectStore(name, {
              keyPath: primary.replace('++', ''),
              autoIncrement: auto,
            });
            for (const index of indexes) store.createIndex(index, index);
          }
          const transaction = request.transaction!;
          transaction.objectStore('participants').add({
            id: participantId,
            name: 'Amara Okafor',
            role: 'Head of Operations',
            team: 'Ops',
            organisation: 'Acme',
            sponsor: 'COO',
            cohort: 'Pilot 1',
            tier: 'high-touch',
            startDate: '2026-09-01',
            primaryTarget: '',
            secondaryTarget: '',
            status: 'active',
            notes: 'From version 1',
            createdAt: 1,
            updatedAt: 1,
          });
          transaction.objectStore('settings').add({ key: 'coach.name', value: 'Sam Rivera' });
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
    { stores: schemaV1, participantId },
  );
  return participantId;
}

/** When each of the day's automatic backups was made, from the web backup store. */
function dailyBackupTimes(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const request = indexedDB.open('followthrough-backups');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.objectStoreNames.contains('files')
            ? db.transaction('files').objectStore('files').getAll()
            : null;
          if (!all) {
            db.close();
            return resolve([]);
          }
          all.onsuccess = () => {
            db.close();
            resolve(all.result.filter((file) => file.kind === 'daily').map((file) => file.createdAt as number));
          };
        };
      }),
  );
}

describe('the day’s automatic backup', () => {
  it('waits for a pause in the coach’s typing, then is made', async () => {
    // The page runs on Playwright's clock: the seconds of typing and of the pause after it pass in
    // jumps while the coach's keys are real.
    app = await launchApp({ hash: '?demo=small', beforeLoad: (_context, page) => page.clock.install() });
    const { page } = app;
    const pageNow = () => page.evaluate(() => Date.now());
    await page.locator('[data-ready="true"]').waitFor({ timeout: 120_000 });
    const startedAt = await pageNow();
    const sessionId = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('followthrough');
          request.onsuccess = () => {
            const cursor = request.result.transaction('sessions').objectStore('sessions').openCursor();
            cursor.onsuccess = () => resolve(String(cursor.result?.key));
          };
        }),
    );
    await page.goto(appUrl(`#/sessions/${sessionId}`));
    await page.getByRole('textbox', { name: 'Notes', exact: true }).click();
    // Housekeeping starts 10 s after start-up; the coach is still typing 8 s later, a second at most
    // between two bursts of keys.
    while ((await pageNow()) - startedAt < 18_000) {
      await page.keyboard.type('we agreed on one owner per action ');
      await page.clock.fastForward(1_000);
    }
    await page.keyboard.type('and one date.');
    const lastKeyAt = await pageNow();
    expect(await dailyBackupTimes(page)).toEqual([]);

    // From here the clock moves only when told, a tenth of a second at a time, so the backup's
    // time says when it was started to within a few of those.
    await page.clock.pauseAt(lastKeyAt + 1_000);
    await expect
      .poll(
        async () => {
          await page.clock.runFor(100);
          return dailyBackupTimes(page);
        },
        { timeout: 30_000, interval: 10 },
      )
      .toHaveLength(1);
    const [madeAt] = await dailyBackupTimes(page);
    expect(madeAt - lastKeyAt).toBeGreaterThanOrEqual(5_000);
  });
});

describe('upgrading a version 1 database in the browser', () => {
  it('backs it up before the upgrade, then opens it with everything there', async () => {
    app = await launchApp({ hash: 'version-1-setup' });
    const participantId = await createVersion1Database(app.page);
    app.consoleErrors.length = 0; // the setup page's own 404
    await app.page.goto(`${appUrl()}#/participants/${participantId}`);
    await app.page.getByRole('article', { name: 'Amara Okafor' }).waitFor({ timeout: 30_000 });
    await app.page.getByRole('region', { name: 'Consent and data' }).getByText('Consent history').waitFor();

    const settings = new PrivacySettings(app.page);
    await settings.open();
    const backups = settings.backups().getByRole('list', { name: 'Automatic backups' });
    await backups.getByText('Before an update').waitFor();
    await backups.getByRole('button', { name: 'Restore…' }).first().click();
    await settings.preview().getByText('data version 1 (brought up to date for this version)').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('asks the coach before updating when the backup before it fails, and changes nothing until then', async () => {
    app = await launchApp({ hash: 'version-1-setup' });
    const participantId = await createVersion1Database(app.page);
    // A backup store this version cannot use (its files keyed differently) makes the backup fail.
    await app.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const request = indexedDB.open('followthrough-backups', 10);
          request.onupgradeneeded = () => request.result.createObjectStore('files', { keyPath: 'id' });
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
        }),
    );
    await app.page.goto(`${appUrl()}#/participants/${participantId}`);
    const prompt = app.page.getByRole('alertdialog', { name: 'Your data could not be backed up before the update' });
    await prompt.waitFor();
    expect(await new PrivacySettings(app.page).storedState()).toMatchObject({ counts: { participants: 1 } });
    const version = await app.page.evaluate(
      async () => (await indexedDB.databases()).find((db) => db.name === 'followthrough')?.version,
    );
    expect(version).toBe(10);
    for (const colorScheme of ['light', 'dark'] as const) {
      await app.page.emulateMedia({ colorScheme });
      await app.page.screenshot({ path: `${screenshotDir}/upgrade-backup-failed-${colorScheme}.png` });
    }
    await prompt.getByRole('button', { name: 'Update without a backup' }).click();
    await app.page.getByRole('article', { name: 'Amara Okafor' }).waitFor({ timeout: 30_000 });
  });
});
