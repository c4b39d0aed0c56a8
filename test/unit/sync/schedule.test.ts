import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isScheduledRunDue,
  latestSlotAtOrBefore,
  nextSlotAfter,
  typedTime,
  weeklyScheduleSchema,
  type WeeklySchedule,
} from '../../../renderer/sync/schedule';

const schedule = fc.record({
  enabled: fc.constant(true),
  weekday: fc.integer({ min: 0, max: 6 }),
  time: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
});
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
const week = 7 * 24 * 60 * 60_000;

describe('the weekly schedule', () => {
  it('finds the latest slot: on the chosen weekday and time, at most a week back (property)', () => {
    fc.assert(
      fc.property(schedule, instant, (chosen: WeeklySchedule, now) => {
        const slot = new Date(latestSlotAtOrBefore(chosen, now));
        expect(slot.getTime()).toBeLessThanOrEqual(now);
        expect(now - slot.getTime()).toBeLessThan(week + 60 * 60_000);
        expect(slot.getDay()).toBe(chosen.weekday);
        expect(slot.getHours() * 60 + slot.getMinutes()).toBeGreaterThanOrEqual(
          Number(chosen.time.slice(0, 2)) * 60 + Number(chosen.time.slice(3)) - 60,
        );
        expect(nextSlotAfter(chosen, now)).toBeGreaterThan(now);
      }),
    );
  });

  it('catches up a missed Friday slot at the next start, once', () => {
    const friday4pm: WeeklySchedule = { enabled: true, weekday: 5, time: '16:00' };
    const lastRun = new Date(2026, 10, 5, 10, 0).getTime(); // Thursday
    const mondayStart = new Date(2026, 10, 9, 8, 30).getTime();
    expect(isScheduledRunDue(friday4pm, lastRun, new Date(2026, 10, 6, 15, 59).getTime())).toBe(false);
    expect(isScheduledRunDue(friday4pm, lastRun, mondayStart)).toBe(true);
    expect(isScheduledRunDue(friday4pm, mondayStart, mondayStart + 60_000)).toBe(false);
    expect(isScheduledRunDue({ ...friday4pm, enabled: false }, lastRun, mondayStart)).toBe(false);
    expect(isScheduledRunDue(friday4pm, null, mondayStart)).toBe(true);
  });

  it('reads a time typed with one hour digit or spaces as 24-hour time, and refuses what is not one', () => {
    const accepted = (text: string) =>
      weeklyScheduleSchema.safeParse({ enabled: true, weekday: 5, time: typedTime(text) });
    expect(typedTime('9:30')).toBe('09:30');
    expect(typedTime(' 16:00 ')).toBe('16:00');
    expect(accepted('9:30').success).toBe(true);
    for (const text of ['4:00 PM', '24:00', '930', '']) {
      expect(accepted(text).error?.issues[0].message).toBe('Use a time like 16:00');
    }
  });
});
