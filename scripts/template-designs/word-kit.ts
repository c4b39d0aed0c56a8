// The visual language of the Word templates: Calibri, slate text, the app's teal accent, quiet
// hairlines, compact spacing so an ordinary session fits on one A4 page.
import {
  AlignmentType,
  Table,
  TableLayoutType,
  TableRow,
  BorderStyle,
  Document,
  Footer,
  PageNumber,
  Paragraph,
  ShadingType,
  TableCell,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';

export const colour = {
  accent: '0F766E',
  accentSoft: 'E6F4F2',
  text: '1F2937',
  muted: '64748B',
  hairline: 'CBD5E1',
  white: 'FFFFFF',
};

const FONT = 'Calibri';
/** A4 with 1.6 cm side margins: the width tables are laid out in, in twentieths of a point. */
export const CONTENT_WIDTH = 11906 - 2 * 900;

export const run = (text: string, options: Partial<ConstructorParameters<typeof TextRun>[0] & object> = {}) =>
  new TextRun({ text, font: FONT, color: colour.text, size: 20, ...options });

/** The small spaced capitals above a title or a value. */
export const eyebrow = (text: string, spacingAfter = 150) =>
  new Paragraph({
    spacing: { after: spacingAfter },
    children: [run(text.toUpperCase(), { size: 15, bold: true, color: colour.accent, characterSpacing: 30 })],
  });

export const para = (
  children: ParagraphChild[],
  spacingAfter = 60,
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType],
) => new Paragraph({ spacing: { after: spacingAfter, line: 264 }, alignment, children });

/** A section title; `note` follows it on the same line in small muted italics. */
export const heading = (text: string, spacingBefore = 240, note?: string) =>
  new Paragraph({
    spacing: { before: spacingBefore, after: 80 },
    keepNext: true,
    children: [
      run(text, { size: 24, bold: true, color: colour.accent }),
      ...(note ? [run(`   ${note}`, { size: 16, italics: true, color: colour.muted })] : []),
    ],
  });

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const hairline = { style: BorderStyle.SINGLE, size: 4, color: colour.hairline };
export const noBorders = { top: none, bottom: none, left: none, right: none };
const tableNoBorders = { ...noBorders, insideHorizontal: none, insideVertical: none };
export const tableHairlines = {
  top: hairline,
  bottom: hairline,
  left: none,
  right: none,
  insideHorizontal: hairline,
  insideVertical: none,
};

type CellOptions = {
  width: number;
  fill?: string;
  borders?: Record<string, typeof none>;
  padding?: number;
  centred?: boolean;
};

export function cell(children: Paragraph[], options: CellOptions): TableCell {
  const padding = options.padding ?? 90;
  return new TableCell({
    children,
    width: { size: options.width, type: WidthType.DXA },
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
    borders: options.borders,
    verticalAlign: options.centred ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { top: padding, bottom: padding, left: 120, right: 120 },
  });
}

/** A header cell of a data table: white small capitals on teal. */
export const headerCell = (text: string, width: number) =>
  cell(
    [
      new Paragraph({
        children: [run(text.toUpperCase(), { size: 15, bold: true, color: colour.white, characterSpacing: 20 })],
      }),
    ],
    {
      width,
      fill: colour.accent,
      padding: 70,
      centred: true,
    },
  );

/** A label above its value, for the details strip under a title. */
const detail = (label: string, value: string, width: number) =>
  cell([eyebrow(label, 20), para([run(value, { size: 21 })], 0)], { width, padding: 50 });

/** Column widths from fractions of the text width; the last column takes what is left. */
export function widthsOf(fractions: number[]): number[] {
  const widths = fractions.map((fraction) => Math.round(CONTENT_WIDTH * fraction));
  return [...widths, CONTENT_WIDTH - widths.reduce((sum, width) => sum + width, 0)];
}

/** A table as wide as the text, with columns that keep their widths whatever they hold. */
export function fixedTable(widths: number[], rows: TableRow[], borders: object = tableHairlines): Table {
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    rows,
  });
}

/** The strip of labelled values under a title, closed by a teal rule. */
export function detailsStrip(details: [label: string, value: string][]): Table {
  const width = CONTENT_WIDTH / details.length;
  return fixedTable(
    details.map(() => width),
    [new TableRow({ children: details.map(([label, value]) => detail(label, value, width)) })],
    { ...tableNoBorders, bottom: { style: BorderStyle.SINGLE, size: 8, color: colour.accent } },
  );
}

/** A footer line: `left`, and at the right margin `right` with the page number counted per session.
 * No "of N": LibreOffice leaves a section's page total blank, and a batch's document total would
 * be wrong for each session. */
export function footer(left: string, right: string): Footer {
  const muted = { font: FONT, size: 15, color: colour.muted };
  return new Footer({
    children: [
      new Paragraph({
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: colour.hairline, space: 6 } },
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        children: [
          run(left, muted),
          new TextRun({
            ...muted,
            children: [`\t${right} · page `, PageNumber.CURRENT],
          }),
        ],
      }),
    ],
  });
}

const a4Page = {
  page: {
    size: { width: 11906, height: 16838 },
    margin: { top: 720, bottom: 720, left: 900, right: 900, header: 360, footer: 360 },
    // Each session (a section of a batch document) counts its own pages.
    pageNumbers: { start: 1 },
  },
};

/** A4 documents in the templates' type and colour, one section (page setup) per part given. */
export function a4Document(title: string, sections: Omit<ISectionOptions, 'properties'>[]): Document {
  return new Document({
    title,
    creator: 'Followthrough',
    styles: { default: { document: { run: { font: FONT, size: 20, color: colour.text } } } },
    sections: sections.map((section) => ({ properties: a4Page, ...section })),
  });
}
