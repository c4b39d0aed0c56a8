// Every measure against numbers worked out by hand from fixture.ts. Period: Monday 2 March to
// Sunday 29 March 2026 in Europe/London; clocks go forward at 01:00 UTC on the 29th, so the period
// ends at 2026-03-29T23:00Z (midnight BST), not at midnight UTC.
import { describe, expect, it } from 'vitest';
import { computeMetrics, type MetricsReport } from '../../../shared/metrics/metrics-report';
import type { MeasureKey } from '../../../shared/metrics/catalogue';
import { AVERAGE_MONTH_DAYS } from '../../../shared/metrics/experiment-adoption';
import { ids, NOW, RANGE, records, TIME_ZONE } from './fixture';

/** The fixture period, 28 days, in months. */
const MONTHS = 28 / AVERAGE_MONTH_DAYS;

function report(scope: Parameters<typeof computeMetrics>[1]['scope'] = { kind: 'everyone' }): MetricsReport {
  return computeMetrics(records, {
    scope,
    range: RANGE,
    baseline: { kind: 'first-two-weeks' },
    timeZone: TIME_ZONE,
    now: NOW,
  });
}

const measure = (result: MetricsReport, key: MeasureKey) => result.measures.find((item) => item.key === key)!;

describe('every measure for everyone over the fixture period', () => {
  const result = report();

  it('takes the first two weeks from the earliest session as the baseline', () => {
    // Earliest live session: s0 on Monday 16 February → baseline 16 February to 1 March (14 days).
    // Erin is in the trash, so her records do not count; four participants remain.
    expect(result.baselineRange).toEqual({ from: '2026-02-16', to: '2026-03-01' });
    expect(result.participants).toBe(4);
  });

  it('computes coaching-to-action conversion from the action history', () => {
    // Logged on a London day from 2 to 29 March: a1 a2 a3 a4 a5 a6 a7 = 7. Not a8 (23:15 UTC on
    // the 29th is 00:15 BST on the 30th), not a9 (in the trash), not a10 (Erin is in the trash).
    // Done or verified before 23:00 UTC on the 29th: a1, a2, a4, a6 (22:30 UTC) = 4. a7 was done at
    // 23:30 UTC on the 29th — the 30th in London — so it is too late. Conversion 4/7.
    // Verified: a1 only → 1/7. Target 60%, close from 45%: 57% is close.
    const conversion = measure(result, 'conversion');
    expect(conversion.value).toBeCloseTo(4 / 7, 10);
    expect(conversion.detail).toBe('4 of 7 actions done or verified · 1 verified (14%)');
    expect(conversion.rating).toBe('close');
    // Baseline: a0 and a00 logged; a0 done on 25 February → 1/2.
    expect(conversion.baseline).toBe(0.5);
  });

  it('computes commitment follow-through against the due date', () => {
    // Due 2–29 March: 6 Mar (met 6 Mar, on time), 13 Mar (met 14 Mar, late), 27 Mar (never met),
    // 29 Mar (met at 23:30 UTC = 00:30 BST on the 30th: after the period), Chloe's 20 Mar (met 19th,
    // on time). Erin's is in the trash; the one with no due date is not counted. 2 of 5 = 40%.
    // Baseline (due 16 Feb – 1 Mar): 27 Feb met on time, 20 Feb missed → 50%. The goal is 20%
    // better, 60%; 40% is below the baseline itself → off target.
    const followThrough = measure(result, 'followThrough');
    expect(followThrough.value).toBeCloseTo(0.4, 10);
    expect(followThrough.baseline).toBe(0.5);
    expect(followThrough.goal).toBeCloseTo(0.6, 10);
    expect(followThrough.rating).toBe('off-target');
    expect(followThrough.detail).toBe('2 of 5 commitments due met on time · 1 met late');
  });

  it('computes mean time to unblock, counting but not averaging blocks that never ended', () => {
    // Blocks raised in March: a2 (5 Mar 09:00 → open 7 Mar 09:00: 2 days), a3 (6 Mar 12:00, never
    // unblocked), a5 (18 Mar → dropped 19 Mar). Mean of resolved blocks: 2 days.
    // a3 had been blocked from 6 Mar 12:00 UTC to the period end, 29 Mar 23:00 UTC: 23 days 11 hours.
    // Baseline: a0 blocked 17 → 21 Feb = 4 days; goal 15% less = 3.4 days; 2 days is on target.
    const unblock = measure(result, 'timeToUnblock');
    expect(unblock.value).toBe(2);
    expect(unblock.baseline).toBe(4);
    expect(unblock.goal).toBeCloseTo(3.4, 10);
    expect(unblock.rating).toBe('on-target');
    expect(unblock.detail).toBe('1 block resolved · 1 still blocked (longest 23.5 days) · 1 dropped while blocked');
  });

  it('computes the 1:1 quality index as the median session pulse', () => {
    // Held in March (live): s1 s2 s3 s4 s5 s7. Pulse scores: s1 (4+5+4)/3 = 4.333, s3 (3+4)/2 = 3.5,
    // s4 5, s5 (2+3+4)/3 = 3; s2 and s7 have none. Median of [3, 3.5, 4.333, 5] = (3.5 + 4.333)/2.
    // Target median ≥ 4, close from 3.5 → close.
    const quality = measure(result, 'qualityIndex');
    expect(quality.value).toBeCloseTo((3.5 + 13 / 3) / 2, 10);
    expect(quality.rating).toBe('close');
    expect(quality.detail).toBe('Median of 4 sessions with a pulse');
    expect(measure(result, 'pulseShare').value).toBeCloseTo(4 / 6, 10);
  });

  it('computes experiment adoption per team per month', () => {
    // Experiments done in March: a4 (Chloe, Finance, 20 Mar) and a6 (Amara, Operations, 29 Mar 23:30
    // BST). Teams with a session in March: Operations (Amara, Ben), Finance (Chloe), and Dev's
    // empty team. 28 days = 28 / 30.436875 months. 2 experiments / 3 teams / 0.91993 = 0.7247.
    // Operations and Finance each ran 1 in 0.92 months (1.09 a month); Dev's team ran none.
    const adoption = measure(result, 'experimentAdoption');
    expect(adoption.value).toBeCloseTo(2 / 3 / (28 / 30.436875), 10);
    expect(adoption.rating).toBe('close');
    expect(adoption.detail).toBe('2 experiments across 3 teams in 0.9 months · 2 of 3 at 1 or more a month');
    expect(result.teams.map((team) => [team.team, team.experiments])).toEqual([
      ['Finance', 1],
      ['Operations', 1],
      ['Team not recorded', 0],
    ]);
  });

  it('sums coaching hours from session durations, per leader per month', () => {
    // s1 60 + s2 60 + s3 45 + s4 90 + s5 30 + s7 60 = 345 minutes = 5.75 hours, with 4 leaders over
    // 28 days (0.92 months): 1.6 hours per leader per month. No pilot target.
    const hours = measure(result, 'coachingHours');
    expect(hours.value).toBeCloseTo(5.75 / 4 / MONTHS, 9);
    expect(hours.detail).toBe('5.8 h over 6 sessions with 4 leaders in 0.9 months');
    expect(hours.rating).toBe('no-target');
  });

  it('applies the 24-hour rule in elapsed hours across the clock change', () => {
    // s1 met (a1 one hour after start); s2 met (a6 at 09:30); s3 missed (a3 on 5 Mar, deadline
    // 4 Mar 14:00); s4 met (a4); s5 missed (no action); s7 starts Saturday 28 Mar 23:30 GMT, so its
    // deadline is 24 hours later at 23:30 UTC on the 29th — 00:30 BST — and a8 at 23:15 UTC is in time.
    const within24h = measure(result, 'actionWithin24h');
    expect(within24h.value).toBeCloseTo(4 / 6, 10);
    expect(within24h.detail).toBe('4 of 6 sessions');
  });

  it('computes the follow-up rate from what each session went over', () => {
    // Earlier actions open when each held session began (Erin is in the trash, s9 too):
    //   s1 (Mon 2 Mar 09:00): a00 (no session, still open) -> due 1; reviewed a00 -> 1.
    //   s2 (Mon 9 Mar 09:00): a00, a2 (reopened on the 7th, done on the 12th); a1 done on the 5th.
    //      Due 2; reviewed a2 (and a1, which was not open) -> 1.
    //   s3 (Ben), s4 and s5: nothing earlier open (a3, a5 and a7 came later) -> due 0.
    //   s7 (Sat 28 Mar 23:30 GMT): a00, a6 (done 29 Mar 22:30Z); a8 is s7's own. Due 2; reviewed 2.
    // 4 of 5. The baseline's one session, s0, had nothing earlier open: no rate.
    const followUp = measure(result, 'followUpRate');
    expect(followUp.value).toBeCloseTo(4 / 5, 10);
    expect(followUp.detail).toBe('4 of 5 earlier open actions gone over');
    expect(followUp.baseline).toBeNull();
    expect(followUp.baselineDetail).toBe('No earlier action was open when a session began');
    // Week of 2 March: s1 1/1; 9 March: s2 1/2; 16 March: nothing due; 23 March: s7 2/2.
    expect(result.weeks.map((week) => week.followUpRate)).toEqual([1, 0.5, null, 1]);
  });

  it('fills the weekly series, Monday to Sunday in London', () => {
    expect(result.weeks.map((week) => week.weekStart)).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
    ]);
    const [first, second, third, fourth] = result.weeks;
    // Week of 2 Mar: a1 a2 a3 logged; a1 completed that week (a2 the next) → 1/3 to date.
    expect([first.actionsLogged, first.actionsCompleted, first.conversionToDate]).toEqual([3, 1, 1 / 3]);
    // Week of 9 Mar: a6 logged, a2 completed → 2/4. Week of 16 Mar: a4 a5 a7 logged, a4 done → 3/7.
    expect([second.actionsLogged, second.actionsCompleted, second.conversionToDate]).toEqual([1, 1, 0.5]);
    expect([third.actionsLogged, third.actionsCompleted, third.conversionToDate]).toEqual([3, 1, 3 / 7]);
    // Week of 23 Mar: a6 done late on Sunday → 4/7, the period's conversion.
    expect([fourth.actionsLogged, fourth.actionsCompleted, fourth.conversionToDate]).toEqual([0, 1, 4 / 7]);

    // Sessions: s1 s3 | s2 | s4 | s5 s7.
    expect(result.weeks.map((week) => week.coachingHours)).toEqual([1.75, 1, 1.5, 1.5]);
    expect(result.weeks.map((week) => week.sessionsWithPulse)).toEqual([2, 0, 1, 1]);
    expect(result.weeks.map((week) => week.qualityMedian)).toEqual([(13 / 3 + 3.5) / 2, null, 5, 3]);
    expect(result.weeks.map((week) => week.actionWithin24h)).toEqual([0.5, 1, 1, 0.5]);
    // Commitments due: 6 Mar met | 13 Mar late | 20 Mar met | 27 and 29 Mar not met in time.
    expect(result.weeks.map((week) => week.followThrough)).toEqual([1, 0, 1, 0]);
    // Blocks raised: a2 and a3 | none | a5 (dropped) | none.
    expect(result.weeks.map((week) => week.blocksRaised)).toEqual([2, 0, 1, 0]);
    expect(result.weeks.map((week) => week.meanDaysToUnblock)).toEqual([2, null, null, null]);
    expect(result.weeks.map((week) => week.experiments)).toEqual([0, 0, 1, 1]);
  });

  it('states one experiment per team per month as a weekly goal line', () => {
    // 3 teams × 7 days / 30.436875 days a month.
    expect(result.experimentsPerWeekGoal).toBeCloseTo((3 * 7) / 30.436875, 10);
  });
});

