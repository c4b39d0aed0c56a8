// The Metrics page writes dates as the rest of the app does, whatever the runtime's locale data.
import { describe, expect, it } from 'vitest';
import { formatAxisDate, formatDate, formatRange } from '../../../renderer/features/metrics/date-labels';

const seconds = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;

describe('metrics date labels', () => {
  it('writes September as Sep, as every other screen does', () => {
    expect(formatDate('2026-09-01')).toBe('1 Sep 2026');
    expect(formatRange({ from: '2026-09-01', to: '2026-11-29' })).toBe('1 Sep – 29 Nov 2026');
    expect(formatRange({ from: '2025-12-29', to: '2026-01-04' })).toBe('29 Dec 2025 – 4 Jan 2026');
    expect(formatRange({ from: '2026-03-02', to: '2026-03-02' })).toBe('2 Mar 2026');
  });

  it('labels an axis with the day, or the month and year over a long span', () => {
    expect(formatAxisDate(seconds('2026-09-07'), false)).toBe('7 Sep');
    expect(formatAxisDate(seconds('2026-09-07'), true)).toBe('Sep 2026');
  });
});
