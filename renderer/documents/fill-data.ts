// What a template is filled with: values by placeholder name, and the items of each list.
// Values keep their type until the last moment, so Word gets a date in the coach's locale and
// Excel a real date cell it can sort.
import type { CalendarDate } from '../../shared/model';

export type FieldValue = string | number | { date: CalendarDate | null } | null;

/** Values by full placeholder name; a row item's field that also depends on the column item
 * (the RACI letter) holds one value per column item. */
export type Scope = Record<string, FieldValue | FieldValue[]>;

export type FillData = {
  fields: Scope;
  lists: Record<string, Scope[]>;
};

export type FillOptions = {
  /** A BCP 47 tag such as `en-GB`; dates and numbers are written the way this locale writes them. */
  locale: string;
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, locale: string, make: (locale: string) => T): T {
  let format = cache.get(locale);
  if (!format) {
    try {
      format = make(locale);
    } catch {
      format = make('en-GB');
    }
    cache.set(locale, format);
  }
  return format;
}

export function calendarDateToUtc(date: CalendarDate): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function formatDate(date: CalendarDate, locale: string): string {
  const format = cached(
    dateFormats,
    locale,
    (tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }),
  );
  return format.format(calendarDateToUtc(date));
}

/** A value as the text a reader sees. */
export function valueText(value: FieldValue, locale: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return cached(numberFormats, locale, (tag) => new Intl.NumberFormat(tag)).format(value);
  return value.date ? formatDate(value.date, locale) : '';
}

/**
 * Looks a name up in the scopes, innermost first. A per-column value is picked by `columnIndex`;
 * a name no scope holds reads as empty (the validator has already refused unknown names).
 */
export function lookUp(scopes: readonly Scope[], name: string, columnIndex: number | null): FieldValue {
  for (let i = scopes.length - 1; i >= 0; i--) {
    if (!(name in scopes[i])) continue;
    const value = scopes[i][name];
    if (!Array.isArray(value)) return value;
    return columnIndex === null ? null : (value[columnIndex] ?? null);
  }
  return null;
}
