// Exports from the screens, read back: a session's GROW checklist and shareable summary, and a
// batch of a participant's sessions, downloaded from the web app and unzipped.
import { describe, expect, it } from 'vitest';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { AppShell, amara, amaraGrow, startSessionWith } from './pages/app-shell';
import { downloadedWordText } from './downloads';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

describe('exports from the screens', () => {
  it('fills the GROW checklist and a summary that leaves private notes out', async () => {
    app = await launchApp();
    const reality = 'Confidential: the sponsor doubts the team';
    const { page, session } = await startSessionWith(app, amara, { ...amaraGrow, reality });
    await session.addActionByKeyboard({
      text: 'Publish the triage RACI & <agenda>',
      owner: 'Dana',
      due: '2026-12-04',
      verification: 'Link posted',
    });
    await session.waitForStoredNotesLength(0);

    const checklist = await downloadedWordText(page, async () => {
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: 'GROW checklist (.docx)' }).click();
    });
    expect(checklist.name).toMatch(/Amara Okafor.*\.docx$/);
    expect(checklist.xml).toContain('Amara Okafor');
    expect(checklist.xml).toContain('Publish the triage RACI &amp; &lt;agenda&gt;');
    expect(checklist.xml).toContain(reality);

    const summary = await downloadedWordText(page, async () => {
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: /Session summary/ }).click();
    });
    expect(summary.xml).toContain(amaraGrow.will);
    expect(summary.xml).toContain('Publish the triage RACI');
    expect(summary.xml).not.toContain('Confidential');
    expect(app.consoleErrors).toEqual([]);
  });

  it("exports all of a participant's sessions as one document with a progress bar", async () => {
    app = await launchApp({ hash: '?demo=small' });
    const { page } = app;
    await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
    await new AppShell(page).goTo('Participants');
    await page.getByRole('region', { name: 'Participant list' }).getByRole('link').first().click();
    await page.getByRole('button', { name: 'Export sessions…' }).click();
    const batch = await downloadedWordText(page, () =>
      page
        .getByRole('region', { name: 'Export sessions' })
        .getByRole('button', { name: 'Export', exact: true })
        .click(),
    );
    expect(batch.name).toMatch(/GROW checklists\.docx$/);
    expect(batch.xml.match(/<w:sectPr/g)?.length ?? 0).toBeGreaterThan(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
