// 1to1-GROW-Checklist.docx: the coach's one-page record of a 1:1 — who, when, how long, the four
// GROW sections each with a prompt to ask, and the action log with owner, due date and
// verification (program guide, section 9).
import {
  HeightRule,
  Paragraph,
  TableRow,
  type Document,
  type ISectionOptions,
  type ParagraphChild,
  type Table,
} from 'docx';
import type { Slots } from './slots';
import {
  a4Document,
  cell,
  colour,
  CONTENT_WIDTH,
  detailsStrip,
  eyebrow,
  fixedTable,
  footer,
  headerCell,
  heading,
  noBorders,
  para,
  run,
  tableHairlines,
  widthsOf,
} from './word-kit';

const growSections = [
  {
    letter: 'G',
    title: 'Goal',
    field: 'session.goal',
    prompt: 'What do you want to walk away with today — and what would success look like in 90 days?',
  },
  {
    letter: 'R',
    title: 'Reality',
    field: 'session.reality',
    prompt: 'What is happening now? What have you tried, and what got in the way?',
  },
  {
    letter: 'O',
    title: 'Options',
    field: 'session.options',
    prompt: 'What could you do? What else? What would someone you admire try?',
  },
  {
    letter: 'W',
    title: 'Will',
    field: 'session.will',
    prompt: 'What will you do, by when — and how will we both know it is done?',
  },
];

/** Body text set tighter than the kit's paragraphs, so an ordinary session fits one page. */
const compact = (children: ParagraphChild[]) => new Paragraph({ spacing: { after: 0, line: 240 }, children });

function growTable(slots: Slots): Table {
  const letterWidth = 520;
  return fixedTable(
    [letterWidth, CONTENT_WIDTH - letterWidth],
    growSections.map(
      (section) =>
        new TableRow({
          cantSplit: true,
          height: { value: 560, rule: HeightRule.ATLEAST },
          children: [
            cell([para([run(section.letter, { size: 28, bold: true, color: colour.white })], 0, 'center')], {
              width: letterWidth,
              fill: colour.accent,
              borders: noBorders,
              centred: true,
            }),
            cell(
              [
                para(
                  [
                    run(section.title, { size: 21, bold: true }),
                    run(`   ${section.prompt}`, { size: 16, italics: true, color: colour.muted }),
                  ],
                  20,
                ),
                compact([run(slots.text(section.field), { size: 18 })]),
              ],
              { width: CONTENT_WIDTH - letterWidth, padding: 50 },
            ),
          ],
        }),
    ),
  );
}

function actionLog(slots: Slots): Table {
  const widths = widthsOf([0.5, 0.2]);
  const line = { style: 'single', size: 4, color: colour.hairline };
  return fixedTable(
    widths,
    [
      new TableRow({
        tableHeader: true,
        children: [
          headerCell('Action & owner', widths[0]),
          headerCell('Due date', widths[1]),
          headerCell('Verification', widths[2]),
        ],
      }),
      ...slots.each(
        'actions',
        (action) =>
          new TableRow({
            cantSplit: true,
            height: { value: 400, rule: HeightRule.ATLEAST },
            children: [
              cell(
                [
                  compact([
                    run(`${action.marker}${action.text('action.text')}`, { size: 18 }),
                    run(`  ·  ${action.text('action.owner')}`, { size: 16, color: colour.muted }),
                  ]),
                ],
                { width: widths[0], padding: 50 },
              ),
              cell([compact([run(action.text('action.dueDate'), { size: 18 })])], { width: widths[1], padding: 50 }),
              cell([compact([run(action.text('action.verification'), { size: 18 })])], {
                width: widths[2],
                padding: 50,
              }),
            ],
          }),
      ),
    ],
    { ...tableHairlines, left: line, right: line, insideVertical: line },
  );
}

/** The earlier actions the session went over, first thing in the conversation (guide, section 4). */
function sinceLastTimeTable(slots: Slots): Table {
  const widths = widthsOf([0.52, 0.16]);
  return fixedTable(widths, [
    new TableRow({
      tableHeader: true,
      children: [
        headerCell('Earlier action & owner', widths[0]),
        headerCell('Due', widths[1]),
        headerCell('Outcome', widths[2]),
      ],
    }),
    ...slots.each(
      'earlierActions',
      (earlier) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(
              [
                compact([
                  run(`${earlier.marker}${earlier.text('earlier.text')}`, { size: 17 }),
                  run(`  ·  ${earlier.text('earlier.owner')}`, { size: 15, color: colour.muted }),
                ]),
              ],
              { width: widths[0], padding: 40 },
            ),
            cell([compact([run(earlier.text('earlier.dueDate'), { size: 17 })])], { width: widths[1], padding: 40 }),
            cell([compact([run(earlier.text('earlier.outcome'), { size: 17, bold: true })])], {
              width: widths[2],
              padding: 40,
            }),
          ],
        }),
    ),
  ]);
}

export const growChecklistTitle = '1:1 GROW coaching checklist';

/** One session's pages. */
export function growChecklistSection(slots: Slots): Omit<ISectionOptions, 'properties'> {
  return {
    footers: {
      default: footer(
        `Confidential coaching record · ${slots.text('participant.name')} · ${slots.text('session.date')}`,
        'GROW checklist',
      ),
    },
    children: [
      eyebrow('1:1 coaching checklist · GROW'),
      para(
        [
          run(slots.text('participant.name'), { size: 30, bold: true }),
          run(`   ${slots.text('participant.role')}`, { size: 19, color: colour.muted }),
        ],
        60,
      ),
      detailsStrip([
        ['Date', `${slots.text('session.date')} · ${slots.text('session.startTime')}`],
        ['Duration', slots.text('session.duration')],
        ['Session', slots.text('session.type')],
        ['Coach', slots.text('coach.name')],
        ['Next session', `${slots.text('nextSession.date')} ${slots.text('nextSession.startTime')}`],
      ]),
      heading('Since last time', 80, 'The actions agreed before, gone over first.'),
      sinceLastTimeTable(slots),
      heading('Conversation', 80),
      growTable(slots),
      heading('Action log', 80, 'Who owns each action, when it is due, how completion will be verified.'),
      actionLog(slots),
      heading('Coach’s notes', 80),
      new Paragraph({
        spacing: { after: 0, line: 240 },
        shading: { type: 'clear', color: 'auto', fill: colour.accentSoft },
        border: { left: { style: 'single', size: 18, color: colour.accent, space: 8 } },
        children: [run(slots.text('session.notes'), { size: 17 })],
      }),
    ],
  };
}

export const growChecklistDocument = (slots: Slots): Document =>
  a4Document(growChecklistTitle, [growChecklistSection(slots)]);
