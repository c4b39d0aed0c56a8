// Team accountability contracts: commitments with acceptance criteria, a RACI of six
// high-frequency decisions, and a review every few weeks that snapshots the contract and moves
// commitment statuses.
import type { Action, CalendarDate, Commitment, Contract, ContractReview, RaciDecision } from '../model';
import { addDays, dateOf, daysBetween, nextWeekday, timestampAt } from './calendar';
import type { Engagement } from './participants';
import type { Random } from './random';
import { describeChanges } from '../contract-diff';
import {
  acceptanceCriteria,
  commitmentTexts,
  contractTitles,
  raciDecisions,
  raciRoles,
  reviewNotes,
} from './record-text';
import { fill, paragraph } from './text';

type CommitmentStatus = Commitment['status'];

/** How a commitment may move at a review; 'met' is final. */
const reviewMoves: Record<CommitmentStatus, Partial<Record<CommitmentStatus, number>>> = {
  'on-track': { 'on-track': 80, 'at-risk': 15, met: 5 },
  'at-risk': { 'at-risk': 35, 'on-track': 45, missed: 20 },
  missed: { missed: 50, 'on-track': 40, met: 10 },
  met: { met: 1 },
};

function raciRow(random: Random, roleCount: number): RaciDecision['cells'] {
  const cells: RaciDecision['cells'] = Array.from({ length: roleCount }, () =>
    random.weighted({ C: 3, I: 4, '': 3 } as const),
  );
  const [accountable, responsible] = random.sample(
    Array.from({ length: roleCount }, (_, index) => index),
    2,
  );
  cells[accountable] = 'A';
  cells[responsible] = 'R';
  return cells;
}

function reviewDates(start: CalendarDate, cadenceWeeks: number, until: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let date = addDays(start, cadenceWeeks * 7); date < until; date = addDays(date, cadenceWeeks * 7)) {
    if (nextWeekday(date) < until) dates.push(nextWeekday(date));
  }
  return dates;
}

function snapshotOf(contract: Contract): Contract {
  return {
    ...contract,
    commitments: contract.commitments.map((commitment) => ({
      ...commitment,
      statusHistory: [...commitment.statusHistory],
      actionIds: [...commitment.actionIds],
    })),
  };
}

function generateContract(
  random: Random,
  engagement: Engagement,
  actions: Action[],
  now: number,
): { contract: Contract; reviews: ContractReview[] } {
  const today = dateOf(now);
  const { voice } = engagement;
  const windowDays = daysBetween(engagement.firstDay, engagement.lastDay);
  const startDate = nextWeekday(addDays(engagement.firstDay, random.int(7, Math.max(7, Math.floor(windowDays * 0.6)))));
  const createdAt = timestampAt(startDate, '10:00');
  const cadence = Number(random.weighted({ 6: 55, 4: 20, 8: 15, 2: 10 }));
  const roles = random.sample(raciRoles, random.int(4, 6));
  const laterActions = actions.filter((action) => action.createdAt >= createdAt);
  const commitments: Commitment[] = random.sample(commitmentTexts, random.int(3, 6)).map((text) => ({
    id: random.uuid(),
    text: fill(random, text, voice),
    owner: random.chance(0.6) ? voice.name : random.pick(voice.teammates),
    acceptanceCriteria: fill(random, random.pick(acceptanceCriteria), voice),
    reviewCadenceWeeks: cadence,
    dueDate: random.chance(0.7) ? addDays(startDate, random.int(8, 26) * 7) : null,
    status: 'on-track',
    statusHistory: [{ status: 'on-track', at: createdAt }],
    actionIds: random.sample(laterActions, random.int(0, 3)).map((action) => action.id),
  }));
  const contract: Contract = {
    id: random.uuid(),
    createdAt,
    updatedAt: createdAt,
    participantId: engagement.participant.id,
    title: fill(random, random.pick(contractTitles), voice),
    team: voice.team,
    startDate,
    reviewCadenceWeeks: cadence,
    nextReviewDate: addDays(startDate, cadence * 7),
    status: 'active',
    commitments,
    raci: {
      roles,
      decisions: random
        .sample(raciDecisions, 6)
        .map((name) => ({ id: random.uuid(), name, cells: raciRow(random, roles.length) })),
    },
  };
  if (engagement.ongoing && daysBetween(startDate, today) < 21 && random.chance(0.5)) {
    return { contract: { ...contract, status: 'draft' }, reviews: [] };
  }

  let dates = reviewDates(startDate, cadence, engagement.lastDay);
  // Some live contracts have a review overdue, which the Today view should surface.
  const overdue = engagement.ongoing && dates.length > 1 && random.chance(0.25);
  if (overdue) dates = dates.slice(0, -1);
  const reviews = dates.map((date) => completedReview(random, contract, date, engagement));
  if (!engagement.ongoing) contract.status = 'retired';
  else if (overdue && random.chance(0.5)) {
    reviews.push(openReview(random, contract, engagement, now));
    contract.status = 'under-review';
  }
  return { contract, reviews };
}

