// Writes each batch as a CSV and a JSON Lines file through the platform's save (a chosen folder,
// say a synced OneDrive or Dropbox one, on desktop; a download on the web). A batch counts as
// delivered once both files are saved.
import { format } from 'date-fns';
import type { PlatformApi } from '../../../shared/ipc';
import type { RecordSyncEvent, SyncEvent } from '../../../shared/sync-protocol';
import type { PushOutcome, SyncConnector } from './connector';
import { toCsv, toJsonLines } from './file-drop-formats';

export const FILE_DROP_BATCH_SIZE = 5_000;

const encoder = new TextEncoder();

export function fileDropNames(at: number): { csv: string; jsonl: string } {
  const stem = `followthrough-actions-${format(at, 'yyyy-MM-dd-HHmm')}`;
  return { csv: `${stem}.csv`, jsonl: `${stem}.jsonl` };
}

export function createFileDropConnector(options: {
  saveFile: PlatformApi['saveFile'];
  now: () => number;
}): SyncConnector {
  async function save(name: string, text: string, filter: { name: string; extensions: string[] }) {
    return options.saveFile({ suggestedName: name, data: encoder.encode(text), filters: [filter] });
  }

  async function push(events: SyncEvent[]): Promise<PushOutcome> {
    const records = events.filter((event): event is RecordSyncEvent => event.type !== 'test.ping');
    const names = fileDropNames(options.now());
    const saved: string[] = [];
    for (const [name, text, filter] of [
      [names.csv, toCsv(records), { name: 'CSV', extensions: ['csv'] }],
      [names.jsonl, toJsonLines(records), { name: 'JSON Lines', extensions: ['jsonl'] }],
    ] as const) {
      const result = await save(name, text, { ...filter, extensions: [...filter.extensions] });
      if (!result.ok) {
        return {
          kind: 'retry',
          reason: `${name} could not be saved: ${result.error}`,
          status: null,
          retryAfterMs: null,
          countsAsAttempt: true,
        };
      }
      if (!result.value.saved) {
        return {
          kind: 'retry',
          reason: 'The file drop was cancelled',
          status: null,
          retryAfterMs: null,
          countsAsAttempt: false,
        };
      }
      saved.push(result.value.path ?? name);
    }
    return { kind: 'acknowledged', status: null, detail: `Saved ${records.length} changes to ${saved.join(' and ')}` };
  }

  return { kind: 'file-drop', label: 'File drop', batchSize: FILE_DROP_BATCH_SIZE, needsNetwork: false, push };
}
