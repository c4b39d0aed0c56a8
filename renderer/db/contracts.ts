// Team accountability contracts: commitments, the RACI of recurring decisions, and reviews that
// keep a dated copy of the contract before and after. Each edit reads the stored contract and
// changes only its own part inside a transaction, and every commitment it creates, changes or
// removes is queued for sync in that same transaction.
import {
  contractReviewSchema,
  contractSchema,
  isLive,
  type Action,
  type CalendarDate,
  type Commitment,
  type Contract,
  type ContractReview,
  type OutboxEntry,
  type RaciLetter,
} from '../../shared/model';
import {
  calendarDateAt,
  concludeReview,
  DEFAULT_REVIEW_CADENCE_WEEKS,
  scheduledReviewDate,
} from '../../shared/contract-rules';
import * as edits from '../../shared/contract-edits';
import { describeChanges } from '../../shared/contract-diff';
import type { FollowthroughDatabase } from './database';
import { enqueueChange, followConsent, outboxTables, payloadOwner } from './outbox';
import { validated, type Clock } from './write';

type ContractDraft = Pick<Contract, 'participantId'> &
  Partial<Pick<Contract, 'title' | 'team' | 'startDate' | 'reviewCadenceWeeks'>>;
export type ContractPatch = Partial<
  Pick<Contract, 'participantId' | 'title' | 'team' | 'startDate' | 'reviewCadenceWeeks' | 'nextReviewDate' | 'status'>
>;
export type CommitmentPatch = Partial<
  Pick<Commitment, 'text' | 'owner' | 'acceptanceCriteria' | 'reviewCadenceWeeks' | 'dueDate' | 'actionIds'>
>;

/** What the outbox carries for a commitment: the commitment, its contract, and when it changed. */
type CommitmentSyncPayload = Commitment & { contractId: string; updatedAt: number; deletedAt?: number };

const isOpen = (review: ContractReview) => review.completedAt === null;