/** Records one review: the contract as it stood, the status moves decided, and the result. */
function completedReview(
  random: Random,
  contract: Contract,
  date: CalendarDate,
  engagement: Engagement,
): ContractReview {
  const at = timestampAt(date, '10:00') + random.int(0, 6 * 60) * 60_000;
  const completedAt = at + random.int(20, 90) * 60_000;
  const snapshot = snapshotOf(contract);
  for (const commitment of contract.commitments) {
    const next = random.weighted(reviewMoves[commitment.status]);
    if (next === commitment.status) continue;
    commitment.status = next;
    commitment.statusHistory.push({ status: next, at: completedAt });
  }
  contract.nextReviewDate = addDays(date, contract.reviewCadenceWeeks * 7);
  contract.updatedAt = completedAt;
  // Worded as the app words a review it records.
  const changes = describeChanges(snapshot, contract);
  return {
    id: random.uuid(),
    contractId: contract.id,
    at,
    notes: paragraph(random, reviewNotes, 1, 2, engagement.voice),
    snapshot,
    changes,
    completedAt,
    outcome: snapshotOf(contract),
  };
}

/** A review the coach started on the overdue date and has not finished. */
function openReview(random: Random, contract: Contract, engagement: Engagement, now: number): ContractReview {
  const startedOn = timestampAt(nextWeekday(contract.nextReviewDate), '10:00');
  const at = Math.min(now - 60 * 60_000, startedOn + random.int(0, 6 * 60) * 60_000);
  contract.updatedAt = at;
  return {
    id: random.uuid(),
    contractId: contract.id,
    at,
    notes: random.chance(0.5) ? paragraph(random, reviewNotes, 1, 1, engagement.voice) : '',
    snapshot: snapshotOf(contract),
    changes: [],
    completedAt: null,
    outcome: null,
  };
}

export function generateContracts(
  random: Random,
  engagements: Engagement[],
  actions: Action[],
  total: number,
  now: number,
): { contracts: Contract[]; contractReviews: ContractReview[] } {
  const actionsByParticipant = new Map<string, Action[]>();
  for (const action of actions) {
    const list = actionsByParticipant.get(action.participantId);
    if (list) list.push(action);
    else actionsByParticipant.set(action.participantId, [action]);
  }
  // One contract per leader first; the rest go to current engagements, where teams add contracts.
  const current = engagements.filter((engagement) => engagement.ongoing);
  const results = Array.from({ length: total }, (_, index) => {
    const engagement =
      index < engagements.length || current.length === 0
        ? engagements[index % engagements.length]
        : current[(index - engagements.length) % current.length];
    return generateContract(random, engagement, actionsByParticipant.get(engagement.participant.id) ?? [], now);
  });
  return {
    contracts: results.map((result) => result.contract),
    contractReviews: results.flatMap((result) => result.reviews),
  };
}
