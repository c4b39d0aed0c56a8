// The rules of an accountability contract: the warnings a coach sees while editing one (never a
// reason to refuse a save) and the review schedule that keeps it from rotting.
//
// Dates are calendar dates (`2026-12-04`). Week arithmetic goes through date-fns on local
// midnights, which moves by calendar days, so a daylight-saving change or a month end between
// two reviews never shifts a review to the day before or after.
import { addWeeks, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { isLive } from './model';
import type {
  CalendarDate,
  Commitment,
  Contract,
  Raci,
  RaciLetter,
  commitmentStatuses,
  contractStatuses,
} from './model';

export const DEFAULT_REVIEW_CADENCE_WEEKS = 6;
/** The program suggests six recurring decisions; above this many the RACI stops being lightweight. */
const MAX_DECISIONS = 8;
/** A review this many days away or fewer counts as due, so it shows up as a reminder. */
const REVIEW_DUE_WINDOW_DAYS = 7;

export const contractStatusLabels: Record<(typeof contractStatuses)[number], string> = {
  draft: 'Draft',
  active: 'Active',
  'under-review': 'Under review',
  retired: 'Retired',
};

export const commitmentStatusLabels: Record<(typeof commitmentStatuses)[number], string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  missed: 'Missed',
  met: 'Met',
};

export const raciLetterLabels: Record<RaciLetter, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};

// ---- Calendar dates ----------------------------------------------------------------------------

const toCalendarDate = (date: Date): CalendarDate => format(date, 'yyyy-MM-dd');

/** The coach's local calendar date at `timestamp`. */
export function calendarDateAt(timestamp: number): CalendarDate {
  return toCalendarDate(new Date(timestamp));
}

export function addCalendarWeeks(date: CalendarDate, weeks: number): CalendarDate {
  return toCalendarDate(addWeeks(parseISO(date), weeks));
}

/** Whole calendar days from `from` to `to`; negative when `to` comes first. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** "4 Dec 2026" */
export function formatCalendarDate(date: CalendarDate): string {
  return format(parseISO(date), 'd MMM yyyy');
}

// ---- Review schedule ---------------------------------------------------------------------------

/**
 * The next review falls one cadence after the last completed review, or after the start date
 * when there has been none.
 */
export function scheduledReviewDate(
  contract: Pick<Contract, 'startDate' | 'reviewCadenceWeeks'>,
  lastReviewDate: CalendarDate | null,
): CalendarDate {
  return addCalendarWeeks(lastReviewDate ?? contract.startDate, contract.reviewCadenceWeeks);
}

/**
 * The contract as completing a review leaves it: back to the status it had before the review
 * (unless the coach chose another meanwhile), the next review one cadence after `reviewDate`.
 */
export function concludeReview(
  contract: Contract,
  statusBefore: Contract['status'],
  reviewDate: CalendarDate,
): Contract {
  const restored = statusBefore === 'under-review' ? 'active' : statusBefore;
  return {
    ...contract,
    status: contract.status === 'under-review' ? restored : contract.status,
    nextReviewDate: scheduledReviewDate(contract, reviewDate),
  };
}

export type ReviewState =
  | { kind: 'overdue'; days: number }
  | { kind: 'due'; days: number }
  | { kind: 'scheduled'; days: number }
  | { kind: 'in-progress' }
  | { kind: 'retired' };

export function reviewState(contract: Pick<Contract, 'status' | 'nextReviewDate'>, today: CalendarDate): ReviewState {
  if (contract.status === 'retired') return { kind: 'retired' };
  if (contract.status === 'under-review') return { kind: 'in-progress' };
  const days = daysBetween(today, contract.nextReviewDate);
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days <= REVIEW_DUE_WINDOW_DAYS) return { kind: 'due', days };
  return { kind: 'scheduled', days };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function distance(days: number): string {
  return days >= 14 && days % 7 === 0 ? plural(days / 7, 'week') : plural(days, 'day');
}

export function describeReviewState(state: ReviewState): string {
  switch (state.kind) {
    case 'overdue':
      return `Review overdue by ${distance(state.days)}`;
    case 'due':
      if (state.days === 0) return 'Review due today';
      return state.days === 1 ? 'Review due tomorrow' : `Review due in ${distance(state.days)}`;
    case 'scheduled':
      return `Next review in ${distance(state.days)}`;
    case 'in-progress':
      return 'Review in progress';
    case 'retired':
      return 'Retired: no reviews';
  }
}

type DueContract<C> = { contract: C; state: ReviewState };

/**
 * The contracts a coach should review now or within the week, soonest first: active ones and
 * those with a review already open. Drafts are not in force yet and retired ones are done.
 */
export function contractsDueForReview<C extends Pick<Contract, 'status' | 'nextReviewDate' | 'deletedAt'>>(
  contracts: readonly C[],
  today: CalendarDate,
): DueContract<C>[] {
  return contracts
    .filter(isLive)
    .filter((contract) => contract.status === 'active' || contract.status === 'under-review')
    .filter((contract) => daysBetween(today, contract.nextReviewDate) <= REVIEW_DUE_WINDOW_DAYS)
    .sort((a, b) => a.nextReviewDate.localeCompare(b.nextReviewDate))
    .map((contract) => ({ contract, state: reviewState(contract, today) }));
}

export type CommitmentToGoOver = { contract: Contract; commitment: Commitment };

/**
 * The commitments a session goes over "since last time": those of the participant's contracts in
 * force that are due by the session and not met, or whose status changed since `since` (the last
 * session held), oldest due first and undated last.
 */
