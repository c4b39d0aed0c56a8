// A small, hand-built program in Europe/London around the spring 2026 clock change (Sunday
// 29 March, 01:00 UTC: GMT becomes BST). Every expected number in metrics-fixture.test.ts is worked
// out by hand from the records below; the comments there show the reasoning.
import type { Action, Commitment, Pulse, StatusChange } from '../../../shared/model';
import {
  toMetricAction,
  toMetricSession,
  type MetricAction,
  type MetricContract,
  type MetricParticipant,
  type MetricRecords,
  type MetricSession,
} from '../../../shared/metrics/metric-records';

export const TIME_ZONE = 'Europe/London';
/** Metrics are computed a week after the period, so nothing in it is still pending. */
export const NOW = Date.parse('2026-04-05T12:00:00Z');
export const RANGE = { from: '2026-03-02', to: '2026-03-29' };

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const ids = {
  amara: id(1),
  ben: id(2),
  chloe: id(3),
  dev: id(4),
  erin: id(5),
};

const person = (key: keyof typeof ids, team: string, cohort: string, deletedAt?: number): MetricParticipant => ({
  id: ids[key],
  name: key[0].toUpperCase() + key.slice(1),
  team,
  cohort,
  deletedAt,
});

const noPulse: Pulse = { preparation: null, clarity: null, documentedAction: null };
const pulse = (preparation: number | null, clarity: number | null, documentedAction: number | null): Pulse => ({
  preparation,
  clarity,
  documentedAction,
});

let sessionCount = 100;
function session(
  participantId: string,
  date: string,
  startTime: string,
  durationMinutes: number,
  sessionPulse: Pulse,
  deletedAt?: number,
): MetricSession {
  sessionCount += 1;
  return toMetricSession({
    id: id(sessionCount),
    participantId,
    date,
    startTime,
    durationMinutes,
    pulse: sessionPulse,
    deletedAt,
  });
}

const at = (iso: string) => Date.parse(iso);
const change = (status: StatusChange['status'], iso: string): StatusChange => ({
  status,
  at: at(iso),
  source: 'coach',
});

let actionCount = 200;
function action(
  participantId: string,
  sessionId: string | null,
  createdIso: string,
  later: [StatusChange['status'], string][],
  extra: Partial<Pick<Action, 'isExperiment' | 'deletedAt'>> = {},
): MetricAction {
  actionCount += 1;
  return toMetricAction({
    id: id(actionCount),
    participantId,
    sessionId,
    createdAt: at(createdIso),
    isExperiment: extra.isExperiment ?? false,
    deletedAt: extra.deletedAt,
    history: [change('open', createdIso), ...later.map(([status, iso]) => change(status, iso))],
  });
}

let commitmentCount = 300;
function commitment(
  dueDate: string | null,
  history: [Commitment['status'], string][],
): MetricContract['commitments'][number] {
  commitmentCount += 1;
  return { id: id(commitmentCount), dueDate, statusHistory: history.map(([status, iso]) => ({ status, at: at(iso) })) };
}

const participants = [
  person('amara', 'Operations', '2026-A'),
  person('ben', 'Operations', '2026-A'),
  person('chloe', 'Finance', '2026-B'),
  person('dev', '', '2026-B'),
  person('erin', 'Finance', '2026-B', at('2026-03-01T00:00:00Z')),
];

const sessions = {
  s0: session(ids.amara, '2026-02-16', '09:00', 60, pulse(3, 3, 3)),
  s1: session(ids.amara, '2026-03-02', '09:00', 60, pulse(4, 5, 4)),
  s2: session(ids.amara, '2026-03-09', '09:00', 60, noPulse),
  s3: session(ids.ben, '2026-03-03', '14:00', 45, pulse(3, 4, null)),
  s4: session(ids.chloe, '2026-03-16', '10:00', 90, pulse(5, 5, 5)),
  s5: session(ids.dev, '2026-03-24', '16:30', 30, pulse(2, 3, 4)),
  s6: session(ids.erin, '2026-03-10', '09:00', 60, pulse(5, 5, 5)),
  s7: session(ids.amara, '2026-03-28', '23:30', 60, noPulse),
  s9: session(ids.chloe, '2026-03-20', '09:00', 60, pulse(1, 1, 1), at('2026-03-21T00:00:00Z')),
};

