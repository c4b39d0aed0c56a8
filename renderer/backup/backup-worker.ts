// Reads and encodes the app's database off the main thread: for five years of notes that is
// seconds of reading, JSON and compression the coach would otherwise feel as a frozen window.
// The worker opens the same IndexedDB database as the page.
import { FollowthroughDatabase } from '../db/database';
import { adoptKeyring, type KeyringShare } from '../db/encryption/keyring';
import { errorMessage } from '../../shared/result';
import { encodeBackup, type BackupHeader } from './backup-format';
import type { BackupKey } from './backup-key';
import { readSnapshot } from './snapshot';

/** The key travels as a CryptoKey, which a worker receives without its bytes being readable. */
export type EncodeRequest = { kind: BackupHeader['kind']; appVersion: string; createdAt: number; key: BackupKey };
export type WorkerRequest = EncodeRequest & { databaseName: string; keyring: KeyringShare };
export type EncodeReply = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: string };

self.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
  const { databaseName, keyring, ...request } = data;
  const db = new FollowthroughDatabase(databaseName);
  adoptKeyring(db.keyring, keyring);
  let reply: EncodeReply;
  try {
    reply = { ok: true, bytes: await encodeBackup(await readSnapshot(db), request) };
  } catch (error) {
    reply = { ok: false, error: errorMessage(error) };
  } finally {
    db.close();
  }
  self.postMessage(reply, { transfer: reply.ok ? [reply.bytes.buffer] : [] });
};
