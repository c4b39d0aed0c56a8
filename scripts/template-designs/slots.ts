// One design, two uses: filled with placeholders it becomes the bundled template; filled with a
// session's values it becomes the "built directly with docx/exceljs" baseline of the benchmark.
import { lookUp, valueText, type FieldValue, type FillData, type Scope } from '../../renderer/documents/fill-data';

export type ItemSlots = {
  /** The list marker, for the first cell of a repeated row or column; empty in a filled design. */
  marker: string;
  text: (name: string) => string;
  value: (name: string) => string | number | Date | null;
};

export type Slots = ItemSlots & {
  /** One entry per item when filled; one entry carrying the list marker in a template. */
  each: <T>(list: string, build: (item: ItemSlots, index: number) => T) => T[];
  /** Inside a repeated row, the item of a repeated column (Excel's RACI roles). */
  across: <T>(row: ItemSlots, list: string, build: (item: ItemSlots, column: number) => T) => T[];
};

function placeholderItem(marker: string): ItemSlots {
  return { marker, text: (name) => `{{${name}}}`, value: (name) => `{{${name}}}` };
}

/** The slots of the bundled template: every value is its placeholder. */
export const templateSlots: Slots = {
  ...placeholderItem(''),
  each: (list, build) => [build(placeholderItem(`{{#${list}}}`), 0)],
  across: (_row, list, build) => [build(placeholderItem(`{{#${list}}}`), 0)],
};

function typed(value: FieldValue): string | number | Date | null {
  if (value !== null && typeof value === 'object') {
    return value.date ? new Date(`${value.date}T00:00:00Z`) : null;
  }
  return value;
}

function filledItem(scopes: Scope[], locale: string, column: number | null): ItemSlots {
  return {
    marker: '',
    text: (name) => valueText(lookUp(scopes, name, column), locale),
    value: (name) => typed(lookUp(scopes, name, column)),
  };
}

/** The slots of a document built directly from values. */
export function filledSlots(data: FillData, locale: string): Slots {
  const scopeOf = new WeakMap<ItemSlots, Scope[]>();
  const item = (scopes: Scope[], column: number | null) => {
    const slots = filledItem(scopes, locale, column);
    scopeOf.set(slots, scopes);
    return slots;
  };
  return {
    ...item([data.fields], null),
    each: (list, build) =>
      (data.lists[list] ?? []).map((scope, index) => build(item([data.fields, scope], null), index)),
    across: (row, list, build) =>
      (data.lists[list] ?? []).map((scope, column) =>
        build(item([...(scopeOf.get(row) ?? [data.fields]), scope], column), column),
      ),
  };
}
