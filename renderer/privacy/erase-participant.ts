// Erasing a participant everywhere the app keeps anything about them, in one transaction: their
// record, consent log, sessions, actions with the hub's notes on them, contracts with their
// reviews, the sync outbox entries and the sync history lines that name their actions. The search
// index drops the erased ids at its next catch-up. What the app cannot reach is reported instead:
// what an upstream already received, files the coach saved, and backups, which age out.
import type { SyncRun } from '../../shared/model';
import type { FollowthroughDatabase } from '../db/database';
import { rememberErasedParticipant } from '../sync/connectors/hub-apply';
import { mentionsAny, runWithout } from '../sync/run-log';
import { pseudonymsOf } from '../sync/sharing';
import { collectParticipantData } from './participant-data';

export type ErasureReport = {
  participantName: string;
  at: number;
  removed: {
    sessions: number;
    actions: number;
    actionNotes: number;
    contracts: number;
    contractReviews: number;
    outboxEntries: number;
    consentChanges: number;
    syncHistoryLines: number;
  };
  /** Distinct actions and commitments a sync had already delivered: the upstream system still holds those. */
  deliveredUpstream: number;
};

export async function eraseParticipant(
  db: FollowthroughDatabase,
  participantId: string,
  now: number,
): Promise<ErasureReport | null> {
  const tables = [
    db.participants,
    db.consentLog,
    db.sessions,
    db.actions,
    db.actionNotes,
    db.actionReviews,
    db.contracts,
    db.contractReviews,
    db.outbox,
    db.syncRuns,
    db.settings,
  ];
  // Hashed before the transaction, which would not survive waiting for WebCrypto.
  const known = await db.participants.get(participantId);
  const ownRefs = known ? await pseudonymsOf(known) : [];
  return db.transaction('rw', tables, async () => {
    const data = await collectParticipantData(db, participantId);
    if (!data) return null;
    await rememberErasedParticipant(db, participantId, ownRefs);
    const { participant, sessions, actions, contracts, contractReviews, consentLog } = data;
    const ids = [
      participant.id,
      ...sessions.map((session) => session.id),
      ...actions.map((action) => action.id),
      ...contracts.flatMap((contract) => [contract.id, ...contract.commitments.map((commitment) => commitment.id)]),
      ...contractReviews.map((review) => review.id),
    ];
    const idSet = new Set(ids);
    const needles = [...ids, participant.name];

    const actionNotes = await db.actionNotes
      .where('actionId')
      .anyOf(actions.map((action) => action.id))
      .primaryKeys();
    const outbox = await db.outbox
      .filter((entry) => idSet.has(entry.recordId) || mentionsAny(entry.payload, ids))
      .primaryKeys();

    let syncHistoryLines = 0;
    const delivered = new Set<string>();
    const runs: SyncRun[] = [];
    for (const run of await db.syncRuns.toArray()) {
      const { kept, removedLines } = runWithout(run, idSet, needles);
      if (removedLines === 0) continue;
      run.sentItems.filter((item) => idSet.has(item.recordId)).forEach((item) => delivered.add(item.recordId));
      syncHistoryLines += removedLines;
      runs.push(kept);
    }

    await db.syncRuns.bulkPut(runs);
    await db.outbox.bulkDelete(outbox);
    await db.consentLog.bulkDelete(consentLog.map((entry) => entry.id!));
    await db.contractReviews.bulkDelete(contractReviews.map((review) => review.id));
    await db.contracts.bulkDelete(contracts.map((contract) => contract.id));
    await db.actionNotes.bulkDelete(actionNotes);
    // What was decided about its actions in its sessions goes with the participant; the decisions
    // themselves are in the actions' history, removed above.
    await db.actionReviews.where('participantId').equals(participantId).delete();
    await db.actions.bulkDelete(actions.map((action) => action.id));
    await db.sessions.bulkDelete(sessions.map((session) => session.id));
    await db.participants.delete(participant.id);

    return {
      participantName: participant.name,
      at: now,
      removed: {
        sessions: sessions.length,
        actions: actions.length,
        actionNotes: actionNotes.length,
        contracts: contracts.length,
        contractReviews: contractReviews.length,
        outboxEntries: outbox.length,
        consentChanges: consentLog.length,
        syncHistoryLines,
      },
      deliveredUpstream: delivered.size,
    };
  });
}
