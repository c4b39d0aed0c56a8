// Realistic records for the document tests, the look-at-it renders and the benchmark: one leader,
// one session with its actions, one contract with a RACI.
import type { Action, ActionReview, Contract, Participant, Session } from '../../../shared/model';
import type { DocumentContext, SessionBundle } from '../../../renderer/documents/build-data';

const at = Date.UTC(2026, 10, 2, 9, 30);
let counter = 0;
/** Stable, valid UUIDs so failures are reproducible. */
export const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

export const participant: Participant = {
  id: uuid(),
  createdAt: at,
  updatedAt: at,
  name: 'Amara Okafor',
  role: 'Head of Clinical Operations',
  team: 'Clinical Operations',
  organisation: 'Acme Health',
  sponsor: 'Dana Whitfield, COO',
  cohort: 'Pilot 1',
  tier: 'high-touch',
  startDate: '2026-09-01',
  primaryTarget: 'Run weekly commitment reviews',
  secondaryTarget: 'Delegate triage decisions',
  status: 'active',
  cadence: 'weekly',
  notes: 'PRIVATE-PARTICIPANT-NOTE: going through a reorganisation, keep this confidential',
  consent: { keepNotes: true, shareActions: 'named', aiProcessing: false },
};

export const session: Session = {
  id: uuid(),
  createdAt: at,
  updatedAt: at,
  participantId: participant.id,
  date: '2026-11-02',
  startTime: '09:30',
  durationMinutes: 75,
  timerStartedAt: null,
  type: 'one-to-one',
  goal: 'PRIVATE-GOAL: stop re-deciding triage escalations myself; by January the team decides Sev-2s without me.',
  reality:
    'PRIVATE-REALITY: three escalations a week reach me; two are Sev-2s the shift leads could own. No one is sure who decides.',
  options:
    'PRIVATE-OPTIONS: a triage RACI agreed with the shift leads; a weekly 15-minute commitment review; shadowing one handoff.',
  will: 'Publish a triage RACI with the three shift leads by Friday, and open every Monday stand-up with a five-minute commitment review.',
  notes: 'PRIVATE-NOTES: energy low when talking about the COO; revisit sponsor relationship next time.',
  pulse: { preparation: 4, clarity: 5, documentedAction: 4 },
  status: 'complete',
  completedAt: at,
};

function action(text: string, owner: string, dueDate: string | null, verification: string, offset: number): Action {
  return {
    id: uuid(),
    createdAt: at + offset,
    updatedAt: at + offset,
    participantId: participant.id,
    sessionId: session.id,
    text,
    owner,
    dueDate,
    verification,
    status: 'open',
    blockedReason: '',
    isExperiment: false,
    history: [{ status: 'open', at: at + offset, source: 'coach' }],
  };
}

export const actions: Action[] = [
  action(
    'Draft the triage RACI and agree it with the three shift leads',
    'Amara',
    '2026-11-06',
    'RACI pinned in the #ops-triage channel',
    1,
  ),
  action(
    'Open each Monday stand-up with a 5-minute commitment review',
    'Amara',
    '2026-11-09',
    'Review on the stand-up agenda for 4 weeks',
    2,
  ),
  action(
    'Shadow one night-shift handoff and note where decisions stall',
    'Amara with Luis (shift lead)',
    '2026-11-13',
    'Notes shared before the next session',
    3,
  ),
];

/** Actions from the session before, gone over in this one ("Since last time"). */
export const earlierActions: Action[] = [
  {
    ...action('Name an owner for every Sev-2 escalation', 'Amara', '2026-10-23', 'Owner column filled in', -4),
    sessionId: null,
    status: 'done',
  },
  { ...action('Ask the COO for a monthly 1:1', 'Amara', '2026-11-16', 'Meeting in the calendar', -3), sessionId: null },
  {
    ...action('Hand the rota to the shift leads', 'Amara', '2026-10-30', 'Rota signed by the leads', -2),
    sessionId: null,
    status: 'blocked',
    blockedReason: 'Waiting for HR',
  },
];

