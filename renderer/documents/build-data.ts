// Domain records → the values a template is filled with. Each builder names every field it
// passes, so what leaves the device in a document is exactly what is written here: the session
// summary never reads Goal, Reality, Options or the notes.
import {
  isLive,
  type Action,
  type CalendarDate,
  type Contract,
  type Participant,
  type Session,
} from '../../shared/model';
import { willLines } from '../../shared/will-lines';
import type { FillData, Scope } from './fill-data';
import { completedSinceLastTime, type EarlierAction, type SessionFollowUp } from './session-follow-up';

export type SessionBundle = {
  session: Session;
  participant: Participant;
  actions: Action[];
  followUp: SessionFollowUp;
};

export type DocumentContext = {
  coachName: string;
  coachOrganisation: string;
  today: CalendarDate;
};

const tierLabels: Record<Participant['tier'], string> = {
  'high-touch': 'High-touch 1:1',
  'peer-circle': 'Peer circle',
  scaled: 'Scaled',
};

const sessionTypeLabels: Record<Session['type'], string> = {
  'one-to-one': '1:1 coaching',
  'peer-circle': 'Peer coaching circle',
  group: 'Group session',
  'cohort-workshop': 'Cohort workshop',
};

const sessionStatusLabels: Record<Session['status'], string> = {
  planned: 'Planned',
  draft: 'Draft',
  complete: 'Complete',
};

const actionStatusLabels: Record<Action['status'], string> = {
  open: 'Open',
  done: 'Done',
  verified: 'Verified',
  dropped: 'Dropped',
  blocked: 'Blocked',
};

export const commitmentStatusLabels: Record<Contract['commitments'][number]['status'], string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  missed: 'Missed',
  met: 'Met',
};

const contractStatusLabels: Record<Contract['status'], string> = {
  draft: 'Draft',
  active: 'Active',
  'under-review': 'Under review',
  retired: 'Retired',
};

/** Rows the GROW checklist always shows, blank ones to write in by hand. */
const MIN_CHECKLIST_ACTION_ROWS = 3;