export function contractsRepository(db: FollowthroughDatabase, now: Clock) {
  const tables = [db.contracts, db.contractReviews, ...outboxTables(db)];

  async function queueCommitmentChanges(before: Contract | null, after: Contract): Promise<void> {
    const earlier = new Map(before?.commitments.map((commitment) => [commitment.id, commitment]));
    const syncable = (commitment: Commitment, deletedAt?: number): CommitmentSyncPayload => ({
      ...commitment,
      contractId: after.id,
      updatedAt: after.updatedAt,
      ...(deletedAt === undefined ? {} : { deletedAt }),
    });
    for (const commitment of after.commitments) {
      const was = earlier.get(commitment.id);
      earlier.delete(commitment.id);
      if (!was || JSON.stringify(was) !== JSON.stringify(commitment)) {
        await enqueueChange(db, 'commitment', syncable(commitment), after.participantId);
      }
    }
    for (const removed of earlier.values()) {
      await enqueueChange(db, 'commitment', syncable(removed, after.updatedAt), after.participantId);
    }
  }

  async function lastReviewDate(contractId: string): Promise<string | null> {
    const reviews = await db.contractReviews.where('contractId').equals(contractId).toArray();
    const completed = reviews.flatMap((review) => (review.completedAt === null ? [] : [review.completedAt]));
    return completed.length ? calendarDateAt(Math.max(...completed)) : null;
  }

  async function write(current: Contract | null, next: Contract): Promise<Contract> {
    const stored = validated(contractSchema, next);
    await db.contracts.put(stored);
    if (current && current.participantId !== stored.participantId) {
      // Its queued commitments are now the new participant's, and follow their consent.
      const ofThisContract = (entry: OutboxEntry) => {
        const owner = payloadOwner(entry);
        return owner !== null && 'contractId' in owner && owner.contractId === stored.id;
      };
      await followConsent(db, await db.participants.get(stored.participantId), ofThisContract);
    }
    await queueCommitmentChanges(current, stored);
    return stored;
  }

  async function change(id: string, edit: (current: Contract) => Contract | Promise<Contract>): Promise<Contract> {
    return db.transaction('rw', tables, async () => {
      const current = await db.contracts.get(id);
      if (!current) throw new Error('That contract no longer exists');
      return write(current, { ...(await edit(current)), id, updatedAt: now() });
    });
  }

  async function openReviewOf(contractId: string): Promise<ContractReview | undefined> {
    const reviews = await db.contractReviews.where('contractId').equals(contractId).toArray();
    return reviews.find(isOpen);
  }

  async function changeOpenReview<T>(
    reviewId: string,
    edit: (review: ContractReview, contract: Contract) => Promise<T>,
  ): Promise<T> {
    return db.transaction('rw', tables, async () => {
      const review = await db.contractReviews.get(reviewId);
      if (!review || !isOpen(review)) throw new Error('That review is no longer open');
      const contract = await db.contracts.get(review.contractId);
      if (!contract) throw new Error('That contract no longer exists');
      return edit(review, contract);
    });
  }

  const editRaci = (id: string, edit: (raci: Contract['raci']) => Contract['raci']) =>
    change(id, (current) => ({ ...current, raci: edit(current.raci) }));

  return {
    async create(draft: ContractDraft): Promise<Contract> {
      const at = now();
      // Checked before the next review is worked out from them, which cannot be done from a bad date.
      const { startDate, reviewCadenceWeeks } = validated(
        contractSchema.pick({ startDate: true, reviewCadenceWeeks: true }),
        {
          startDate: draft.startDate ?? calendarDateAt(at),
          reviewCadenceWeeks: draft.reviewCadenceWeeks ?? DEFAULT_REVIEW_CADENCE_WEEKS,
        },
      );
      const contract: Contract = {
        title: '',
        team: '',
        ...draft,
        startDate,
        reviewCadenceWeeks,
        nextReviewDate: scheduledReviewDate({ startDate, reviewCadenceWeeks }, null),
        status: 'draft',
        commitments: [],
        raci: { roles: [], decisions: [] },
        id: crypto.randomUUID(),
        createdAt: at,
        updatedAt: at,
      };
      return db.transaction('rw', tables, () => write(null, contract));
    },

    /** A new start date or cadence moves the next review one cadence after the last review (or the start). */
    update: (id: string, patch: ContractPatch) =>
      change(id, async (current) => {
        const next = validated(contractSchema, { ...current, ...patch });
        const reschedule = patch.nextReviewDate === undefined && (patch.startDate || patch.reviewCadenceWeeks);
        if (reschedule) next.nextReviewDate = scheduledReviewDate(next, await lastReviewDate(id));
        return next;
      }),

    get: (id: string) => db.contracts.get(id),

    /** Every contract not in the trash, the next review first. */
    async list(): Promise<Contract[]> {
      const all = await db.contracts.orderBy('nextReviewDate').toArray();
      return all.filter(isLive);
    },

    /** A participant's contracts not in the trash. */
    ofParticipant: (participantId: string) =>
      db.contracts.where('participantId').equals(participantId).filter(isLive).toArray(),

    /** The contracts whose next review falls on or before `day`; contractsDueForReview picks those due. */
    reviewBy: (day: CalendarDate) => db.contracts.where('nextReviewDate').belowOrEqual(day).toArray(),

    /** A blank commitment at the end, reviewed on the contract's cadence. */
    async addCommitment(contractId: string): Promise<Commitment> {
      const id = crypto.randomUUID();
      const contract = await change(contractId, (current) => ({
        ...current,
        commitments: [...current.commitments, edits.newCommitment(id, current.reviewCadenceWeeks, now())],
      }));
      return contract.commitments.find((commitment) => commitment.id === id)!;
    },

    updateCommitment: (contractId: string, commitmentId: string, patch: CommitmentPatch) =>
      change(contractId, (current) =>
        edits.editCommitment(current, commitmentId, (commitment) => ({ ...commitment, ...patch })),
      ),

    /** Sets a commitment's status; `sessionId` names the session it was gone over in, if any. */
    setCommitmentStatus: (contractId: string, commitmentId: string, status: Commitment['status'], sessionId?: string) =>
      change(contractId, (current) =>
        edits.editCommitment(current, commitmentId, (commitment) =>
          edits.withCommitmentStatus(commitment, status, now(), sessionId),
        ),
      ),

    moveCommitment: (contractId: string, commitmentId: string, offset: number) =>
      change(contractId, (current) => edits.moveCommitment(current, commitmentId, offset)),

    removeCommitment: (contractId: string, commitmentId: string) =>
      change(contractId, (current) => edits.removeCommitment(current, commitmentId)),

    /** The leader's logged actions, which a commitment may link to. */
    async actionsOfLeader(participantId: string): Promise<Action[]> {
      const actions = await db.actions.where('participantId').equals(participantId).toArray();
      return actions.filter(isLive);
    },

    addRole: (contractId: string, name = '') => editRaci(contractId, (raci) => edits.addRole(raci, name)),
    renameRole: (contractId: string, index: number, name: string) =>
      editRaci(contractId, (raci) => edits.renameRole(raci, index, name)),
    removeRole: (contractId: string, index: number) => editRaci(contractId, (raci) => edits.removeRole(raci, index)),

    async addDecision(contractId: string, name = ''): Promise<string> {
      const id = crypto.randomUUID();
      await editRaci(contractId, (raci) => edits.addDecision(raci, id, name));
      return id;
    },
    renameDecision: (contractId: string, decisionId: string, name: string) =>
      editRaci(contractId, (raci) => edits.renameDecision(raci, decisionId, name)),
    moveDecision: (contractId: string, decisionId: string, offset: number) =>
      editRaci(contractId, (raci) => edits.moveDecision(raci, decisionId, offset)),
    removeDecision: (contractId: string, decisionId: string) =>
      editRaci(contractId, (raci) => edits.removeDecision(raci, decisionId)),
    setRaciCell: (contractId: string, decisionId: string, roleIndex: number, letter: RaciLetter | '') =>
      editRaci(contractId, (raci) => edits.setRaciCell(raci, decisionId, roleIndex, letter)),

    /**
     * Opens a review: keeps the contract as it stands, and marks it under review. Edits until the
     * review completes are what the review changed. Starting twice returns the open review.
     */
    startReview: (contractId: string): Promise<ContractReview> =>
      db.transaction('rw', tables, async () => {
        const open = await openReviewOf(contractId);
        if (open) return open;
        const contract = await db.contracts.get(contractId);
        if (!contract) throw new Error('That contract no longer exists');
        const review = validated(contractReviewSchema, {
          id: crypto.randomUUID(),
          contractId,
          at: now(),
          notes: '',
          snapshot: contract,
          changes: [],
          completedAt: null,
          outcome: null,
        });
        await db.contractReviews.add(review);
        await write(contract, { ...contract, status: 'under-review', updatedAt: now() });
        return review;
      }),

    updateReviewNotes: (reviewId: string, notes: string) =>
      changeOpenReview(reviewId, async (review) => {
        const next = validated(contractReviewSchema, { ...review, notes });
        await db.contractReviews.put(next);
        return next;
      }),

    /**
     * Records the review: the contract goes back to the status it had (unless the coach chose
     * another), the next review moves one cadence past today, and the review stores what changed.
     */
    completeReview: (reviewId: string): Promise<ContractReview> =>
      changeOpenReview(reviewId, async (review, contract) => {
        const at = now();
        const concluded = concludeReview(contract, review.snapshot.status, calendarDateAt(at));
        const outcome = await write(contract, { ...concluded, updatedAt: at });
        const next = validated(contractReviewSchema, {
          ...review,
          changes: describeChanges(review.snapshot, outcome),
          completedAt: at,
          outcome,
        });
        await db.contractReviews.put(next);
        return next;
      }),

    /** Drops an open review; the edits made meanwhile stay in the contract. */
    cancelReview: (reviewId: string) =>
      changeOpenReview(reviewId, async (review, contract) => {
        await db.contractReviews.delete(reviewId);
        const { status } = concludeReview(contract, review.snapshot.status, calendarDateAt(now()));
        if (status !== contract.status) await write(contract, { ...contract, status, updatedAt: now() });
      }),

    openReview: (contractId: string) => openReviewOf(contractId),

    /** Every review of the contract, the newest first. */
    async listReviews(contractId: string): Promise<ContractReview[]> {
      const reviews = await db.contractReviews.where('contractId').equals(contractId).toArray();
      return reviews.sort((a, b) => b.at - a.at);
    },
  };
}
