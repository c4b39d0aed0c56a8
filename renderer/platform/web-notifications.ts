// Notifications in the web version, through the browser's Notification API. Permission is asked
// only when the coach turns reminders on; a click brings the tab forward and opens the target.
import type { NotificationTarget, PlatformApi } from '../../shared/ipc';
import { errorMessage, fail, ok } from '../../shared/result';

type WebNotifications = Pick<PlatformApi, 'notificationPermission' | 'showNotification' | 'onNotificationClicked'>;

const supported = () => typeof Notification !== 'undefined';

export function createWebNotifications(): WebNotifications {
  const listeners = new Set<(target: NotificationTarget) => void>();
  return {
    notificationPermission: async ({ ask }) => {
      if (!supported()) return ok('unsupported');
      if (ask && Notification.permission === 'default') return ok(await Notification.requestPermission());
      return ok(Notification.permission);
    },
    showNotification: async ({ title, body, target }) => {
      if (!supported() || Notification.permission !== 'granted') return ok({ shown: false });
      let notification: Notification;
      try {
        notification = new Notification(title, { body });
      } catch (error) {
        // Some browsers (Chrome on Android) show notifications only through a service worker.
        return fail(`This browser could not show the reminder: ${errorMessage(error)}`);
      }
      notification.onclick = () => {
        window.focus();
        notification.close();
        for (const listener of listeners) listener(target);
      };
      return ok({ shown: true });
    },
    onNotificationClicked: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
