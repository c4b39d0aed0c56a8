// Databases full of realistic records for the backup tests: the generated coaching dataset plus
// a record in every other table, and a fake platform that keeps written backups in memory.
import Dexie from 'dexie';
import type { Dataset } from '../../../shared/demo-dataset';
import type { FollowthroughDatabase } from '../../../renderer/db/database';
import type { BackupFile } from '../../../shared/backup-files';
import type { ConsentChange, OutboxEntry, StoredTemplate, SyncRun } from '../../../shared/model';
import type { BackupDeps } from '../../../renderer/backup/backup-service';
import { createWebBackupStore } from '../../../renderer/backup/web-backup-store';
import { deviceBackupKeys, type SettingsStore } from '../../../renderer/backup/backup-key-setting';
import { ok } from '../../../shared/result';

function extraRecords(dataset: Dataset, at: number) {
  const action = dataset.actions[0];
  const outbox: OutboxEntry[] = dataset.actions.slice(0, 5).map((queued, index) => ({
    seq: index + 1,
    recordType: 'action',
    recordId: queued.id,
    idempotencyKey: `action:${queued.id}:${queued.updatedAt}`,
    payloadVersion: 1,
    payload: queued,
    attempts: index,
    nextAttemptAt: at,
    lastError: index ? 'The receiver answered 503' : null,
    state: index === 4 ? 'parked' : 'pending',
    createdAt: at,
    updatedAt: at,
  }));
  const syncRuns: SyncRun[] = [
    {
      id: 1,
      trigger: 'manual',
      connector: 'webhook',
      startedAt: at,
      finishedAt: at + 900,
      outcome: 'sent',
      message: 'Sent 1 action',
      sentActions: 1,
      sentCommitments: 0,
      parked: 0,
      held: 0,
      sentItems: [{ recordType: 'action', recordId: action.id, title: action.text }],
      exchanges: [{ at, events: 1, status: 200, result: 'acknowledged', detail: 'The receiver answered 200' }],
    },
  ];
  const templates: StoredTemplate[] = [
    {
      id: crypto.randomUUID(),
      kind: 'session-summary',
      name: 'Our summary.docx',
      data: new Uint8Array(Array.from({ length: 3000 }, (_, index) => (index * 7919) % 256)),
      active: true,
      createdAt: at,
      updatedAt: at,
    },
  ];
  const consentLog: ConsentChange[] = dataset.participants.map((participant, index) => ({
    id: index + 1,
    participantId: participant.id,
    at,
    consent: participant.consent,
    previous: null,
  }));
  const settings = [
    { key: 'coach.name', value: 'Sam Rivera' },
    { key: 'sync.settings', value: { connector: { kind: 'file-drop' }, weekly: { day: 5, time: '16:00' } } },
  ];
  return { outbox, syncRuns, templates, consentLog, settings };
}

export async function fillDatabase(db: FollowthroughDatabase, dataset: Dataset, at = Date.UTC(2026, 10, 2)) {
  const extra = extraRecords(dataset, at);
  await db.transaction('rw', db.tables, async () => {
    await db.participants.bulkAdd(dataset.participants);
    // One planned session imported from a calendar: its event identity must survive a restore.
    await db.sessions.bulkAdd(
      dataset.sessions.map((session, index) =>
        index === 0 ? { ...session, calendarEventId: 'weekly-1to1@example.com/20270104T090000Z' } : session,
      ),
    );
    await db.actions.bulkAdd(dataset.actions);
    await db.contracts.bulkAdd(dataset.contracts);
    await db.contractReviews.bulkAdd(dataset.contractReviews);
    await db.outbox.bulkAdd(extra.outbox);
    await db.syncRuns.bulkAdd(extra.syncRuns);
    await db.templates.bulkAdd(extra.templates);
    await db.consentLog.bulkAdd(extra.consentLog);
    await db.settings.bulkAdd(extra.settings);
  });
}

/** Every table's records in primary-key order: what "equal record for record" compares. */
export async function allRecords(db: Dexie): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.orderBy(':id').toArray()] as const),
  );
  return Object.fromEntries(entries);
}

/** The platform's backup side on a fresh in-memory store (the web adapter's own). */
export function memoryPlatform(now: () => number = Date.now) {
  const store = createWebBackupStore(`backups-${crypto.randomUUID()}`, now);
  const saved: { name: string; data: Uint8Array }[] = [];
  const platform: BackupDeps['platform'] & Pick<typeof store, 'readBackup' | 'replaceBackup'> = {
    ...store,
    appInfo: async () => ok({ name: 'Followthrough', version: '0.9.0-test', platform: 'test', desktop: false }),
    saveFile: async ({ suggestedName, data }) => {
      saved.push({ name: suggestedName, data });
      return ok({ saved: true, path: null });
    },
  };
  return {
    platform,
    saved,
    list: async (): Promise<BackupFile[]> => ((await store.listBackups()) as { value: BackupFile[] }).value,
  };
}

/** Settings kept in memory: where a test keeps one computer's backup key apart from any database. */
export function memorySettings(): SettingsStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    value: async (key) => values.get(key),
    update: async (key, change) => {
      const next = change(values.get(key));
      values.set(key, next);
      return next;
    },
  };
}

/** One computer's backup keys, shared by the databases of a test, with what a restore opens its backups with. */
export function testBackupKeys(settings: SettingsStore = memorySettings()) {
  const keys = deviceBackupKeys(settings);
  return { ...keys, unlock: async () => ({ held: await keys.held() }) };
}
