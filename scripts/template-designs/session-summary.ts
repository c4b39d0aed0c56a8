// Session-Summary.docx: what the leader takes away and may forward to a sponsor — the Will section
// and the agreed actions. It has no slot for Goal, Reality, Options or the coach's notes.
import { HeightRule, Paragraph, TableRow, type Document, type ISectionOptions, type Table } from 'docx';
import type { Slots } from './slots';
import {
  a4Document,
  cell,
  colour,
  detailsStrip,
  eyebrow,
  fixedTable,
  footer,
  headerCell,
  heading,
  para,
  run,
  widthsOf,
} from './word-kit';

function actionsTable(slots: Slots): Table {
  const widths = widthsOf([0.06, 0.42, 0.16, 0.14]);
  return fixedTable(widths, [
    new TableRow({
      tableHeader: true,
      children: ['#', 'Action', 'Owner', 'Due', 'How we will know'].map((title, i) => headerCell(title, widths[i])),
    }),
    ...slots.each(
      'actions',
      (action) =>
        new TableRow({
          cantSplit: true,
          height: { value: 440, rule: HeightRule.ATLEAST },
          children: [
            cell(
              [para([run(`${action.marker}${action.text('action.number')}`, { bold: true, color: colour.accent })], 0)],
              { width: widths[0] },
            ),
            cell([para([run(action.text('action.text'))], 0)], { width: widths[1] }),
            cell([para([run(action.text('action.owner'))], 0)], { width: widths[2] }),
            cell([para([run(action.text('action.dueDate'))], 0)], { width: widths[3] }),
            cell([para([run(action.text('action.verification'), { color: colour.muted })], 0)], { width: widths[4] }),
          ],
        }),
    ),
  ]);
}

/** The earlier actions this session marked done or verified. */
function completedTable(slots: Slots): Table {
  const widths = widthsOf([0.7]);
  return fixedTable(widths, [
    new TableRow({
      tableHeader: true,
      children: ['Completed', 'Owner'].map((title, i) => headerCell(title, widths[i])),
    }),
    ...slots.each(
      'completedActions',
      (completed) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([para([run(`${completed.marker}✓ ${completed.text('completed.text')}`)], 0)], { width: widths[0] }),
            cell([para([run(completed.text('completed.owner'))], 0)], { width: widths[1] }),
          ],
        }),
    ),
  ]);
}

const sessionSummaryTitle = 'Coaching session summary';

/** One session's pages. */
function sessionSummarySection(slots: Slots): Omit<ISectionOptions, 'properties'> {
  return {
    footers: {
      default: footer(
        `Prepared for ${slots.text('participant.name')} on ${slots.text('export.date')}`,
        'The private notes of the session stay with your coach',
      ),
    },
    children: [
      eyebrow('Session summary'),
      para([run('Your next steps', { size: 40, bold: true })], 0),
      para([run(slots.text('participant.name'), { size: 22, color: colour.muted })], 140),
      detailsStrip([
        ['Session', `${slots.text('session.date')} · ${slots.text('session.duration')}`],
        ['With', slots.text('coach.name')],
        ['Format', slots.text('session.type')],
        ['Next session', `${slots.text('nextSession.date')} ${slots.text('nextSession.startTime')}`],
      ]),
      new Paragraph({
        spacing: { before: 200, line: 264 },
        children: [
          run(
            'Thank you for the conversation. Here is what you committed to and the actions we agreed, ready to share with your team or your sponsor.',
            { color: colour.muted },
          ),
        ],
      }),
      heading('What you will do'),
      new Paragraph({
        spacing: { after: 0, line: 276 },
        shading: { type: 'clear', color: 'auto', fill: colour.accentSoft },
        border: { left: { style: 'single', size: 18, color: colour.accent, space: 8 } },
        children: [run(slots.text('session.will'), { size: 22 })],
      }),
      heading('Completed since last time'),
      completedTable(slots),
      heading('Agreed actions'),
      actionsTable(slots),
      new Paragraph({
        spacing: { before: 160 },
        children: [
          run(
            'We will look at each of these together at our next session. If anything here is not right, tell your coach before then.',
            {
              size: 18,
              italics: true,
              color: colour.muted,
            },
          ),
        ],
      }),
    ],
  };
}

export const sessionSummaryDocument = (slots: Slots): Document =>
  a4Document(sessionSummaryTitle, [sessionSummarySection(slots)]);
