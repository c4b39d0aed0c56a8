// The follow-up loop with years of data: start-up when Today's "Coming up" holds ten planned
// sessions, against the same large dataset with none planned, and opening one of their prep cards.
// Both profiles are copies of the shared large-dataset profile whose planned sessions are replaced
// with raw IndexedDB writes from a page of the same origin that runs no app code (the metric facts
// of those sessions are left as they were: neither Today nor a prep card reads them). Their empty
// notes are written in clear, which the app reads as it reads a record from before encryption.
import { cp } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { sharedAppProfiles, type AppProfiles } from '../app-profiles';
import { newProfileDirectory, openUntilReady, removeDirectory, withPage } from '../chromium';
import { measureSides } from '../sampling';
import type { BenchCase, BenchMode } from '../types';

const PLANNED = 10;
const COMING_UP_DAYS = 7;

type PlannedProfiles = { withPlanned: string; withoutPlanned: string };

/** Deletes every planned session, then plans `count` in the next week with different participants. */
const replacePlanned = (count: number) =>
  `new Promise((resolve, reject) => {
    const request = indexedDB.open('followthrough');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('sessions', 'readwrite');
      const store = tx.objectStore('sessions');
      const all = store.getAll();
      all.onsuccess = () => {
        const participants = [];
        const templates = [];
        for (const session of all.result) {
          if (session.status === 'planned') store.delete(session.id);
          else if (!participants.includes(session.participantId) && session.deletedAt === undefined) {
            participants.push(session.participantId);
            templates.push(session);
          }
        }
        const day = (offset) => {
          const date = new Date();
          date.setDate(date.getDate() + offset);
          return date.toLocaleDateString('sv');
        };
        templates.slice(0, ${count}).forEach((template, index) => {
          // The template's sealed notes name its own id; a planned session starts with none.
          const fields = { ...template };
          delete fields.sealed;
          store.add({
            ...fields,
            id: crypto.randomUUID(),
            date: day(index % ${COMING_UP_DAYS}),
            startTime: String(9 + (index % 8)).padStart(2, '0') + ':00',
            durationMinutes: 0,
            timerStartedAt: null,
            goal: '', reality: '', options: '', will: '', notes: '',
            pulse: { preparation: null, clarity: null, documentedAction: null },
            status: 'planned',
            completedAt: null,
          });
        });
      };
      tx.oncomplete = () => { db.close(); resolve(undefined); };
      tx.onerror = () => reject(tx.error);
    };
  })`;

async function plannedCopy(fixture: AppProfiles, count: number, directories: string[]): Promise<string> {
  const profile = await newProfileDirectory();
  directories.push(profile);
  await cp(fixture.dataProfile, profile, { recursive: true });
  await withPage(profile, async (page) => {
    // A 404 of the app's server: its origin, so its IndexedDB, without the app running.
    await page.goto(`${fixture.appUrl}no-app-here`);
    await page.evaluate(replacePlanned(count));
  });
  return profile;
}

let prepared: Promise<PlannedProfiles> | undefined;
const directories: string[] = [];

function plannedProfiles(mode: BenchMode): Promise<PlannedProfiles> {
  prepared ??= sharedAppProfiles(mode).then(async (fixture) => ({
    withPlanned: await plannedCopy(fixture, PLANNED, directories),
    withoutPlanned: await plannedCopy(fixture, 0, directories),
  }));
  return prepared;
}

export async function teardown(): Promise<void> {
  prepared = undefined;
  await Promise.all(directories.splice(0).map(removeDirectory));
}

const coldStart = (profile: string, url: string) => withPage(profile, (page) => openUntilReady(page, url));

const startupWithPlanned: BenchCase = {
  name: 'startup-large-10-planned',
  async measure(mode) {
    const [fixture, profiles] = await Promise.all([sharedAppProfiles(mode), plannedProfiles(mode)]);
    const samples = await measureSides(mode, {
      ours: () => coldStart(profiles.withPlanned, fixture.appUrl),
      baseline: () => coldStart(profiles.withoutPlanned, fixture.appUrl),
    });
    return {
      ...samples,
      notes: `${fixture.size} dataset with up to ${PLANNED} planned sessions in Coming up vs none; target ≤ 1.1×`,
    };
  },
};

/**
 * Milliseconds from a click on a closed <details> (the `index`th matching `selector`) until
 * `ready` matches inside it, on the page's clock; the details is closed again afterwards.
 */
const openDetails = (page: Page, selector: string, index: number, ready: string) =>
  page.evaluate(
    ([selector, index, ready]) =>
      new Promise<number>((resolve, reject) => {
        const details = document.querySelectorAll<HTMLDetailsElement>(selector)[index];
        if (!details) return reject(new Error(`no ${selector} number ${index}`));
        details.open = false;
        const start = performance.now();
        const done = () => {
          if (!details.querySelector(ready)) return false;
          const elapsed = performance.now() - start;
          observer.disconnect();
          details.open = false;
          resolve(elapsed);
          return true;
        };
        const observer = new MutationObserver(done);
        observer.observe(details, { subtree: true, childList: true });
        details.querySelector('summary')!.click();
        done();
      }),
    [selector, index, ready] as const,
  );

/** The floor: a details element whose content is already in the page. */
const staticDetails = `(() => {
  const details = document.createElement('details');
  details.className = 'bench-static';
  details.innerHTML = '<summary>Static</summary><dl><dt>Last time</dt><dd>Text</dd></dl>';
  document.body.append(details);
})()`;

const prepCard: BenchCase = {
  name: 'prep-card-open-large',
  async measure(mode) {
    const [fixture, profiles] = await Promise.all([sharedAppProfiles(mode), plannedProfiles(mode)]);
    return withPage(profiles.withPlanned, async (page) => {
      await openUntilReady(page, fixture.appUrl);
      await page.locator('details.prep').first().waitFor();
      // Ten in the large dataset; the small one of a smoke run has fewer participants.
      const cards = await page.locator('details.prep').count();
      await page.evaluate(staticDetails);
      let run = 0;
      const samples = await measureSides(mode, {
        ours: () => openDetails(page, 'details.prep', run++ % cards, '.prep-card dl'),
        baseline: () => openDetails(page, 'details.bench-static', 0, 'dl'),
      });
      return {
        ...samples,
        notes: `a prep card read from the ${fixture.size} dataset vs a details with static content; target < 50 ms median`,
      };
    });
  },
};

export const cases: BenchCase[] = [startupWithPlanned, prepCard];