const actions = {
  a0: action(ids.amara, sessions.s0.id, '2026-02-16T12:00:00Z', [
    ['blocked', '2026-02-17T09:00:00Z'],
    ['open', '2026-02-21T09:00:00Z'],
    ['done', '2026-02-25T09:00:00Z'],
  ]),
  a00: action(ids.amara, null, '2026-02-18T09:00:00Z', []),
  a1: action(ids.amara, sessions.s1.id, '2026-03-02T10:00:00Z', [
    ['done', '2026-03-05T12:00:00Z'],
    ['verified', '2026-03-10T12:00:00Z'],
  ]),
  a2: action(ids.amara, sessions.s1.id, '2026-03-04T10:00:00Z', [
    ['blocked', '2026-03-05T09:00:00Z'],
    ['open', '2026-03-07T09:00:00Z'],
    ['done', '2026-03-12T09:00:00Z'],
  ]),
  a3: action(ids.ben, sessions.s3.id, '2026-03-05T09:00:00Z', [['blocked', '2026-03-06T12:00:00Z']]),
  a4: action(ids.chloe, sessions.s4.id, '2026-03-16T12:00:00Z', [['done', '2026-03-20T12:00:00Z']], {
    isExperiment: true,
  }),
  a5: action(ids.chloe, null, '2026-03-17T08:00:00Z', [
    ['blocked', '2026-03-18T08:00:00Z'],
    ['dropped', '2026-03-19T08:00:00Z'],
  ]),
  a6: action(ids.amara, sessions.s2.id, '2026-03-09T09:30:00Z', [['done', '2026-03-29T22:30:00Z']], {
    isExperiment: true,
  }),
  a7: action(ids.ben, null, '2026-03-20T10:00:00Z', [['done', '2026-03-29T23:30:00Z']]),
  a8: action(ids.amara, sessions.s7.id, '2026-03-29T23:15:00Z', []),
  a9: action(ids.amara, null, '2026-03-10T09:00:00Z', [['done', '2026-03-11T09:00:00Z']], {
    deletedAt: at('2026-03-12T00:00:00Z'),
  }),
  a10: action(ids.erin, sessions.s6.id, '2026-03-10T10:00:00Z', [['done', '2026-03-11T10:00:00Z']]),
};

const contracts: MetricContract[] = [
  {
    id: id(401),
    participantId: ids.amara,
    commitments: [
      commitment('2026-02-27', [['met', '2026-02-26T10:00:00Z']]),
      commitment('2026-02-20', [['missed', '2026-02-21T10:00:00Z']]),
      commitment('2026-03-06', [['met', '2026-03-06T17:00:00Z']]),
      commitment('2026-03-13', [
        ['at-risk', '2026-03-12T10:00:00Z'],
        ['met', '2026-03-14T09:00:00Z'],
      ]),
      commitment('2026-03-27', [
        ['on-track', '2026-03-02T10:00:00Z'],
        ['at-risk', '2026-03-20T10:00:00Z'],
      ]),
      commitment(null, [['met', '2026-03-10T10:00:00Z']]),
      commitment('2026-03-29', [['met', '2026-03-29T23:30:00Z']]),
    ],
  },
  {
    id: id(402),
    participantId: ids.chloe,
    commitments: [commitment('2026-03-20', [['met', '2026-03-19T10:00:00Z']])],
  },
  {
    id: id(403),
    participantId: ids.erin,
    commitments: [commitment('2026-03-10', [['met', '2026-03-09T10:00:00Z']])],
  },
];

let reviewCount = 500;
const reviewed = (action: MetricAction, session: MetricSession) => ({
  id: id(++reviewCount),
  actionId: action.id,
  sessionId: session.id,
  participantId: session.participantId,
});

/** What each session went over "since last time"; the follow-up rate's worked example is in the test. */
const reviews = [
  reviewed(actions.a00, sessions.s1),
  reviewed(actions.a2, sessions.s2),
  // a1 was done by s2: going over it again is no follow-up of an open action.
  reviewed(actions.a1, sessions.s2),
  reviewed(actions.a6, sessions.s7),
  reviewed(actions.a00, sessions.s7),
  // a5 was logged after s4, and s9 is in the trash.
  reviewed(actions.a5, sessions.s4),
  reviewed(actions.a4, sessions.s9),
];

export const records: MetricRecords = {
  participants,
  sessions: Object.values(sessions),
  actions: Object.values(actions),
  contracts,
  reviews,
};
