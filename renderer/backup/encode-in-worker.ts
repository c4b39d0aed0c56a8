// Encodes the app's database in a Web Worker (see backup-worker.ts), which opens it by name at
// the current version; any other database (one about to be upgraded), or where no worker can
// start (unit tests), is encoded here.
import type Dexie from 'dexie';
import { FollowthroughDatabase } from '../db/database';
import { shareKeyring } from '../db/encryption/keyring';
import { encodeBackup } from './backup-format';
import type { EncodeReply, EncodeRequest, WorkerRequest } from './backup-worker';
import { readSnapshot } from './snapshot';

export function encodeInWorker(db: Dexie, request: EncodeRequest): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof Worker === 'undefined' || !(db instanceof FollowthroughDatabase)) {
    return readSnapshot(db).then((content) => encodeBackup(content, request));
  }
  const worker = new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module', name: 'backup' });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<EncodeReply>) => {
      worker.terminate();
      if (data.ok) resolve(data.bytes);
      else reject(new Error(data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the background worker failed'));
    };
    worker.postMessage({
      ...request,
      databaseName: db.name,
      keyring: shareKeyring(db.keyring),
    } satisfies WorkerRequest);
  });
}
