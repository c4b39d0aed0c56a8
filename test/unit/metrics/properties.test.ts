// Properties that hold for any records, including histories no UI would write (sync can bring
// anything): rates stay within 0–100%, weekly series add up to the period, nothing is NaN.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionStatuses, commitmentStatuses } from '../../../shared/model';
import { conversion } from '../../../shared/metrics/conversion';
import { computeMetrics } from '../../../shared/metrics/metrics-report';
import { measureCatalogue } from '../../../shared/metrics/catalogue';
import {
  emptyRecords,
  toMetricAction,
  toMetricRecords,
  type ActionSource,
  type MetricAction,
  type MetricRecords,
} from '../../../shared/metrics/metric-records';
import { dateRecords } from '../../../shared/metrics/dated-records';
import { period, type Period } from '../../../shared/metrics/period';
import { dayNumber } from '../../../shared/metrics/calendar-days';
import { zonedClock } from '../../../shared/metrics/zoned-clock';
import { timeToUnblock } from '../../../shared/metrics/time-to-unblock';
import { followThrough } from '../../../shared/metrics/follow-through';
import { sessionsHeldIn, totalHours } from '../../../shared/metrics/session-measures';
import { rate, ratings, type Target } from '../../../shared/metrics/targets';

const clock = zonedClock('America/New_York');
const RANGE = { from: '2026-02-23', to: '2026-04-19' };
const start = Date.parse('2026-02-01T00:00:00Z');
const end = Date.parse('2026-05-15T00:00:00Z');
const NOW = Date.parse('2026-04-22T12:00:00Z');
const within: Period = period({ first: dayNumber(RANGE.from), last: dayNumber(RANGE.to) }, clock, NOW);
const inside = { min: Date.parse('2026-02-24T00:00:00Z'), max: Date.parse('2026-04-15T00:00:00Z') }; // done within 3 days, still before 19 April

const instant = fc.integer({ min: start, max: end });
const participantIds = ['p1', 'p2', 'p3'];
const sessionIds = ['s1', 's2', 's3', 's4'];

const historyArb = fc
  .array(fc.record({ status: fc.constantFrom(...actionStatuses), at: instant }), { minLength: 1, maxLength: 6 })
  .map((changes) => changes.sort((a, b) => a.at - b.at).map((change) => ({ ...change, source: 'coach' as const })));

const actionSourceArb: fc.Arbitrary<ActionSource> = fc.record({
  id: fc.uuid(),
  participantId: fc.constantFrom(...participantIds),
  sessionId: fc.option(fc.constantFrom(...sessionIds), { nil: null }),
  createdAt: instant,
  isExperiment: fc.boolean(),
  history: historyArb,
});
const actionArb: fc.Arbitrary<MetricAction> = actionSourceArb.map(toMetricAction);

const dateArb = fc
  .integer({ min: dayNumber('2026-02-01'), max: dayNumber('2026-05-14') })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const scoreArb = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });

const recordsArb: fc.Arbitrary<MetricRecords> = fc
  .record({
    participants: fc.constant(
      participantIds.map((id, index) => ({ id, name: id, team: ['Ops', 'Ops', ''][index], cohort: 'A' })),
    ),
    sessions: fc.array(
      fc.record({
        id: fc.constantFrom(...sessionIds),
        participantId: fc.constantFrom(...participantIds),
        date: dateArb,
        startTime: fc.constantFrom('00:00', '02:30', '09:15', '23:45'),
        durationMinutes: fc.integer({ min: 0, max: 24 * 60 }),
        pulse: fc.record({ preparation: scoreArb, clarity: scoreArb, documentedAction: scoreArb }),
      }),
      { maxLength: 12 },
    ),
    actions: fc.array(actionSourceArb, { maxLength: 25 }),
    actionReviews: fc.array(
      fc.record({
        id: fc.uuid(),
        // Reviews of made-up actions too: the rate must ignore what is not an open earlier action.
        actionId: fc.uuid(),
        sessionId: fc.constantFrom(...sessionIds),
        participantId: fc.constantFrom(...participantIds),
      }),
      { maxLength: 10 },
    ),
    contracts: fc.array(
      fc.record({
        id: fc.uuid(),
        participantId: fc.constantFrom(...participantIds),
        commitments: fc.array(
          fc.record({
            id: fc.uuid(),
            dueDate: fc.option(dateArb, { nil: null }),
            statusHistory: fc.array(fc.record({ status: fc.constantFrom(...commitmentStatuses), at: instant }), {
              maxLength: 4,
            }),
          }),
          { maxLength: 5 },
        ),
      }),
      { maxLength: 3 },
    ),
  })
  .map(toMetricRecords);

/** A source action, completed within the period; tests project it, or its first history entry alone. */
const completedAction = fc
  .tuple(fc.uuid(), fc.integer(inside), fc.integer({ min: 0, max: 3 * 86_400_000 }))
  .map(([id, createdAt, after]): ActionSource => ({
    id,
    participantId: 'p1',
    sessionId: null,
    createdAt,
    isExperiment: false,
    history: [
      { status: 'open', at: createdAt, source: 'coach' },
      { status: 'done', at: createdAt + after, source: 'coach' },
    ],
  }));

const dated = (records: MetricRecords) => dateRecords(records, clock, NOW);
const datedActions = (actions: MetricAction[]) => dated({ ...emptyRecords, actions }).actions;

