// Review scheduling works on calendar dates: a cadence of N weeks is 7·N calendar days in every
// time zone, across month ends, leap days and daylight-saving changes (including zones whose
// clocks skip midnight itself).
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarDateSchema, type Contract } from '../../../shared/model';
import {
  addCalendarWeeks,
  calendarDateAt,
  contractsDueForReview,
  daysBetween,
  describeReviewState,
  reviewState,
  scheduledReviewDate,
} from '../../../shared/contract-rules';

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

const zones = ['UTC', 'Europe/London', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata'];

describe('cadence arithmetic', () => {
  it.each([
    ['2026-01-31', 4, '2026-02-28'],
    ['2028-02-01', 4, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-07'],
    ['2026-12-28', 1, '2027-01-04'],
    ['2026-10-31', 6, '2026-12-12'],
    ['2026-03-01', 52, '2027-02-28'],
  ])('%s plus %i weeks is %s', (start, weeks, expected) => {
    for (const zone of zones) {
      process.env.TZ = zone;
      expect(addCalendarWeeks(start, weeks), zone).toBe(expected);
    }
  });

  it.each([
    ['EU spring forward', 'Europe/London', '2026-03-22', '2026-05-03'],
    ['EU fall back', 'Europe/London', '2026-10-18', '2026-11-29'],
    ['US spring forward', 'America/New_York', '2026-03-01', '2026-04-12'],
    ['US fall back', 'America/New_York', '2026-10-25', '2026-12-06'],
    ['Chile skips midnight', 'America/Santiago', '2026-08-30', '2026-10-11'],
    ['half-hour shift', 'Australia/Lord_Howe', '2026-09-27', '2026-11-08'],
  ])('six weeks across the %s change stays on the same weekday', (_, zone, start, expected) => {
    process.env.TZ = zone;
    expect(addCalendarWeeks(start, 6)).toBe(expected);
    expect(daysBetween(start, expected)).toBe(42);
    expect(addCalendarWeeks('2026-08-30', 1)).toBe('2026-09-06');
  });

  it('reads the calendar date in the coach’s own zone', () => {
    const instant = Date.UTC(2026, 2, 29, 0, 30);
    process.env.TZ = 'Europe/London';
    expect(calendarDateAt(instant)).toBe('2026-03-29');
    process.env.TZ = 'America/New_York';
    expect(calendarDateAt(instant)).toBe('2026-03-28');
  });

  it('is exact for any date, cadence and zone (property)', () => {
    const dates = fc
      .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 52 }), fc.constantFrom(...zones), (start, weeks, zone) => {
        process.env.TZ = zone;
        const next = addCalendarWeeks(start, weeks);
        expect(calendarDateSchema.safeParse(next).success).toBe(true);
        expect(daysBetween(start, next)).toBe(7 * weeks);
        expect(new Date(`${next}T12:00:00Z`).getUTCDay()).toBe(new Date(`${start}T12:00:00Z`).getUTCDay());
        expect(addCalendarWeeks(next, -weeks)).toBe(start);
      }),
      { numRuns: 300 },
    );
  });
});

describe('next review and due status', () => {
  it('schedules one cadence after the last review, or after the start before the first review', () => {
    const contract = { startDate: '2026-01-05', reviewCadenceWeeks: 6 };
    expect(scheduledReviewDate(contract, null)).toBe('2026-02-16');
    expect(scheduledReviewDate(contract, '2026-02-20')).toBe('2026-04-03');
  });

  it.each([
    ['2026-03-01', { kind: 'overdue', days: 14 }, 'Review overdue by 2 weeks'],
    ['2026-03-14', { kind: 'overdue', days: 1 }, 'Review overdue by 1 day'],
    ['2026-03-15', { kind: 'due', days: 0 }, 'Review due today'],
    ['2026-03-16', { kind: 'due', days: 1 }, 'Review due tomorrow'],
    ['2026-03-22', { kind: 'due', days: 7 }, 'Review due in 7 days'],
    ['2026-03-23', { kind: 'scheduled', days: 8 }, 'Next review in 8 days'],
    ['2026-04-26', { kind: 'scheduled', days: 42 }, 'Next review in 6 weeks'],
  ] as const)('a review on %s is %o seen on 15 Mar', (nextReviewDate, state, label) => {
    const found = reviewState({ status: 'active', nextReviewDate }, '2026-03-15');
    expect(found).toEqual(state);
    expect(describeReviewState(found)).toBe(label);
  });

  it('says a review is in progress or that a retired contract has none, whatever the date', () => {
    expect(reviewState({ status: 'under-review', nextReviewDate: '2020-01-01' }, '2026-03-15').kind).toBe(
      'in-progress',
    );
    expect(reviewState({ status: 'retired', nextReviewDate: '2020-01-01' }, '2026-03-15').kind).toBe('retired');
  });

  it('lists the active contracts due within a week, soonest first, and leaves out the rest', () => {
    const contract = (
      title: string,
      nextReviewDate: string,
      status: Contract['status'] = 'active',
      deletedAt?: number,
    ) => ({ title, nextReviewDate, status, deletedAt }) as const;
    const due = contractsDueForReview(
      [
        contract('next month', '2026-04-20'),
        contract('in a week', '2026-03-22'),
        contract('overdue', '2026-03-01'),
        contract('draft', '2026-03-01', 'draft'),
        contract('retired', '2026-03-01', 'retired'),
        contract('binned', '2026-03-01', 'active', 1),
        contract('being reviewed', '2026-03-10', 'under-review'),
        contract('in eight days', '2026-03-23'),
      ],
      '2026-03-15',
    );
    expect(due.map(({ contract }) => contract.title)).toEqual(['overdue', 'being reviewed', 'in a week']);
    expect(due.map(({ state }) => state.kind)).toEqual(['overdue', 'in-progress', 'due']);
  });
});
