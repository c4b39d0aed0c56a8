// Enter in a field does what that field says and nothing else: it never clicks a button it does
// not belong to (a bare <button> in a form is a submit button, and Enter "clicks" the first one).
// Each sweep types into every field of a screen from the keyboard (the session, the contract
// editor, Settings), presses Enter, and compares every record before and after.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { amara, startSessionWith } from './pages/app-shell';
import { contractWithNewLeader } from './pages/contracts-page';
import { changedFields, coachRecordStores, readRecords, type FieldChange, type RecordSnapshot } from './records';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

/** What the sweep types into a field, and the value the record should then hold (a value, or an
 * asymmetric matcher such as `holdsText`). */
type Typing = {
  keys: (field: Locator) => Promise<void>;
  expected: unknown;
  /** Fields of the same record that a rule derives from this one (the next review from the start). */
  derived?: string[];
  /** Waits for what Enter deliberately does besides saving (focus moving to a new field). */
  afterEnter?: () => Promise<void>;
  /** Enter refuses what was typed (with a message): nothing may change. */
  refused?: boolean;
};

/** Matches a stored value (text, or a list of commitments, roles…) that holds `text` somewhere. */
const holdsText = (text: string) => ({
  asymmetricMatch: (value: unknown) => JSON.stringify(value).includes(text),
  toString: () => `a value holding “${text}”`,
});

/** Matches `value` stored as the record's own field, or as `field` of an item in one of its lists
 * (a commitment's due date, say). */
