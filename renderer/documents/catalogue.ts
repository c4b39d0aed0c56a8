// Every placeholder each export understands: the one list the validator checks templates against,
// the builders fill, and scripts/build-templates.ts prints into templates/README.md.
import { privateFields, type TemplateKind } from '../../shared/model';
import type { BundledTemplateName } from '../../shared/ipc';

export type FieldType = 'text' | 'date' | 'number';

export type FieldSpec = {
  name: string;
  type: FieldType;
  description: string;
  example: string;
  /** For a field of a row list that also needs the column list's item, e.g. the RACI letter. */
  across?: string;
};

export type ListSpec = {
  /** The marker's name: `{{#actions}}`. */
  name: string;
  /** The prefix of each item's fields: `{{action.text}}`. */
  item: string;
  /** `row` repeats a table row (Word) or sheet row (Excel); `column` repeats a sheet column. */
  axis: 'row' | 'column';
  description: string;
  fields: FieldSpec[];
};

export type TemplateFormat = 'docx' | 'xlsx';

export type KindSpec = {
  kind: TemplateKind;
  label: string;
  /** How exported files of this kind are named: "2026-11-02 Amara Okafor - GROW checklist.docx". */
  fileLabel: string;
  description: string;
  format: TemplateFormat;
  bundled: BundledTemplateName;
  fields: FieldSpec[];
  lists: ListSpec[];
  /** Sheets an Excel template must have, by name. */
  requiredSheets: string[];
};

const field = (name: string, type: FieldType, description: string, example: string): FieldSpec => ({
  name,
  type,
  description,
  example,
});

/** The first field of every row list: the item's place in it. */
const position = (item: string) => field(`${item}.number`, 'number', 'Its position in the list: 1, 2, 3…', '1');

const participantFields: FieldSpec[] = [
  field('participant.name', 'text', 'The leader’s name', 'Amara Okafor'),
  field('participant.role', 'text', 'Their role', 'Head of Operations'),
  field('participant.team', 'text', 'Their team', 'Clinical Operations'),
  field('participant.organisation', 'text', 'Their organisation', 'Acme Health'),
  field('participant.sponsor', 'text', 'The executive sponsor', 'Dana Whitfield, COO'),
  field('participant.cohort', 'text', 'The programme cohort', 'Pilot 1'),
  field('participant.tier', 'text', 'The coaching tier', 'High-touch 1:1'),
  field('participant.startDate', 'date', 'When their coaching started', '1 September 2026'),
  field('participant.primaryTarget', 'text', 'The behaviour they work on first', 'Run weekly commitment reviews'),
  field('participant.secondaryTarget', 'text', 'The second behaviour target', 'Delegate triage decisions'),
];

const exportFields: FieldSpec[] = [
  field('coach.name', 'text', 'The coach’s name, as set in Settings', 'Sam Rivera'),
  field('coach.organisation', 'text', 'The coach’s organisation, as set in Settings', 'Northwind Coaching'),
  field('export.date', 'date', 'The day the document was made', '2 November 2026'),
];

const sessionHeaderFields: FieldSpec[] = [
  field('session.date', 'date', 'The day of the session', '2 November 2026'),
  field('session.startTime', 'text', 'When it started', '09:30'),
  field('session.duration', 'text', 'How long it lasted', '1 h 15 min'),
  field('session.durationMinutes', 'number', 'How long it lasted, in minutes', '75'),
  field('session.type', 'text', 'The kind of session', '1:1 coaching'),
  field('session.status', 'text', 'Draft or complete', 'Complete'),
];

const willField = field(
  'session.will',
  'text',
  'Will: the next steps the leader committed to',
  'Run the Monday review',
);

