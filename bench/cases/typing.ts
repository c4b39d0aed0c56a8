// Typing in a session's Notes with five years of data in the database, in Chromium:
//  - keystroke to durable: from a key press to the moment the text is committed in IndexedDB
//    (debounce included, by design ≤ 300 ms), against a bare IndexedDB put of the same record;
//  - input to paint: the Event Timing API's duration of each keystroke (from the input event to
//    the next paint) while typing sentences, against the same typing into a bare textarea on an
//    empty page that holds the same notes.
import type { Page } from 'playwright-core';
import { openUntilReady, withPage } from '../chromium';
import { sharedAppProfiles } from '../app-profiles';
import { percentile } from '../stats';
import { inputToPaint, openBareNotes, openSessionNotes, overAFrame, storedSessionId } from '../page-typing';
import type { BenchCase, BenchMode } from '../types';

/** Opens the first stored session with the caret at the end of its Notes; returns those notes. */
async function openFirstSession(page: Page, appUrl: string): Promise<string> {
  await openUntilReady(page, appUrl);
  return openSessionNotes(page, appUrl, await storedSessionId(page, 0));
}

/** The session's `updatedAt` as stored, read raw: it is in clear whether or not the notes are sealed. */
const storedUpdatedAt = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('followthrough');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction('sessions').objectStore('sessions').get(location.hash.split('/')[2]);
          get.onsuccess = () => {
            db.close();
            resolve(get.result?.updatedAt as number);
          };
        };
      }),
  );

/**
 * Milliseconds from each key press until the session record in IndexedDB holds the new text: the
 * first write committed after the key, since each key waits for the one before it to be stored.
 */
async function keystrokeToDurable(page: Page, keys: number): Promise<number[]> {
  const samples: number[] = [];
  for (let key = 0; key < keys; key += 1) {
    const before = await storedUpdatedAt(page);
    const started = await page.evaluate(() => performance.now());
    await page.keyboard.type(`k${key}x`);
    while ((await storedUpdatedAt(page)) === before) await page.waitForTimeout(5);
    samples.push((await page.evaluate(() => performance.now())) - started);
  }
  const notes = await page.getByRole('textbox', { name: 'Notes', exact: true }).inputValue();
  if (!notes.endsWith(`k${keys - 1}x`)) throw new Error('the typed keys did not all reach the Notes');
  return samples;
}

/** Milliseconds for a bare put of the same session record, committed. */
async function barePut(page: Page, writes: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('followthrough');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => resolve(request.result);
    });
    const sessionId = location.hash.split('/')[2];
    const session = await new Promise<Record<string, unknown>>((resolve) => {
      const get = db.transaction('sessions').objectStore('sessions').get(sessionId);
      get.onsuccess = () => resolve(get.result);
    });
    const samples: number[] = [];
    for (let write = 0; write < count; write += 1) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('sessions', 'readwrite');
        tx.objectStore('sessions').put({ ...session, notes: `${session.notes}b${write}` });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      samples.push(performance.now() - started);
    }
    db.close();
    return samples;
  }, writes);
}

const keys = (mode: BenchMode) => (mode.smoke ? 5 : 40);

const durable: BenchCase = {
  name: 'keystroke-to-durable',
  async measure(mode) {
    const fixture = await sharedAppProfiles(mode);
    return withPage(fixture.dataProfile, async (page) => {
      await openFirstSession(page, fixture.appUrl);
      const ours = await keystrokeToDurable(page, keys(mode));
      const baseline = await barePut(page, keys(mode));
      const p99 = percentile(ours, 0.99);
      return {
        ours,
        baseline,
        notes: `${fixture.size} dataset; key press → committed in IndexedDB, autosave debounce (200 ms, at most 300 ms) included; p99 ${p99.toFixed(0)} ms; baseline a bare put; target p99 ≤ 400 ms`,
        extra: { p99_ms: p99 },
      };
    });
  },
};

const durableSealed: BenchCase = {
  name: 'keystroke-to-durable-encrypted',
  async measure(mode) {
    const fixture = await sharedAppProfiles(mode);
    const typeIn = (profile: string, withoutKeychain: boolean) =>
      withPage(
        profile,
        async (page) => {
          await openFirstSession(page, fixture.appUrl);
          return keystrokeToDurable(page, keys(mode));
        },
        { withoutKeychain },
      );
    const ours = await typeIn(fixture.dataProfile, false);
    const baseline = await typeIn(fixture.plainDataProfile, true);
    const p99 = percentile(ours, 0.99);
    return {
      ours,
      baseline,
      notes: `${fixture.size} dataset; key press → committed, notes stored encrypted vs in clear (no keychain); p99 ${p99.toFixed(0)} ms vs ${percentile(baseline, 0.99).toFixed(0)} ms; target p99 ≤ 400 ms`,
      extra: { p99_ms: p99, baseline_p99_ms: percentile(baseline, 0.99) },
    };
  },
};

const paint: BenchCase = {
  name: 'input-to-paint',
  async measure(mode) {
    const fixture = await sharedAppProfiles(mode);
    let storedNotes = '';
    const ours = await withPage(fixture.dataProfile, async (page) => {
      storedNotes = await openFirstSession(page, fixture.appUrl);
      return inputToPaint(page, keys(mode) * 5);
    });
    const baseline = await withPage(fixture.bareProfile, async (page) => {
      await openBareNotes(page, fixture.bareUrl, storedNotes);
      return inputToPaint(page, keys(mode) * 5);
    });
    return {
      ours,
      baseline,
      notes: `${fixture.size} dataset; Event Timing duration per keystroke typing sentences in Notes (8 ms = under the 16 ms reporting floor) vs a bare textarea holding the same notes; keys over 16 ms ${overAFrame(ours).toFixed(1)}% vs ${overAFrame(baseline).toFixed(1)}% bare; target p95 ≤ 16 ms`,
      extra: { over_16ms_pct: overAFrame(ours), baseline_over_16ms_pct: overAFrame(baseline) },
    };
  },
};

export const cases: BenchCase[] = [durable, durableSealed, paint];