export function commitmentsToGoOver(
  contracts: readonly Contract[],
  sessionDate: CalendarDate,
  since: number | null,
): CommitmentToGoOver[] {
  const changedSince = (commitment: Commitment) =>
    since !== null && commitment.statusHistory.some((change) => change.at >= since);
  const due = (commitment: Commitment) =>
    commitment.dueDate !== null && commitment.dueDate <= sessionDate && commitment.status !== 'met';
  return contracts
    .filter(isLive)
    .filter((contract) => contract.status === 'active' || contract.status === 'under-review')
    .flatMap((contract) =>
      contract.commitments
        .filter((commitment) => commitment.text.trim() !== '' && (due(commitment) || changedSince(commitment)))
        .map((commitment) => ({ contract, commitment })),
    )
    .sort((a, b) => (a.commitment.dueDate ?? '9999-12-31').localeCompare(b.commitment.dueDate ?? '9999-12-31'));
}

// ---- Warnings ----------------------------------------------------------------------------------

export type FieldWarning<F extends string> = { field: F; message: string };

export function contractWarnings(
  contract: Pick<Contract, 'title' | 'startDate' | 'nextReviewDate'>,
): FieldWarning<'title' | 'nextReviewDate'>[] {
  const warnings: FieldWarning<'title' | 'nextReviewDate'>[] = [];
  if (!contract.title.trim()) {
    warnings.push({ field: 'title', message: 'Give the contract a title the team will recognise.' });
  }
  if (contract.nextReviewDate < contract.startDate) {
    warnings.push({
      field: 'nextReviewDate',
      message: `The next review (${formatCalendarDate(contract.nextReviewDate)}) is before the start date (${formatCalendarDate(contract.startDate)}).`,
    });
  }
  return warnings;
}

/** Said on a review dated before the contract starts; null when the date is fine. */
export function reviewDateWarning(startDate: CalendarDate, reviewDate: CalendarDate): string | null {
  if (reviewDate >= startDate) return null;
  return `This review is dated ${formatCalendarDate(reviewDate)}, before the contract starts (${formatCalendarDate(startDate)}).`;
}

export type CommitmentField = 'text' | 'owner' | 'acceptanceCriteria';

export function commitmentWarnings(commitment: Pick<Commitment, CommitmentField>): FieldWarning<CommitmentField>[] {
  const warnings: FieldWarning<CommitmentField>[] = [];
  if (!commitment.text.trim()) warnings.push({ field: 'text', message: 'Say what the team commits to.' });
  if (!commitment.owner.trim()) {
    warnings.push({ field: 'owner', message: 'No owner: name the one person who answers for this.' });
  }
  if (!commitment.acceptanceCriteria.trim()) {
    warnings.push({
      field: 'acceptanceCriteria',
      message: 'No acceptance criteria: say how everyone will know it is met.',
    });
  }
  return warnings;
}

type RaciWarnings = {
  /** About the whole matrix, such as too many decisions. */
  matrix: string[];
  /** Per role column, in the order of `raci.roles`. */
  roles: string[][];
  /** Per decision id. */
  decisions: Record<string, string[]>;
};

const nameKey = (name: string) => name.trim().toLocaleLowerCase();

function roleName(raci: Raci, index: number): string {
  return raci.roles[index]?.trim() || `column ${index + 1}`;
}

function rolesWith(raci: Raci, cells: readonly string[], letter: RaciLetter): string[] {
  return cells.flatMap((cell, index) => (cell === letter ? [roleName(raci, index)] : []));
}

function countNames(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) {
    const key = nameKey(name);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function raciWarnings(raci: Raci): RaciWarnings {
  const matrix: string[] = [];
  if (raci.decisions.length > MAX_DECISIONS) {
    matrix.push(
      `${raci.decisions.length} decisions: a RACI stays useful with the handful the team makes most often (about six, at most ${MAX_DECISIONS}).`,
    );
  }

  const roleCounts = countNames(raci.roles);
  const roles = raci.roles.map((role) => {
    if (!role.trim()) return ['Name this role.'];
    return (roleCounts.get(nameKey(role)) ?? 0) > 1 ? [`Two columns are called “${role.trim()}”.`] : [];
  });

  const decisionCounts = countNames(raci.decisions.map((decision) => decision.name));
  const decisions: Record<string, string[]> = {};
  for (const decision of raci.decisions) {
    const cells = decision.cells.slice(0, raci.roles.length);
    if (!decision.name.trim() && cells.every((cell) => cell === '')) {
      decisions[decision.id] = ['Empty row: name the decision and mark who does what, or remove it.'];
      continue;
    }
    const messages: string[] = [];
    if (!decision.name.trim()) messages.push('Name this decision.');
    else if ((decisionCounts.get(nameKey(decision.name)) ?? 0) > 1) {
      messages.push('Another decision has the same name: merge them or tell them apart.');
    }
    const accountable = rolesWith(raci, cells, 'A');
    if (accountable.length === 0) messages.push('No A: exactly one role must be accountable.');
    if (accountable.length > 1) {
      messages.push(`${accountable.length} A’s (${accountable.join(', ')}): exactly one role can be accountable.`);
    }
    if (rolesWith(raci, cells, 'R').length === 0) messages.push('No R: mark who does the work.');
    decisions[decision.id] = messages;
  }
  return { matrix, roles, decisions };
}

/** Every warning in the contract, for the count shown in the contract list. */
export function warningCount(contract: Contract): number {
  const raci = raciWarnings(contract.raci);
  return (
    contractWarnings(contract).length +
    contract.commitments.reduce((sum, commitment) => sum + commitmentWarnings(commitment).length, 0) +
    raci.matrix.length +
    raci.roles.reduce((sum, messages) => sum + messages.length, 0) +
    Object.values(raci.decisions).reduce((sum, messages) => sum + messages.length, 0)
  );
}
