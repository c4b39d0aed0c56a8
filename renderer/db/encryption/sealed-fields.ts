// Which fields of each table are stored sealed (encrypted). Everything a coach or a leader wrote
// in words is sealed; what queries need stays in clear: ids, dates, statuses, the participant a
// record belongs to, counts, and the participant's name and organisation fields (README, "What
// stays in clear"). The private fields come from their one mark in shared/model.ts.
import { privateFields } from '../../../shared/model';

export const sealedFields: Readonly<Record<string, readonly string[]>> = {
  participants: [...privateFields.participant, 'primaryTarget', 'secondaryTarget'],
  sessions: [...privateFields.session, 'will'],
  actions: ['text', 'verification', 'blockedReason', 'history'],
  actionReviews: ['reason'],
  actionNotes: ['text'],
  contracts: ['title', 'commitments', 'raci'],
  contractReviews: ['notes', 'snapshot', 'changes', 'outcome'],
  outbox: ['payload', 'lastError'],
  syncRuns: ['sentItems', 'discardedItems', 'exchanges', 'message'],
  settings: ['value'],
};

/** Settings are device preferences in clear, except those that hold a key or private text. */
const sealedSettingPrefixes = ['backup.encryption'];

export function fieldsToSeal(table: string, record: Record<string, unknown>): readonly string[] {
  if (table === 'settings') {
    const key = String(record.key);
    return sealedSettingPrefixes.some((prefix) => key.startsWith(prefix)) ? sealedFields.settings : [];
  }
  return sealedFields[table] ?? [];
}

export const isSealedTable = (table: string): boolean => table in sealedFields;
