// Enter in a field does what that field says and nothing else: it never clicks a button it does
// not belong to (a bare <button> in a form is a submit button, and Enter "clicks" the first one).
// Each sweep types into every field of a screen from the keyboard, presses Enter, and compares
// every record before and after.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { changedFields, readRecords, type FieldChange, type RecordSnapshot } from './records';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

/** What the sweep types into a field, and the value the record should then hold. */
type Typing = { keys: (field: Locator) => Promise<void>; expected: unknown };

/** `multiline`: a text area where Enter starts a new line (not one that wraps a single line). */
type FieldInfo = { name: string; tag: string; type: string; multiline: boolean };

async function describeField(field: Locator): Promise<FieldInfo> {
  return field.evaluate((element) => {
    const input = element as HTMLInputElement;
    const label = input.labels?.[0]?.textContent ?? input.getAttribute('aria-label') ?? '';
    const tag = element.tagName.toLowerCase();
    const multiline = tag === 'textarea' && element.getAttribute('aria-multiline') !== 'false';
    return { name: label.trim(), tag, type: input.type, multiline };
  });
}

/**
 * Presses Enter in every field `fields` finds (after typing into the text ones), then writes a
 * marker into `sentinel` and waits for it to reach the database: any write Enter set off has
 * committed by then. Expects exactly the typed value to have changed, and nothing else.
 */
async function sweepEnter(
  page: Page,
  fields: Locator,
  options: {
    sentinel: Locator;
    sentinelChange: (change: FieldChange, marker: string) => boolean;
    /** What to type before Enter; null to press Enter alone, 'skip' for a field swept elsewhere. */
    typing: (field: FieldInfo, index: number) => Typing | null | 'skip';
  },
) {
  const count = await fields.count();
  expect(count).toBeGreaterThan(0);
  let swept = 0;
  for (let index = 0; index < count; index += 1) {
    const field = fields.nth(index);
    const info = await describeField(field);
    const typing = info.type === 'checkbox' || info.type === 'radio' ? null : options.typing(info, index);
    if (typing === 'skip') continue;
    const before = await readRecords(page);
    await field.focus();
    if (typing) await typing.keys(field);
    await page.keyboard.press('Enter');

    const marker = `·${index}`;
    await options.sentinel.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(marker);
    // Leaving the field saves it at once rather than after the pause in typing.
    await options.sentinel.blur();
    let after: RecordSnapshot = before;
    await expect
      .poll(
        async () => {
          after = await readRecords(page);
          return changedFields(before, after).some((change) => options.sentinelChange(change, marker));
        },
        { timeout: 10_000, interval: 100 },
      )
      .toBe(true);
    const changes = changedFields(before, after).filter((change) => !options.sentinelChange(change, marker));
    const what = `Enter in “${info.name}” (${info.tag} ${info.type}, field ${index})`;
    if (typing) {
      expect(
        changes.map(({ field, after }) => ({ field, after })),
        what,
      ).toEqual([{ field: expect.any(String), after: typing.expected }]);
    } else {
      expect(changes, what).toEqual([]);
    }
    swept += 1;
  }
  return swept;
}

const dayInMarch = (index: number) => `2027-03-${String(1 + (index % 28)).padStart(2, '0')}`;

const replaceWith = (text: string) => async (field: Locator) => {
  await field.press('Control+a');
  await field.page().keyboard.type(text);
};