export function formatDuration(minutes: number): string {
  if (minutes <= 0) return '';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return `${rest} min`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

export const reviewCadence = (weeks: number) => (weeks === 1 ? 'Every week' : `Every ${weeks} weeks`);

const date = (value: CalendarDate | null) => ({ date: value });

function participantScope(participant: Participant): Scope {
  return {
    'participant.name': participant.name,
    'participant.role': participant.role,
    'participant.team': participant.team,
    'participant.organisation': participant.organisation,
    'participant.sponsor': participant.sponsor,
    'participant.cohort': participant.cohort,
    'participant.tier': tierLabels[participant.tier],
    'participant.startDate': date(participant.startDate),
    'participant.primaryTarget': participant.primaryTarget,
    'participant.secondaryTarget': participant.secondaryTarget,
  };
}

const exportScope = (context: DocumentContext): Scope => ({
  'coach.name': context.coachName,
  'coach.organisation': context.coachOrganisation,
  'export.date': date(context.today),
});

const byCreation = (a: Action, b: Action) => a.createdAt - b.createdAt;
const sameText = (text: string) => text.trim().toLocaleLowerCase();

/**
 * Will as the leader reads it: prose, without the app's task markers, and without the lines logged
 * as an action that is no longer live (deleted, or renamed since, when the table shows it anyway).
 */
export function willProse(will: string, actions: Action[]): string {
  const live = new Set(actions.filter(isLive).map((action) => sameText(action.text)));
  return willLines(will)
    .filter((line) => !line.logged || live.has(sameText(line.text)))
    .map((line) => line.text)
    .join('\n');
}

function sessionHeaderScope(session: Session, actions: Action[]): Scope {
  return {
    'session.date': date(session.date),
    'session.startTime': session.startTime,
    'session.duration': formatDuration(session.durationMinutes),
    'session.durationMinutes': session.durationMinutes,
    'session.type': sessionTypeLabels[session.type],
    'session.status': sessionStatusLabels[session.status],
    'session.will': willProse(session.will, actions),
  };
}

const actionItem = (action: Action, index: number): Scope => ({
  'action.number': index + 1,
  'action.text': action.text,
  'action.owner': action.owner,
  'action.dueDate': date(action.dueDate),
  'action.verification': action.verification,
  'action.status': actionStatusLabels[action.status],
});

/** What was decided about an earlier action, as the checklist's "Since last time" shows it. */
function earlierOutcome({ action, review }: EarlierAction): string {
  if (!review)
    return action.status === 'blocked' ? `Not gone over yet (blocked: ${action.blockedReason})` : 'Not gone over yet';
  const withReason = (label: string) => (review.reason ? `${label}: ${review.reason}` : label);
  const labels: Record<typeof review.outcome, string> = {
    'still-open': 'Still open',
    done: 'Done',
    verified: 'Verified',
    blocked: withReason('Blocked'),
    'carried-forward': 'Carried forward',
    dropped: withReason('Dropped'),
  };
  return labels[review.outcome];
}

const earlierItem = (earlier: EarlierAction, index: number): Scope => ({
  'earlier.number': index + 1,
  'earlier.text': earlier.action.text,
  'earlier.owner': earlier.action.owner,
  'earlier.dueDate': date(earlier.action.dueDate),
  'earlier.outcome': earlierOutcome(earlier),
});

const completedItem = (action: Action, index: number): Scope => ({
  'completed.number': index + 1,
  'completed.text': action.text,
  'completed.owner': action.owner,
  'completed.dueDate': date(action.dueDate),
});

const nextSessionScope = ({ nextSession }: SessionFollowUp): Scope => ({
  'nextSession.date': date(nextSession?.date ?? null),
  'nextSession.startTime': nextSession?.startTime ?? '',
});

const blankActionItem: Scope = {
  'action.number': null,
  'action.text': '',
  'action.owner': '',
  'action.dueDate': null,
  'action.verification': '',
  'action.status': '',
};

export function growChecklistData(
  { session, participant, actions, followUp }: SessionBundle,
  context: DocumentContext,
): FillData {
  const items = actions.filter(isLive).sort(byCreation).map(actionItem);
  while (items.length < MIN_CHECKLIST_ACTION_ROWS) items.push(blankActionItem);
  return {
    fields: {
      ...participantScope(participant),
      ...sessionHeaderScope(session, actions),
      'session.goal': session.goal,
      'session.reality': session.reality,
      'session.options': session.options,
      'session.notes': session.notes,
      ...nextSessionScope(followUp),
      ...exportScope(context),
    },
    lists: { actions: items, earlierActions: followUp.earlier.map(earlierItem) },
  };
}

export function sessionSummaryData(
  { session, participant, actions, followUp }: SessionBundle,
  context: DocumentContext,
): FillData {
  const shared = actions.filter((action) => isLive(action) && action.status !== 'dropped').sort(byCreation);
  return {
    fields: {
      ...participantScope(participant),
      ...sessionHeaderScope(session, actions),
      ...nextSessionScope(followUp),
      ...exportScope(context),
    },
    lists: {
      actions: shared.map(actionItem),
      completedActions: completedSinceLastTime(followUp).map(completedItem),
    },
  };
}

export function contractWorkbookData(contract: Contract, participant: Participant, context: DocumentContext): FillData {
  return {
    fields: {
      ...participantScope(participant),
      'contract.title': contract.title,
      'contract.team': contract.team,
      'contract.startDate': date(contract.startDate),
      'contract.reviewCadence': reviewCadence(contract.reviewCadenceWeeks),
      'contract.reviewCadenceWeeks': contract.reviewCadenceWeeks,
      'contract.nextReviewDate': date(contract.nextReviewDate),
      'contract.status': contractStatusLabels[contract.status],
      'contract.commitmentCount': contract.commitments.length,
      ...exportScope(context),
    },
    lists: {
      commitments: contract.commitments.map((commitment, index) => ({
        'commitment.number': index + 1,
        'commitment.text': commitment.text,
        'commitment.owner': commitment.owner,
        'commitment.acceptanceCriteria': commitment.acceptanceCriteria,
        'commitment.reviewCadence': reviewCadence(commitment.reviewCadenceWeeks),
        'commitment.reviewCadenceWeeks': commitment.reviewCadenceWeeks,
        'commitment.dueDate': date(commitment.dueDate),
        'commitment.status': commitmentStatusLabels[commitment.status],
      })),
      roles: contract.raci.roles.map((role) => ({ 'role.name': role })),
      decisions: contract.raci.decisions.map((decision, index) => ({
        'decision.number': index + 1,
        'decision.name': decision.name,
        'decision.letter': contract.raci.roles.map((_role, column) => decision.cells[column] ?? ''),
      })),
    },
  };
}