function hasNaN(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasNaN);
  if (value && typeof value === 'object') return Object.values(value).some(hasNaN);
  return false;
}

const report = (records: MetricRecords) =>
  computeMetrics(
    records,
    {
      scope: { kind: 'everyone' },
      range: RANGE,
      baseline: { kind: 'first-two-weeks' },
      timeZone: clock.timeZone,
      now: NOW,
    },
    clock,
  );

describe('the projection of an action', () => {
  it('keeps what the measures read of its history: completion, verification and each blocked spell', () => {
    fc.assert(
      fc.property(actionSourceArb, (source) => {
        const { history } = source;
        const projected = toMetricAction(source);
        expect(projected.completedAt).toBe(
          history.find((change) => change.status === 'done' || change.status === 'verified')?.at ?? null,
        );
        expect(projected.verifiedAt).toBe(history.find((change) => change.status === 'verified')?.at ?? null);
        const spells = history.flatMap((change, index) => {
          if (change.status !== 'blocked') return [];
          const next = history.slice(index + 1).find((later) => later.status !== 'blocked');
          return [{ blockedAt: change.at, endedAt: next?.at ?? null, dropped: next?.status === 'dropped' }];
        });
        expect(projected.blocks ?? []).toEqual(spells);
        expect(projected).not.toHaveProperty('history');
      }),
    );
  });
});

describe('conversion', () => {
  it('stays within 0–100%, with verified never above completed', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        const result = conversion(datedActions(actions), within);
        if (result.logged === 0) expect(result.completionRate).toBeNull();
        else {
          expect(result.completionRate).toBeGreaterThanOrEqual(0);
          expect(result.completionRate).toBeLessThanOrEqual(1);
          expect(result.verified).toBeLessThanOrEqual(result.completed);
        }
      }),
    );
  });

  it('never falls when a completed action is added', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 30 }), completedAction, (actions, extra) => {
        const before = conversion(datedActions(actions), within).completionRate ?? 0;
        const after = conversion(datedActions([...actions, toMetricAction(extra)]), within).completionRate!;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('never rises when an action that was not completed is added', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 30 }), completedAction, (actions, extra) => {
        const open = toMetricAction({ ...extra, history: extra.history.slice(0, 1) });
        const before = conversion(datedActions(actions), within).completionRate ?? 1;
        expect(conversion(datedActions([...actions, open]), within).completionRate!).toBeLessThanOrEqual(before);
      }),
    );
  });
});

describe('time to unblock', () => {
  it('accounts for every block exactly once and never averages below zero', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 30 }), (actions) => {
        const result = timeToUnblock(dated({ ...emptyRecords, actions }).spells, within);
        expect(result.unblocked + result.stillBlocked + result.droppedWhileBlocked).toBe(result.blocked);
        if (result.unblocked === 0) expect(result.meanMs).toBeNull();
        else expect(result.meanMs).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('the whole report', () => {
  it('is free of NaN and its weekly series add up to the period', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const result = report(records);
        const all = dated(records);
        expect(hasNaN(result)).toBe(false);
        const value = (key: string) => result.measures.find((measure) => measure.key === key)!.value;
        const weeks = result.weeks;
        const last = weeks[weeks.length - 1];
        expect(last.conversionToDate).toBe(value('conversion'));
        const sum = (pick: (week: (typeof weeks)[number]) => number) =>
          weeks.reduce((total, week) => total + pick(week), 0);
        expect(sum((week) => week.coachingHours)).toBeCloseTo(totalHours(sessionsHeldIn(all.sessions, within)), 9);
        expect(sum((week) => week.commitmentsDue)).toBe(followThrough(all.commitments, within).due);
        expect(sum((week) => week.blocksRaised)).toBe(timeToUnblock(all.spells, within).blocked);
        expect(sum((week) => week.actionsLogged)).toBe(conversion(all.actions, within).logged);
        expect(sum((week) => week.actionsCompleted)).toBe(conversion(all.actions, within).completed);
        for (const { followUp } of all.sessions) expect(followUp.reviewed).toBeLessThanOrEqual(followUp.due);
        for (const measure of result.measures) {
          if (measure.value !== null && measureCatalogue[measure.key].unit === 'percent') {
            expect(measure.value).toBeGreaterThanOrEqual(0);
            expect(measure.value).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('ratings', () => {
  const order = (rating: string) => ['off-target', 'close', 'on-target'].indexOf(rating);
  const targets: Target[] = [
    { kind: 'at-least', value: 0.6, closeFrom: 0.45 },
    { kind: 'change-vs-baseline', change: 0.2, ceiling: 1 },
  ];

  it('never rates a better value lower (higher is better)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...targets),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (target, a, b, baseline) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(order(rate(target, high, baseline))).toBeGreaterThanOrEqual(order(rate(target, low, baseline)));
        },
      ),
    );
  });

  it('never rates a shorter time to unblock lower (lower is better)', () => {
    const target: Target = { kind: 'change-vs-baseline', change: -0.15 };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (a, b, baseline) => {
          const [short, long] = a <= b ? [a, b] : [b, a];
          expect(order(rate(target, short, baseline))).toBeGreaterThanOrEqual(order(rate(target, long, baseline)));
        },
      ),
    );
  });

  it('knows every rating it can give', () => {
    expect(ratings).toContain(rate({ kind: 'none' }, 1, 1));
  });
});
