// Shows the renderer's reminders as system notifications. Clicking one brings the window that
// asked for it to the front and tells its page where to go. Electron's Notification is injected,
// so the handlers run in tests without the Electron binary.
import { BrowserWindow, Notification, type WebContents } from 'electron';
import { events, notificationTargetSchema, type NotificationTarget } from '../../shared/ipc';
import { createLogger } from '../../shared/logger';
import type { IpcHandlers } from './register';

const log = createLogger('notifications');

/** The part of a system notification used here. */
export type SystemNotification = {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
};

/** The part of Electron's Notification class used here. */
export type NotificationClass = {
  isSupported(): boolean;
  new (options: { title: string; body: string }): SystemNotification;
};

function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export function notificationHandlers(
  SystemNotificationClass: NotificationClass = Notification,
): Pick<IpcHandlers, 'notificationPermission' | 'showNotification'> {
  // A notification that is no longer referenced may be collected, and its click then goes nowhere.
  const showing = new Set<SystemNotification>();

  const openTarget = (sender: WebContents, target: NotificationTarget) => {
    // The page that asked may be gone (its window closed since): then there is nothing to open.
    if (sender.isDestroyed()) return;
    const window = BrowserWindow.fromWebContents(sender);
    if (!window) return;
    bringToFront(window);
    sender.send(events.notificationClicked.channel, notificationTargetSchema.parse(target));
  };

  return {
    notificationPermission: () => (SystemNotificationClass.isSupported() ? 'granted' : 'unsupported'),
    showNotification: ({ title, body, target }, event) => {
      if (!SystemNotificationClass.isSupported()) {
        log.warn('This system cannot show notifications');
        return { shown: false };
      }
      const notification = new SystemNotificationClass({ title, body });
      showing.add(notification);
      notification.on('click', () => {
        showing.delete(notification);
        openTarget(event.sender, target);
      });
      notification.on('close', () => showing.delete(notification));
      notification.show();
      return { shown: true };
    },
  };
}
