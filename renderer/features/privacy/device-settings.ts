// The settings that belong to this computer rather than to the coach's records: the app lock,
// the backup key, where the data key is kept, and everything of sync's. A restore keeps them, so
// a backup (crafted, or merely old) can neither redirect sync, with the coach's token, to an
// address it names, nor undo the lock, nor take away the keys this computer's backups and notes
// are sealed with.
import { isSyncSetting, syncSettingsAmong, type ConnectorSettings, type SyncSettings } from '../../sync/settings';
import type { RestorePlan } from '../../backup/restore';
import { isBackupKeySetting } from '../../backup/backup-key-setting';
import { isDataKeySetting } from '../../db/encryption/data-key-custody';
import { LOCK_SETTING } from '../lock/lock-config';

export const keptByRestore = (key: string) =>
  key === LOCK_SETTING || isSyncSetting(key) || isBackupKeySetting(key) || isDataKeySetting(key);

function describeConnector(connector: ConnectorSettings): string {
  switch (connector.kind) {
    case 'off':
      return 'no sync';
    case 'file-drop':
      return 'the file drop';
    case 'webhook':
      return `the webhook at ${connector.url}`;
    case 'hub':
      return `the hub at ${connector.url}`;
  }
}

const sameConnector = (a: ConnectorSettings, b: ConnectorSettings) =>
  a.kind === b.kind && ('url' in a ? a.url : '') === ('url' in b ? b.url : '');

/** What the preview says when the backup was made syncing elsewhere; null when it was not. */
export function connectorDifference(plan: RestorePlan, onDevice: SyncSettings): string | null {
  const inBackup = syncSettingsAmong(plan.setAside);
  if (!inBackup || sameConnector(inBackup.connector, onDevice.connector)) return null;
  return `This backup was made syncing with ${describeConnector(inBackup.connector)}. Sync on this computer stays as it is: ${describeConnector(onDevice.connector)}.`;
}
