// Typing into a page in Chromium, shared by the typing and paste cases: sentences typed at a
// coach's pace, the Event Timing duration of each keystroke, and the app's session screen opened
// with the caret at the end of its Notes.
import type { Locator, Page } from 'playwright-core';
import { readStore } from '../test/e2e/records';

const TYPING_DELAY_MS = 40;
/** A coach types words, not one endless word: a 300-character run without a space would make the
 * browser re-break one giant line on every key, which no note ever has. */
const SENTENCE = 'We agreed to try the shorter weekly review and to name one owner for each action. ';
const prose = (count: number) => SENTENCE.repeat(Math.ceil(count / SENTENCE.length)).slice(0, count);

declare global {
  interface Window {
    benchEventDurations?: number[];
  }
}

/** Types `count` characters and returns the Event Timing duration of every keystroke (8 ms
 * granularity; events shorter than the 16 ms reporting floor count as 8 ms). */
export async function inputToPaint(page: Page, count: number): Promise<number[]> {
  await page.evaluate(() => {
    window.benchEventDurations = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === 'keydown') window.benchEventDurations!.push(entry.duration);
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
  await page.keyboard.type(prose(count), { delay: TYPING_DELAY_MS });
  await page.waitForTimeout(500);
  const slow = await page.evaluate(() => window.benchEventDurations ?? []);
  return [...slow, ...Array<number>(Math.max(0, count - slow.length)).fill(8)];
}

/** The percentage of keystrokes that took longer than a frame. */
export const overAFrame = (samples: number[]) => (100 * samples.filter((ms) => ms > 16).length) / samples.length;

/** The id of a stored session, counted from the first (0) or, negative, from the last (-1). */
export async function storedSessionId(page: Page, position: number): Promise<string> {
  return String((await readStore<IDBValidKey[]>(page, { store: 'sessions', read: 'getAllKeys' })).at(position));
}

/** The Notes of a session as stored in IndexedDB, read without the app. */
export async function storedNotes(page: Page, sessionId: string): Promise<string> {
  const session = await readStore<{ notes?: string } | undefined>(page, {
    store: 'sessions',
    read: 'get',
    key: sessionId,
  });
  return session?.notes ?? '';
}

/**
 * Both sides type with the field in the middle of the window. Headless Chromium presents nothing
 * for seconds when the caret sits within about 60 px of the viewport's bottom edge (a bare
 * textarea there does it too), which would measure where the field is, not how fast it is.
 */
const toTheMiddle = (field: Locator) => field.evaluate((element) => element.scrollIntoView({ block: 'center' }));

/** The baseline: a bare textarea, as high in the window as the app's Notes once brought to the middle. */
export async function openBareNotes(page: Page, url: string, notes: string): Promise<Locator> {
  await page.goto(url);
  await page.setContent('<div style="height: 40vh"></div><textarea aria-label="Notes" rows="8" cols="120"></textarea>');
  const field = page.getByRole('textbox', { name: 'Notes' });
  await field.evaluate((element: HTMLTextAreaElement, value) => (element.value = value), notes);
  await field.click();
  await page.keyboard.press('Control+End');
  await toTheMiddle(field);
  return field;
}

/** Opens a session with the caret at the end of its Notes, in the middle of the window; returns those notes. */
export async function openSessionNotes(page: Page, appUrl: string, sessionId: string): Promise<string> {
  await page.goto(`${appUrl}#/sessions/${sessionId}`);
  const notes = page.getByRole('textbox', { name: 'Notes', exact: true });
  await notes.click();
  await page.keyboard.press('Control+End');
  await toTheMiddle(notes);
  return notes.inputValue();
}
