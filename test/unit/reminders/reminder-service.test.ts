// Raising reminders over a real (fake-indexeddb) database: each is shown once, even across a
// restart or two windows checking at the same moment, and none while notifications are blocked.
import { describe, expect, it, vi } from 'vitest';
import type { ChannelInput, NotificationPermission, PlatformApi } from '../../../shared/ipc';
import { ok } from '../../../shared/result';
import { raiseDueReminders } from '../../../renderer/reminders/reminder-service';
import { readReminderSettings, updateReminderSettings } from '../../../renderer/reminders/reminder-settings';
import { databasePerTest } from '../db/test-database';

const openDatabase = databasePerTest();
// Monday 7 December 2026, 09:50 local time.
const now = () => new Date(2026, 11, 7, 9, 50);

function fakePlatform(permission: { current: NotificationPermission }) {
  const shown: ChannelInput<'showNotification'>[] = [];
  const platform: Pick<PlatformApi, 'notificationPermission' | 'showNotification' | 'onNotificationClicked'> = {
    notificationPermission: vi.fn(async () => ok(permission.current)),
    showNotification: vi.fn(async (input: ChannelInput<'showNotification'>) => {
      shown.push(input);
      return ok({ shown: true });
    }),
    onNotificationClicked: () => () => undefined,
  };
  return { platform, shown };
}

async function coachWithSessionInTenMinutes() {
  const { repos } = openDatabase();
  const amara = await repos.participants.create({ name: 'Amara Okafor' });
  const planned = await repos.sessions.create({
    participantId: amara.id,
    date: '2026-12-07',
    startTime: '10:00',
    status: 'planned',
    goal: 'PRIVATE goal',
  });
  await updateReminderSettings(repos.settings, (settings) => ({ ...settings, enabled: true }));
  return { repos, planned };
}

describe('raising reminders', () => {
  it('shows a session ten minutes away once, and not again after a restart', async () => {
    const { repos, planned } = await coachWithSessionInTenMinutes();
    const permission = { current: 'granted' as NotificationPermission };
    const { platform, shown } = fakePlatform(permission);
    expect(await raiseDueReminders({ repositories: repos, platform, now })).toHaveLength(1);
    expect(shown).toEqual([
      { title: 'Amara Okafor at 10:00', body: expect.any(String), target: { section: 'today', id: planned.id } },
    ]);
    expect(JSON.stringify(shown)).not.toContain('PRIVATE');

    const afterRestart = fakePlatform(permission);
    expect(await raiseDueReminders({ repositories: repos, platform: afterRestart.platform, now })).toEqual([]);
    expect(afterRestart.shown).toEqual([]);
  });

  it('shows it once when two windows check at the same moment', async () => {
    const { repos } = await coachWithSessionInTenMinutes();
    const permission = { current: 'granted' as NotificationPermission };
    const first = fakePlatform(permission);
    const second = fakePlatform(permission);
    await Promise.all([
      raiseDueReminders({ repositories: repos, platform: first.platform, now }),
      raiseDueReminders({ repositories: repos, platform: second.platform, now }),
    ]);
    expect(first.shown.length + second.shown.length).toBe(1);
  });

  it('shows nothing while notifications are blocked, and the reminder once they are allowed', async () => {
    const { repos } = await coachWithSessionInTenMinutes();
    const permission = { current: 'denied' as NotificationPermission };
    const { platform, shown } = fakePlatform(permission);
    expect(await raiseDueReminders({ repositories: repos, platform, now })).toEqual([]);
    expect(platform.showNotification).not.toHaveBeenCalled();
    permission.current = 'granted';
    expect(await raiseDueReminders({ repositories: repos, platform, now })).toHaveLength(1);
    expect(shown).toHaveLength(1);
  });

  it('counts the unfinished actions due today, and reminds of yesterday’s session with none', async () => {
    const { repos } = openDatabase();
    const amara = await repos.participants.create({ name: 'Amara Okafor' });
    const held = await repos.sessions.create({ participantId: amara.id, date: '2026-12-06', startTime: '15:00' });
    const answered = await repos.sessions.create({ participantId: amara.id, date: '2026-12-06', startTime: '16:00' });
    await repos.actions.add({ participantId: amara.id, sessionId: answered.id, text: 'Done', dueDate: '2026-12-07' });
    await repos.actions.add({ participantId: amara.id, text: 'Also today', dueDate: '2026-12-07' });
    await repos.actions.add({ participantId: amara.id, text: 'Overdue', dueDate: '2026-12-06' });
    const finished = await repos.actions.add({ participantId: amara.id, text: 'Finished', dueDate: '2026-12-07' });
    await repos.actions.setStatus(finished.id, 'done');
    await updateReminderSettings(repos.settings, (settings) => ({ ...settings, enabled: true }));
    const { platform, shown } = fakePlatform({ current: 'granted' });
    await raiseDueReminders({ repositories: repos, platform, now });
    expect(shown.map(({ title, target }) => [title, target])).toEqual([
      ['2 actions due today', { section: 'today', id: null }],
      ['No action yet from Amara Okafor’s session', { section: 'sessions', id: held.id }],
    ]);
  });

  it('shows nothing until the coach turns reminders on', async () => {
    const { repos } = await coachWithSessionInTenMinutes();
    await updateReminderSettings(repos.settings, (settings) => ({ ...settings, enabled: false }));
    const { platform } = fakePlatform({ current: 'granted' });
    expect(await raiseDueReminders({ repositories: repos, platform, now })).toEqual([]);
  });
});

describe('reminder settings', () => {
  it('refuses quiet hours that start and end at the same time, and keeps what was stored', async () => {
    const { repos } = openDatabase();
    await expect(
      updateReminderSettings(repos.settings, (settings) => ({
        ...settings,
        quietHours: { enabled: true, from: '21:00', to: '21:00' },
      })),
    ).rejects.toThrow('Quiet hours need an end different from their start');
    expect((await readReminderSettings(repos.settings)).quietHours).toEqual({
      enabled: true,
      from: '20:00',
      to: '08:00',
    });
  });

  it('falls back to the defaults, reminders off, when what is stored does not parse', async () => {
    const { repos } = openDatabase();
    await repos.settings.setValue('reminders', { enabled: 'yes' });
    expect((await readReminderSettings(repos.settings)).enabled).toBe(false);
  });
});