/** Goal, Reality, Options, Will and the coach's notes; all but Will are private to the coach. */
const growFields: FieldSpec[] = [
  field('session.goal', 'text', 'Goal: what the leader wants from the session (private)', 'Stop re-deciding triage'),
  field('session.reality', 'text', 'Reality: where things stand (private)', 'Three escalations a week'),
  field('session.options', 'text', 'Options the leader considered (private)', 'A RACI for triage'),
  willField,
  field('session.notes', 'text', 'The coach’s free notes (private)', 'Energy low on Fridays'),
];

const actionsList: ListSpec = {
  name: 'actions',
  item: 'action',
  axis: 'row',
  description: 'The session’s actions, oldest first',
  fields: [
    position('action'),
    field('action.text', 'text', 'What will be done', 'Publish the triage RACI'),
    field('action.owner', 'text', 'Who does it', 'Amara'),
    field('action.dueDate', 'date', 'When it is due', '16 November 2026'),
    field('action.verification', 'text', 'How everyone will know it is done', 'RACI pinned in the team channel'),
    field('action.status', 'text', 'Open, done, verified, dropped or blocked', 'Open'),
  ],
};

const nextSessionFields: FieldSpec[] = [
  field('nextSession.date', 'date', 'The next planned session, if one is planned', '16 November 2026'),
  field('nextSession.startTime', 'text', 'When the next planned session starts', '09:30'),
];

const earlierActionsList: ListSpec = {
  name: 'earlierActions',
  item: 'earlier',
  axis: 'row',
  description:
    'Since last time: the earlier actions the session went over, with what was decided, and (until the session is complete) those still waiting; oldest due first',
  fields: [
    position('earlier'),
    field('earlier.text', 'text', 'What was to be done', 'Publish the triage RACI'),
    field('earlier.owner', 'text', 'Who does it', 'Amara'),
    field('earlier.dueDate', 'date', 'When it is due (the new date if carried forward)', '16 November 2026'),
    field('earlier.outcome', 'text', 'What was decided: done, verified, blocked, carried forward…', 'Done'),
  ],
};

const completedActionsList: ListSpec = {
  name: 'completedActions',
  item: 'completed',
  axis: 'row',
  description: 'Completed since last time: the earlier actions this session marked done or verified',
  fields: [
    position('completed'),
    field('completed.text', 'text', 'What was done', 'Name an owner for every Sev-2 escalation'),
    field('completed.owner', 'text', 'Who did it', 'Amara'),
    field('completed.dueDate', 'date', 'When it was due', '23 October 2026'),
  ],
};

const commitmentsList: ListSpec = {
  name: 'commitments',
  item: 'commitment',
  axis: 'row',
  description: 'The contract’s commitments',
  fields: [
    position('commitment'),
    field('commitment.text', 'text', 'The commitment', 'Review open commitments every Monday'),
    field('commitment.owner', 'text', 'Who owns it', 'Amara Okafor'),
    field('commitment.acceptanceCriteria', 'text', 'How it is judged met', 'Review held 5 Mondays of 6'),
    field('commitment.reviewCadence', 'text', 'How often it is reviewed, in words', 'Every 2 weeks'),
    field('commitment.reviewCadenceWeeks', 'number', 'How often it is reviewed, in weeks', '2'),
    field('commitment.dueDate', 'date', 'When it is due', '14 December 2026'),
    field('commitment.status', 'text', 'On track, at risk, missed or met', 'On track'),
  ],
};

const rolesList: ListSpec = {
  name: 'roles',
  item: 'role',
  axis: 'column',
  description: 'The RACI roles; in Excel the column holding the marker repeats once per role',
  fields: [field('role.name', 'text', 'The role', 'Team lead')],
};

const decisionsList: ListSpec = {
  name: 'decisions',
  item: 'decision',
  axis: 'row',
  description: 'The RACI decisions',
  fields: [
    position('decision'),
    field('decision.name', 'text', 'The decision', 'Escalate a Sev-1 incident'),
    {
      ...field('decision.letter', 'text', 'R, A, C or I where this decision meets the role of the column', 'A'),
      across: 'roles',
    },
  ],
};