const review = (
  actionId: string,
  outcome: ActionReview['outcome'],
  reason = '',
  dueDate: string | null = null,
): ActionReview => ({
  id: uuid(),
  actionId,
  participantId: participant.id,
  sessionId: session.id,
  at: at + 10,
  outcome,
  reason,
  dueDate,
});

export const bundle: SessionBundle = {
  session,
  participant,
  actions,
  followUp: {
    earlier: [
      { action: earlierActions[0], review: review(earlierActions[0].id, 'done') },
      { action: earlierActions[2], review: review(earlierActions[2].id, 'blocked', 'Waiting for HR') },
      { action: earlierActions[1], review: review(earlierActions[1].id, 'carried-forward', '', '2026-11-16') },
    ],
    nextSession: { date: '2026-11-16', startTime: '09:30' },
  },
};

export const context: DocumentContext = {
  coachName: 'Sam Rivera',
  coachOrganisation: 'Northwind Coaching',
  today: '2026-11-02',
};

function commitment(
  text: string,
  owner: string,
  criteria: string,
  weeks: number,
  dueDate: string,
  status: Contract['commitments'][number]['status'],
) {
  return {
    id: uuid(),
    text,
    owner,
    acceptanceCriteria: criteria,
    reviewCadenceWeeks: weeks,
    dueDate,
    status,
    statusHistory: [],
    actionIds: [],
  };
}

export const contract: Contract = {
  id: uuid(),
  createdAt: at,
  updatedAt: at,
  participantId: participant.id,
  title: 'Triage & escalation accountability contract',
  team: 'Clinical Operations',
  startDate: '2026-10-01',
  reviewCadenceWeeks: 6,
  nextReviewDate: '2026-11-12',
  status: 'active',
  commitments: [
    commitment(
      'Review open commitments at the start of every Monday stand-up',
      'Amara Okafor',
      'Review held on at least 5 of 6 Mondays; misses noted with reason',
      1,
      '2026-12-14',
      'on-track',
    ),
    commitment(
      'Shift leads decide Sev-2 escalations without the head of operations',
      'Luis Ortega',
      'No more than one Sev-2 reaches Amara per week for 4 weeks',
      2,
      '2026-12-01',
      'at-risk',
    ),
    commitment(
      'Every handoff names an owner and a due time for each open issue',
      'Priya Nair',
      'Spot-check of 10 handoffs a week shows owner and due time on 9',
      2,
      '2026-11-30',
      'on-track',
    ),
    commitment(
      'Publish the triage RACI and keep it current',
      'Amara Okafor',
      'RACI pinned; reviewed at each contract review',
      6,
      '2026-11-06',
      'met',
    ),
    commitment(
      'Close the loop on every blocked item within 48 hours',
      'Team',
      'Median time to unblock under 2 days on the board',
      2,
      '2026-12-15',
      'missed',
    ),
  ],
  raci: {
    roles: ['Head of Ops', 'Shift lead', 'Triage nurse', 'On-call doctor', 'Sponsor'],
    decisions: [
      { id: uuid(), name: 'Escalate a Sev-1 incident', cells: ['A', 'R', 'C', 'C', 'I'] },
      { id: uuid(), name: 'Reclassify a Sev-2 as Sev-1', cells: ['I', 'A', 'R', 'C', ''] },
      { id: uuid(), name: 'Move staff between shifts', cells: ['A', 'R', 'C', 'I', 'I'] },
      { id: uuid(), name: 'Change the triage protocol', cells: ['A', 'C', 'R', 'C', 'I'] },
      { id: uuid(), name: 'Approve overtime', cells: ['A', 'R', 'I', '', 'I'] },
      { id: uuid(), name: 'Close an incident review', cells: ['I', 'A', 'R', 'C', ''] },
    ],
  },
};

/** Text a template must escape, with emoji from outside the Basic Multilingual Plane. */
export const trickyText = 'Fix <script>&"quotes"\'s & R&D 🎯🚀 — naïve café';
