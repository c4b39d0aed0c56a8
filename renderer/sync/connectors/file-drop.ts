// Writes each batch as a CSV and a JSON Lines file: into the folder the coach chose once in Sync
// settings (say a synced OneDrive or Dropbox one) on desktop, as downloads on the web. The platform
// names the files from the run's ISO week and writes both or neither; a batch counts as delivered
// once both are written. When the folder cannot take them, nothing is charged: the changes wait.
import type { PlatformApi } from '../../../shared/ipc';
import type { RecordSyncEvent, SyncEvent } from '../../../shared/sync-protocol';
import { fileDropWeek } from '../../../shared/file-drop-files';
import { sendAtOnce, type PushOutcome, type SyncConnector } from './connector';
import { toCsv, toJsonLines } from './file-drop-formats';
import { plural } from '../wording';

const FILE_DROP_BATCH_SIZE = 5_000;

const encoder = new TextEncoder();

export function createFileDropConnector(options: {
  writeFileDrop: PlatformApi['writeFileDrop'];
  now: () => number;
}): SyncConnector {
  async function push(events: SyncEvent[]): Promise<PushOutcome> {
    const records = events.filter((event): event is RecordSyncEvent => event.type !== 'test.ping');
    const written = await options.writeFileDrop({
      week: fileDropWeek(options.now()),
      csv: encoder.encode(toCsv(records)),
      jsonl: encoder.encode(toJsonLines(records)),
    });
    if (!written.ok) {
      return { kind: 'retry', reason: written.error, status: null, retryAfterMs: null, countsAsAttempt: false };
    }
    const { folder, names } = written.value;
    const where = folder ? ` in ${folder}` : ' (downloaded)';
    return {
      kind: 'acknowledged',
      status: null,
      detail: `Wrote ${plural(records.length, 'change')} to ${names.join(' and ')}${where}`,
    };
  }

  return {
    kind: 'file-drop',
    label: 'File drop',
    batchSize: FILE_DROP_BATCH_SIZE,
    needsNetwork: false,
    prepare: sendAtOnce(push),
    push,
  };
}