describe('scopes', () => {
  it('narrows to a cohort', () => {
    // Cohort 2026-B without Erin (in the trash): Chloe and Dev. Actions logged in March: a4, a5 → a4
    // done → 50%. Hours: s4 90 + s5 30 = 2 h.
    const result = report({ kind: 'cohort', cohort: '2026-B' });
    expect(result.scopeLabel).toBe('Cohort 2026-B');
    expect(measure(result, 'conversion').value).toBe(0.5);
    expect(measure(result, 'coachingHours').value).toBeCloseTo(2 / 2 / MONTHS, 9);
    // Baseline: Chloe's first session, 16 March, for two weeks.
    expect(result.baselineRange).toEqual({ from: '2026-03-16', to: '2026-03-29' });
  });

  it('shows a participant with sessions but no actions sensibly', () => {
    // Dev: one session (s5, 30 min, pulse 3) and nothing else.
    const result = report({ kind: 'participant', participantId: ids.dev });
    expect(result.scopeLabel).toBe('Dev');
    const conversion = measure(result, 'conversion');
    expect([conversion.value, conversion.rating, conversion.detail]).toEqual([
      null,
      'no-data',
      'No actions logged in this period',
    ]);
    expect(measure(result, 'actionWithin24h').value).toBe(0);
    expect(measure(result, 'coachingHours').value).toBeCloseTo(0.5 / 1 / MONTHS, 9);
    expect(measure(result, 'followThrough').rating).toBe('no-data');
    expect(measure(result, 'timeToUnblock').detail).toBe('No action was blocked in this period');
    // Dev's team ran no experiment in 28 days: 0 per team per month, off target.
    expect(measure(result, 'experimentAdoption').value).toBe(0);
    expect(measure(result, 'experimentAdoption').rating).toBe('off-target');
  });

  it('uses a chosen baseline period', () => {
    const result = computeMetrics(records, {
      scope: { kind: 'everyone' },
      range: RANGE,
      baseline: { kind: 'period', range: { from: '2026-03-02', to: '2026-03-08' } },
      timeZone: TIME_ZONE,
      now: NOW,
    });
    // First week: a1 a2 a3 logged; a1 done on 5 Mar, a2 only on 12 Mar → 1/3.
    expect(measure(result, 'conversion').baseline).toBeCloseTo(1 / 3, 10);
    expect(result.baselineRange).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });

  it('counts a session that has not started yet as not held', () => {
    // Seen at 08:59 UTC on 2 March, a minute before s1 starts at 09:00 GMT (= UTC in winter).
    const result = computeMetrics(records, {
      scope: { kind: 'participant', participantId: ids.amara },
      range: { from: '2026-03-02', to: '2026-03-02' },
      baseline: { kind: 'first-two-weeks' },
      timeZone: TIME_ZONE,
      now: Date.parse('2026-03-02T08:59:00Z'),
    });
    expect(measure(result, 'coachingHours').value).toBeNull();
    expect(measure(result, 'coachingHours').detail).toBe('No sessions held in this period');
  });
});