const storedAs = (field: string, value: unknown) => ({
  asymmetricMatch: (stored: unknown) =>
    stored === value || holdsText(`${JSON.stringify(field)}:${JSON.stringify(value)}`).asymmetricMatch(stored),
  toString: () => `${JSON.stringify(value)} as ${field}`,
});

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
    stores?: readonly string[];
  },
) {
  const read = () => readRecords(page, options.stores ?? coachRecordStores);
  // The fields there are now, each named once: Enter in some adds a field (a RACI role adds the
  // next column), which must not shift the ones still to come.
  const count = await fields.evaluateAll((elements) => {
    document.querySelectorAll('[data-enter-sweep]').forEach((element) => element.removeAttribute('data-enter-sweep'));
    elements.forEach((element, index) => element.setAttribute('data-enter-sweep', String(index)));
    return elements.length;
  });
  expect(count).toBeGreaterThan(0);
  let swept = 0;
  for (let index = 0; index < count; index += 1) {
    const field = page.locator(`[data-enter-sweep="${index}"]`);
    // A field an earlier Enter replaced on purpose (the lock form, once the lock is on); the
    // count each sweep expects keeps this honest.
    if ((await field.count()) === 0) continue;
    const info = await describeField(field);
    const typing = info.type === 'checkbox' || info.type === 'radio' ? null : options.typing(info, index);
    if (typing === 'skip') continue;
    const what = `Enter in “${info.name}” (${info.tag} ${info.type}, field ${index})`;
    const before = await read();
    await field.focus();
    if (typing) await typing.keys(field);
    await page.keyboard.press('Enter');
    if (typing) await typing.afterEnter?.();

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
          after = await read();
          return changedFields(before, after).some((change) => options.sentinelChange(change, marker));
        },
        { timeout: 10_000, interval: 100, message: `${what}: the sentinel's edit was not stored` },
      )
      .toBe(true);
    const changes = changedFields(before, after).filter((change) => !options.sentinelChange(change, marker));
    if (typing?.refused) {
      expect(changes, what).toEqual([]);
    } else if (typing) {
      const derived = changes.filter((change) => typing.derived?.includes(change.field));
      expect(
        changes.filter((change) => !derived.includes(change)).map(({ field, after }) => ({ field, after })),
        what,
      ).toEqual([{ field: expect.any(String), after: typing.expected }]);
      expect(new Set(changes.map((change) => `${change.store}/${change.id}`)).size, what).toBe(1);
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
    const { page } = await startSessionWith(app, amara);
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

  it('in the follow-up forms, submits the form it is in and changes nothing else', async () => {
    app = await launchApp();
    const { page, shell, session: first } = await startSessionWith(app, amara);
    await first.addActionsByKeyboard([
      { text: 'Publish the triage RACI', owner: 'Dana', due: '2026-12-03', verification: 'Link' },
      { text: 'Run the Monday review', owner: 'Amara', due: '2026-12-04', verification: 'Agenda' },
    ]);
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    const changesAfter = async (before: RecordSnapshot, count: number) => {
      let changes: FieldChange[] = [];
      await expect
        .poll(async () => {
          changes = changedFields(before, await readRecords(page));
          return changes.length;
        })
        .toBeGreaterThanOrEqual(count);
      return changes;
    };

    // Enter in the plan form's date plans one session, and nothing else changes.
    await shell.goTo('Participants');
    await shell.participantLink('Amara Okafor').click();
    const plan = page.getByRole('form', { name: 'Plan a session' });
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv');
    await plan.getByLabel('Date').fill(tomorrow);
    let before = await readRecords(page);
    await plan.getByLabel('Date').press('Enter');
    const planned = await changesAfter(before, 1);
    expect(planned).toEqual([
      expect.objectContaining({
        store: 'sessions',
        field: '*',
        before: undefined,
        after: expect.objectContaining({ status: 'planned', date: tomorrow }),
      }),
    ]);

    // Enter in a Since last time reason records that decision, for that action only.
    await page.getByRole('listitem').filter({ hasText: 'Planned ·' }).getByRole('link').click();
    const since = page.getByRole('region', { name: 'Since last time' });
    await since
      .getByRole('group', { name: 'Since last time: Run the Monday review' })
      .getByRole('button', { name: 'Blocked…' })
      .click();
    await page.keyboard.type('Waiting for the budget');
    before = await readRecords(page);
    await page.keyboard.press('Enter');
    const decided = await changesAfter(before, 4);
    const actionId = decided.find((change) => change.store === 'actions')?.id;
    expect(decided.map(({ store, field }) => `${store}.${field}`).sort()).toEqual([
      'actionReviews.*',
      'actions.blockedReason',
      'actions.history',
      'actions.status',
    ]);
    expect(decided.filter((change) => change.store === 'actions').every((change) => change.id === actionId)).toBe(true);
  });

  it('in the contract editor, pressed in every field from the keyboard, changes exactly what was typed', async () => {
    app = await launchApp();
    const opsHandoffs = { title: 'Ops handoffs', team: 'Operations', startDate: '2026-10-05' };
    const { page, contracts } = await contractWithNewLeader(app, amara, opsHandoffs);
    await contracts.addCommitment(1, 'Weekly demo to stakeholders', 'Demo held every Friday', 'Ines');
    await contracts.addCommitment(2, 'Retro actions tracked', 'Each action has an owner', 'Sam');
    await contracts.addRoles(['Lead', 'PM']);
    await contracts.addDecisions([
      ['Release go/no-go', 'AR'],
      ['Sprint scope', 'CA'],
    ]);
    await page.getByRole('button', { name: 'Start review' }).click();
    await contracts.reviewPanel().waitFor();
    const contractId = page.url().split('/').at(-1);
    const editor = page.locator('.contract-page');
    const sentinelIn = (field: string) => (change: FieldChange, marker: string) =>
      change.store === 'contracts' &&
      change.id === contractId &&
      change.field === field &&
      String(change.after).endsWith(marker);

    const typing = (info: FieldInfo, index: number): Typing | 'skip' => {
      if (info.name === 'Team') return 'skip';
      const date = dayInMarch(index);
      // The next review follows the start date and the cadence, as the contract's rule says.
      const nextReview = ['nextReviewDate'];
      if (info.name === 'Start date') return { keys: replaceWith(date), expected: date, derived: nextReview };
      if (info.name === 'Next review') return { keys: replaceWith(date), expected: date };
      if (info.name === 'Due') return { keys: replaceWith(date), expected: storedAs('dueDate', date) };
      if (info.name === 'Review every (weeks)') {
        // Never 6, the default, so the value really changes.
        const weeks = 2 + (index % 4);
        return {
          keys: replaceWith(String(weeks)),
          expected: storedAs('reviewCadenceWeeks', weeks),
          derived: nextReview,
        };
      }
      const typed = ` e${index}`;
      const role = /^Role (\d+)$/.exec(info.name);
      return {
        keys: async (field) => {
          await field.press('Control+End');
          await page.keyboard.type(typed);
        },
        expected: holdsText(typed),
        // Enter in a role adds the next column and moves there, as the grid's keyboard promises.
        afterEnter: role ? () => contracts.waitForFocus(contracts.roleInput(Number(role[1]) + 1)) : undefined,
      };
    };
    const team = editor.getByRole('textbox', { name: 'Team', exact: true });
    const title = editor.getByRole('textbox', { name: 'Title', exact: true });
    const swept = await sweepEnter(page, editor.locator('input, textarea'), {
      sentinel: team,
      sentinelChange: sentinelIn('team'),
      typing,
    });
    const teamTyping = (info: FieldInfo, index: number) => typing({ ...info, name: 'Team as text' }, index);
    await sweepEnter(page, team, { sentinel: title, sentinelChange: sentinelIn('title'), typing: teamTyping });
    // Title, cadence, two dates, two commitments of four fields and their cadences, two roles,
    // two decisions and the review notes.
    expect(swept).toBeGreaterThanOrEqual(16);

    const contract = (await readRecords(page)).contracts[contractId!];
    expect(contract.commitments).toHaveLength(2);
    expect(contract.deletedAt).toBeUndefined();
  }, 300_000);

  it('in the Settings forms, pressed in every field from the keyboard, changes exactly what was typed', async () => {
    app = await launchApp();
    // Something in the trash, so a stray Enter that reached "Delete forever" or "Restore" would show.
    const { page, shell } = await startSessionWith(app, amara);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete session?' }).click();
    await shell.goTo('Settings');
    const settings = page.getByRole('main');
    const stores = [...coachRecordStores, 'settings'];
    // A setting is a { key, value } record, added the first time it is set.
    const settingValue = (change: FieldChange) =>
      change.field === '*' ? (change.after as { value?: unknown } | undefined)?.value : change.after;
    const inSetting = (change: FieldChange, marker: string) =>
      change.store === 'settings' && String(settingValue(change)).endsWith(marker);
    const passcode = 'river-2468';
    const typing = (info: FieldInfo, index: number): Typing | null | 'skip' => {
      if (info.name === 'Your organisation') return 'skip';
      if (info.tag === 'select') return null;
      // A time field takes a time, not text: the quiet hours store the one chosen.
      if (info.type === 'time') {
        const time = info.name === 'From' ? '21:30' : '07:15';
        return { keys: (field) => field.fill(time), expected: holdsText(`"${time}"`) };
      }
      const typeIt = (text: string) => async (field: Locator) => {
        await field.press('Control+End');
        await page.keyboard.type(text);
      };
      // Enter submits the lock's form: refused while the passcode is not repeated, then it turns
      // the lock on, which stores the lock's settings and nothing else.
      if (info.name === 'New passcode') return { keys: typeIt(passcode), expected: undefined, refused: true };
      if (info.name === 'Repeat it') {
        // Deriving the passcode's key takes a moment: wait for the lock to be stored.
        const lockOn = () => expect.poll(async () => (await readRecords(page, stores)).settings.lock).toBeDefined();
        return { keys: typeIt(passcode), expected: expect.anything(), afterEnter: lockOn };
      }
      // Settings are stored trimmed: no leading space.
      const typed = `-s${index}`;
      return { keys: typeIt(typed), expected: holdsText(typed) };
    };
    const organisation = settings.getByRole('textbox', { name: 'Your organisation' });
    const name = settings.getByRole('textbox', { name: 'Your name, as it appears on documents' });
    const swept = await sweepEnter(page, settings.locator('input:not([type=file]), textarea, select'), {
      sentinel: organisation,
      sentinelChange: inSetting,
      typing,
      stores,
    });
    const organisationTyping = (info: FieldInfo, index: number) => typing({ ...info, name: 'as text' }, index);
    await sweepEnter(page, organisation, {
      sentinel: name,
      sentinelChange: inSetting,
      typing: organisationTyping,
      stores,
    });
    // Name, three themes, two retention choices, the passcode twice and three templates (the lock
    // delay is replaced once the lock is on).
    expect(swept).toBeGreaterThanOrEqual(11);
    await expect.poll(() => settings.getByRole('region', { name: 'Trash' }).getByRole('listitem').count()).toBe(1);

    // The sync settings save on Enter, as their Save button does: only the sync settings change.
    await shell.goTo('Sync');
    const form = page.getByRole('form', { name: 'Sync settings' });
    await form.getByLabel('Send actions to').selectOption('webhook');
    // Without a secret the settings are refused with a message; then each Enter saves them.
    const entries: [field: string, text: string, outcome: 'refused' | 'saved'][] = [
      ['Webhook URL', 'https://hooks.example.invalid/catch/1', 'refused'],
      ['Signing secret', 'a-shared-secret', 'saved'],
      ['Webhook URL', 'https://hooks.example.invalid/catch/2', 'saved'],
    ];
    for (const [label, text, outcome] of entries) {
      const what = `Enter in ${label} (${outcome})`;
      const before = await readRecords(page, stores);
      await form.getByLabel(label, { exact: true }).fill(text);
      await form.getByLabel(label, { exact: true }).press('Enter');
      const answer = outcome === 'saved' ? form.getByRole('status') : form.getByRole('alert');
      await answer.filter({ hasText: outcome === 'saved' ? 'Sync settings saved' : 'signing secret' }).waitFor();
      const changes = changedFields(before, await readRecords(page, stores));
      if (outcome === 'refused') expect(changes, what).toEqual([]);
      expect(
        changes.every((change) => change.store === 'settings' && change.id.startsWith('sync.')),
        what,
      ).toBe(true);
      if (outcome === 'saved' && label === 'Webhook URL') {
        expect(changes.find((change) => change.id === 'sync.settings')?.after, what).toEqual(
          expect.objectContaining({ connector: { kind: 'webhook', url: text } }),
        );
      }
    }
  }, 300_000);
});
