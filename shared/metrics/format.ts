// How measure values read in the page and the workbook summary. Null reads "No data", never NaN.
import type { MeasureUnit } from './catalogue';

const NO_DATA = 'No data';

const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toFixed(1);

export function formatPercent(value: number | null): string {
  return value === null ? NO_DATA : `${Math.round(value * 100)}%`;
}

export function formatDays(days: number | null): string {
  if (days === null) return NO_DATA;
  return days < 1 ? `${oneDecimal(days * 24)} hours` : `${oneDecimal(days)} days`;
}

/**
 * A value rounded as the page shows it: whole percents, tenths otherwise. Exports write this, so
 * a number in a file never says more, or other, than the page.
 */
export function roundedValue(unit: MeasureUnit, value: number): number {
  if (unit === 'percent') return Math.round(value * 100) / 100;
  if (unit === 'days' && value < 1) {
    // Under a day the page reads hours to a tenth; kept under a day, so it still reads as hours.
    const tenthsOfAnHour = Math.round(value * 240) / 240;
    return Math.min(Math.round(tenthsOfAnHour * 10_000) / 10_000, 0.9999);
  }
  return Math.round(value * 10) / 10;
}

export function formatValue(unit: MeasureUnit, value: number | null): string {
  if (value === null) return NO_DATA;
  switch (unit) {
    case 'percent':
      return formatPercent(value);
    case 'days':
      return formatDays(value);
    case 'score':
      return `${oneDecimal(value)} / 5`;
    case 'per-team-month':
      return `${oneDecimal(value)} / team / month`;
    case 'hours-per-leader-month':
      return `${oneDecimal(value)} h / leader / month`;
  }
}

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
