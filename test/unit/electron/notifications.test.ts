// The main process's side of reminders: the renderer asks for a notification through the checked
// IPC path, a system notification shows with the title it was given, and clicking it brings the
// window forward and tells the page which session to open. Electron's Notification is a fake.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { notificationHandlers } from '../../../electron/ipc/notifications';
import { invokeHandler } from '../../../electron/ipc/register';
import { events, type ChannelInput } from '../../../shared/ipc';
import { dueReminders } from '../../../renderer/reminders/due-reminders';
import { appEntryUrl } from '../../../electron/app-origin';
import { BrowserWindow, Notification, resetFakeElectron } from './fake-electron';
import { remindersOn, session } from '../reminders/reminder-records';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

function appWindow() {
  const window = new BrowserWindow({});
  const event = { sender: window.webContents, senderFrame: { url: appEntryUrl, parent: null } };
  const handlers = notificationHandlers(Notification);
  return {
    window,
    show: (input: unknown) => invokeHandler('showNotification', handlers.showNotification, event as never, input),
    permission: () =>
      invokeHandler('notificationPermission', handlers.notificationPermission, event as never, { ask: false }),
  };
}

/** What the renderer's scheduler asks for when a planned session starts in ten minutes. */
function sessionInTenMinutes(): ChannelInput<'showNotification'> {
  const now = new Date(2026, 11, 7, 9, 50);
  const planned = session({ date: '2026-12-07', startTime: '10:00' });
  const [reminder] = dueReminders({
    now,
    sessions: [planned],
    actions: [],
    participantName: () => 'Amara Okafor',
    settings: remindersOn,
    shown: new Set(),
  });
  return { title: reminder.title, body: reminder.body, target: reminder.target };
}

describe('notifications from the main process', () => {
  it('shows one for a session ten minutes away; its click brings the window forward and opens the session', async () => {
    const { window, show } = appWindow();
    const request = sessionInTenMinutes();
    expect(await show(request)).toEqual({ ok: true, value: { shown: true } });
    expect(Notification.created).toHaveLength(1);
    const [notification] = Notification.created;
    expect(notification.options).toEqual({ title: 'Amara Okafor at 10:00', body: request.body });
    expect(notification.shown).toBe(true);
    expect(window.webContents.sent).toEqual([]);

    window.minimized = true;
    notification.click();
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(window.webContents.sent).toEqual([{ channel: events.notificationClicked.channel, payload: request.target }]);
  });

  it('does nothing on a click once the page that asked is gone', async () => {
    const { window, show } = appWindow();
    await show(sessionInTenMinutes());
    window.webContents.isDestroyed = () => true;
    Notification.created[0].click();
    expect(window.focus).not.toHaveBeenCalled();
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('says so when the system cannot show notifications, and shows none', async () => {
    Notification.supported = false;
    const { show, permission } = appWindow();
    expect(await permission()).toEqual({ ok: true, value: 'unsupported' });
    expect(await show(sessionInTenMinutes())).toEqual({ ok: true, value: { shown: false } });
    expect(Notification.created).toEqual([]);
  });

  it('grants without asking where the system supports notifications', async () => {
    expect(await appWindow().permission()).toEqual({ ok: true, value: 'granted' });
  });

  it('refuses a request whose target is not a screen of the app, and shows nothing', async () => {
    const request = { ...sessionInTenMinutes(), target: { section: 'javascript:alert(1)', id: null } };
    const answer = await appWindow().show(request);
    expect(answer.ok).toBe(false);
    expect(Notification.created).toEqual([]);
  });
});