describe('Enter in a field', () => {
  it('in a session with five actions, pressed in every field from the keyboard, changes exactly what was typed', async () => {
    app = await launchApp();
    const { page } = app;
    const shell = new AppShell(page);
    await shell.addParticipant('Amara Okafor', 'Head of Operations');
    await shell.startSession();
    const editor = page.locator('.session-editor');

    // Five actions from the add row, Enter pressed in a different one of its fields each time.
    const addRow = ['New action', 'New action owner', 'New action due date', 'New action verification'];
    for (let n = 0; n < 5; n += 1) {
      const action = {
        text: `Action ${n + 1}`,
        owner: `Owner ${n + 1}`,
        dueDate: `2027-02-0${n + 1}`,
        verification: `Check ${n + 1}`,
      };
      const before = await readRecords(page);
      await page.keyboard.press('Alt+a');
      for (const [step, value] of [action.text, action.owner, action.dueDate, action.verification].entries()) {
        if (step > 0) await page.keyboard.press('Tab');
        await page.keyboard.type(value);
      }
      const enterIn = addRow[n % addRow.length];
      await editor.getByRole('textbox', { name: enterIn, exact: true }).focus();
      await page.keyboard.press('Enter');
      let changes: FieldChange[] = [];
      await expect
        .poll(async () => {
          changes = changedFields(before, await readRecords(page));
          return changes.length;
        })
        .toBeGreaterThan(0);
      expect(changes, `Enter in ${enterIn}`).toEqual([
        expect.objectContaining({
          store: 'actions',
          field: '*',
          before: undefined,
          after: expect.objectContaining(action),
        }),
      ]);
    }

    const notes = editor.getByRole('textbox', { name: 'Notes', exact: true });
    const goal = editor.getByRole('textbox', { name: 'Goal', exact: true });
    const sessionId = page.url().split('/').at(-1);
    const sentinelIn = (field: string) => (change: FieldChange, marker: string) =>
      change.store === 'sessions' &&
      change.id === sessionId &&
      change.field === field &&
      String(change.after).endsWith(marker);

    const typingExpectations = new Map<number, string>();
    const typing = (info: FieldInfo, index: number): Typing | 'skip' => {
      if (info.name.startsWith('New action') || info.name === 'Notes') return 'skip';
      const fixed: Record<string, [string, unknown]> = {
        Date: ['2026-11-30', '2026-11-30'],
        Due: [dayInMarch(index), dayInMarch(index)],
        'Start time': ['10:45', '10:45'],
        'Duration (minutes)': [String(40 + index), 40 + index],
      };
      if (info.name in fixed) return { keys: replaceWith(fixed[info.name][0]), expected: fixed[info.name][1] };
      const typed = ` typed ${index}`;
      if (info.tag === 'textarea') {
        return {
          keys: async (field) => {
            const old = await field.inputValue();
            typingExpectations.set(index, `${old}${typed}${info.multiline ? '\n' : ''}`);
            await field.press('Control+End');
            await page.keyboard.type(typed);
          },
          get expected() {
            return typingExpectations.get(index);
          },
        };
      }
      return { keys: replaceWith(`Field ${index}`), expected: `Field ${index}` };
    };

    const everyField = editor.locator('input, textarea');
    const swept = await sweepEnter(page, everyField, { sentinel: notes, sentinelChange: sentinelIn('notes'), typing });
    // Notes was the sentinel above; its own Enter is checked with Goal as the sentinel.
    const notesTyping = (info: FieldInfo, index: number) => typing({ ...info, name: 'Notes as text' }, index);
    await sweepEnter(page, notes, { sentinel: goal, sentinelChange: sentinelIn('goal'), typing: notesTyping });
    expect(swept).toBeGreaterThanOrEqual(5 * 5 + 7);

    // The Blocked reason says "Enter to save": it saves the reason and nothing else.
    const second = editor.getByRole('combobox', { name: /^Status of/ }).nth(1);
    await second.selectOption('blocked');
    const before = await readRecords(page);
    await page.keyboard.type('Waiting on the budget');
    await page.keyboard.press('Enter');
    let changes: FieldChange[] = [];
    await expect
      .poll(async () => {
        changes = changedFields(before, await readRecords(page));
        return changes.map((change) => change.field).sort();
      })
      .toEqual(['blockedReason', 'history', 'status']);
    expect(new Set(changes.map((change) => change.id)).size).toBe(1);

    await page.reload();
    await editor.getByRole('textbox', { name: 'Goal', exact: true }).waitFor();
    const actions = Object.values((await readRecords(page)).actions);
    expect(actions.filter((action) => action.deletedAt === undefined)).toHaveLength(5);
  }, 300_000);
});