const contractFields: FieldSpec[] = [
  field('contract.title', 'text', 'The contract’s title', 'Triage accountability contract'),
  field('contract.team', 'text', 'The team it binds', 'Clinical Operations'),
  field('contract.startDate', 'date', 'When it started', '1 October 2026'),
  field('contract.reviewCadence', 'text', 'How often it is reviewed, in words', 'Every 6 weeks'),
  field('contract.reviewCadenceWeeks', 'number', 'How often it is reviewed, in weeks', '6'),
  field('contract.nextReviewDate', 'date', 'The next review', '12 November 2026'),
  field('contract.status', 'text', 'Draft, active, under review or retired', 'Active'),
  field('contract.commitmentCount', 'number', 'How many commitments it holds', '5'),
];

export const catalogue: Record<TemplateKind, KindSpec> = {
  'grow-checklist': {
    kind: 'grow-checklist',
    label: '1:1 GROW checklist',
    fileLabel: 'GROW checklist',
    description: 'The coach’s one-page record of a session: the four GROW sections and the action log.',
    format: 'docx',
    bundled: '1to1-GROW-Checklist.docx',
    fields: [...participantFields, ...sessionHeaderFields, ...growFields, ...nextSessionFields, ...exportFields],
    lists: [actionsList, earlierActionsList],
    requiredSheets: [],
  },
  'session-summary': {
    kind: 'session-summary',
    label: 'Session summary',
    fileLabel: 'Session summary',
    description: 'What the leader takes away: the Will section and the actions, never the private notes.',
    format: 'docx',
    bundled: 'Session-Summary.docx',
    fields: [...participantFields, ...sessionHeaderFields, willField, ...nextSessionFields, ...exportFields],
    lists: [actionsList, completedActionsList],
    requiredSheets: [],
  },
  'contract-workbook': {
    kind: 'contract-workbook',
    label: 'Accountability contract',
    fileLabel: 'Accountability contract',
    description: 'The team’s commitments and acceptance criteria, and a RACI of its key decisions.',
    format: 'xlsx',
    bundled: 'Accountability-Contract.xlsx',
    fields: [...participantFields, ...contractFields, ...exportFields],
    lists: [commitmentsList, rolesList, decisionsList],
    requiredSheets: ['Commitments', 'RACI'],
  },
};

/** Names that hold what a leader said in confidence and may not appear in a shareable summary. */
const confidentialNames = new Set([
  ...privateFields.session.map((name) => `session.${name}`),
  ...privateFields.participant.map((name) => `participant.${name}`),
]);

export function isConfidential(kind: TemplateKind, name: string): boolean {
  if (name.startsWith('participant.')) return confidentialNames.has(name);
  return kind === 'session-summary' && confidentialNames.has(name);
}

/** Every field name a template of `kind` may use, list items included. */
export function knownFieldNames(kind: TemplateKind): string[] {
  const spec = catalogue[kind];
  return [...spec.fields.map((f) => f.name), ...spec.lists.flatMap((list) => list.fields.map((f) => f.name))];
}

export function findList(kind: TemplateKind, name: string): ListSpec | undefined {
  return catalogue[kind].lists.find((list) => list.name === name);
}

/** The list whose items a field belongs to (`action.text` → actions), if it is a list item field. */
export function listOfField(kind: TemplateKind, name: string): ListSpec | undefined {
  return catalogue[kind].lists.find((list) => list.fields.some((f) => f.name === name));
}

export function fieldSpec(kind: TemplateKind, name: string): FieldSpec | undefined {
  return (
    catalogue[kind].fields.find((f) => f.name === name) ?? listOfField(kind, name)?.fields.find((f) => f.name === name)
  );
}

export const kindsOfFormat = (format: TemplateFormat): TemplateKind[] =>
  Object.values(catalogue)
    .filter((spec) => spec.format === format)
    .map((spec) => spec.kind);
