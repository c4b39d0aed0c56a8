import { describe, expect, it } from 'vitest';
import { daysOverdueForSession, nextSessionDate, timeSince } from '../../../shared/cadence';

describe('session cadence', () => {
  it('puts the next session one cadence after the last, and none without a cadence', () => {
    expect(nextSessionDate('2026-12-07', 'weekly')).toBe('2026-12-14');
    expect(nextSessionDate('2026-12-28', 'every-two-weeks')).toBe('2027-01-11');
    expect(nextSessionDate('2026-01-31', 'monthly')).toBe('2026-02-28');
    expect(nextSessionDate('2026-12-07', 'none')).toBeNull();
  });

  it('is overdue only after the date the next session was due', () => {
    expect(daysOverdueForSession('2026-11-16', 'every-two-weeks', '2026-11-30')).toBeNull();
    expect(daysOverdueForSession('2026-11-16', 'every-two-weeks', '2026-12-07')).toBe(7);
    expect(daysOverdueForSession('2026-01-01', 'none', '2026-12-07')).toBeNull();
  });

  it('says how long it has been as a coach would', () => {
    expect(timeSince('2026-11-16', '2026-12-07')).toBe('3 weeks');
    expect(timeSince('2026-11-27', '2026-12-07')).toBe('10 days');
    expect(timeSince('2026-12-06', '2026-12-07')).toBe('1 day');
  });
});
