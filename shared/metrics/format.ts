// How measure values read in the page and the workbook summary. Null reads "No data", never NaN.
import type { MeasureUnit } from './catalogue';

export const NO_DATA = 'No data';

const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toFixed(1);

export function formatPercent(value: number | null): string {
  return value === null ? NO_DATA : `${Math.round(value * 100)}%`;
}

export function formatDays(days: number | null): string {
  if (days === null) return NO_DATA;
  return days < 1 ? `${oneDecimal(days * 24)} hours` : `${oneDecimal(days)} days`;
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
    case 'hours':
      return `${value >= 100 ? Math.round(value).toLocaleString('en-GB') : oneDecimal(value)} h`;
  }
}

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
