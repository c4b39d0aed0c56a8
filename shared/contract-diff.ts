// What changed between two versions of a contract: the structure the side-by-side history view
// highlights, and the plain sentences a review records as its list of changes.
import type { Commitment, Contract, Raci, RaciDecision } from './model';
import { commitmentStatusLabels, contractStatusLabels, formatCalendarDate } from './contract-rules';
import { alignedCells } from './contract-edits';

type RaciCell = RaciDecision['cells'][number];

const comparedContractFields = [
  'title',
  'team',
  'status',
  'startDate',
  'reviewCadenceWeeks',
  'nextReviewDate',
] as const;
export type ComparedContractField = (typeof comparedContractFields)[number];

const comparedCommitmentFields = [
  'text',
  'owner',
  'acceptanceCriteria',
  'reviewCadenceWeeks',
  'dueDate',
  'status',
  'actionIds',
] as const;
export type ComparedCommitmentField = (typeof comparedCommitmentFields)[number];

type ItemChange = 'added' | 'removed' | 'changed' | 'same';

type CommitmentDiff = { change: ItemChange; fields: ComparedCommitmentField[] };
export type RoleDiff = { before: number | null; after: number | null; renamed: boolean };
/** A cell that differs, with its column in each version (null where the role is absent). */
type CellChange = RoleDiff & { role: string; from: RaciCell; to: RaciCell };
type DecisionDiff = { change: ItemChange; renamed: boolean; cells: CellChange[] };

export type ContractDiff = {
  fields: ComparedContractField[];
  /** By commitment id, for the commitments in either version. */
  commitments: Record<string, CommitmentDiff>;
  commitmentsReordered: boolean;
  /** Role columns of both versions lined up: by name first, then a renamed column by position. */
  roles: RoleDiff[];
  /** By decision id. */
  decisions: Record<string, DecisionDiff>;
  decisionsReordered: boolean;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function reordered(before: readonly { id: string }[], after: readonly { id: string }[]): boolean {
  const afterIds = new Set(after.map((item) => item.id));
  const beforeIds = new Set(before.map((item) => item.id));
  const common = (items: readonly { id: string }[], other: Set<string>) =>
    items.filter((item) => other.has(item.id)).map((item) => item.id);
  return !same(common(before, afterIds), common(after, beforeIds));
}

function diffById<T extends { id: string }, D>(
  before: readonly T[],
  after: readonly T[],
  compare: (earlier: T | undefined, later: T | undefined) => D,
): Record<string, D> {
  const result: Record<string, D> = {};
  const earlier = new Map(before.map((item) => [item.id, item]));
  const later = new Map(after.map((item) => [item.id, item]));
  for (const id of new Set([...earlier.keys(), ...later.keys()])) result[id] = compare(earlier.get(id), later.get(id));
  return result;
}

function itemChange(earlier: unknown, later: unknown, changed: boolean): ItemChange {
  if (!earlier) return 'added';
  if (!later) return 'removed';
  return changed ? 'changed' : 'same';
}

export function alignRoles(before: readonly string[], after: readonly string[]): RoleDiff[] {
  const matchedBefore = new Set<number>();
  const pairs: RoleDiff[] = after.map((name, index) => {
    const match = before.findIndex((candidate, at) => !matchedBefore.has(at) && candidate.trim() === name.trim());
    if (match === -1) return { before: null, after: index, renamed: false };
    matchedBefore.add(match);
    return { before: match, after: index, renamed: false };
  });
  for (const pair of pairs) {
    if (pair.before !== null || pair.after === null || pair.after >= before.length || matchedBefore.has(pair.after)) {
      continue;
    }
    matchedBefore.add(pair.after);
    pair.before = pair.after;
    pair.renamed = true;
  }
  const removed = before.flatMap((_, index) =>
    matchedBefore.has(index) ? [] : [{ before: index, after: null, renamed: false }],
  );
  return [...pairs, ...removed];
}

function diffDecision(roles: RoleDiff[], beforeRaci: Raci, afterRaci: Raci) {
  return (earlier: RaciDecision | undefined, later: RaciDecision | undefined): DecisionDiff => {
    const beforeCells = earlier ? alignedCells(beforeRaci, earlier) : [];
    const afterCells = later ? alignedCells(afterRaci, later) : [];
    const cells =
      earlier && later
        ? roles.flatMap((role): CellChange[] => {
            const from = role.before === null ? '' : beforeCells[role.before];
            const to = role.after === null ? '' : afterCells[role.after];
            if (from === to) return [];
            const name = role.after === null ? beforeRaci.roles[role.before!] : afterRaci.roles[role.after];
            return [{ ...role, role: name.trim() || 'unnamed role', from, to }];
          })
        : [];
    const renamed = Boolean(earlier && later && earlier.name !== later.name);
    return { change: itemChange(earlier, later, renamed || cells.length > 0), renamed, cells };
  };
}

export function compareContracts(before: Contract, after: Contract): ContractDiff {
  const roles = alignRoles(before.raci.roles, after.raci.roles);
  return {
    fields: comparedContractFields.filter((field) => !same(before[field], after[field])),
    commitments: diffById(before.commitments, after.commitments, (earlier, later) => {
      const fields =
        earlier && later ? comparedCommitmentFields.filter((field) => !same(earlier[field], later[field])) : [];
      return { change: itemChange(earlier, later, fields.length > 0), fields };
    }),
    commitmentsReordered: reordered(before.commitments, after.commitments),
    roles,
    decisions: diffById(before.raci.decisions, after.raci.decisions, diffDecision(roles, before.raci, after.raci)),
    decisionsReordered: reordered(before.raci.decisions, after.raci.decisions),
  };
}

// ---- Sentences ---------------------------------------------------------------------------------

const quoted = (text: string) => (text.trim() ? `“${text.trim()}”` : '(empty)');

const contractFieldLabels: Record<ComparedContractField, string> = {
  title: 'Title',
  team: 'Team',
  status: 'Status',
  startDate: 'Start date',
  reviewCadenceWeeks: 'Review cadence',
  nextReviewDate: 'Next review',
};

function contractValue(contract: Contract, field: ComparedContractField): string {
  switch (field) {
    case 'status':
      return contractStatusLabels[contract.status];
    case 'startDate':
    case 'nextReviewDate':
      return formatCalendarDate(contract[field]);
    case 'reviewCadenceWeeks':
      return `every ${contract.reviewCadenceWeeks} weeks`;
    case 'title':
    case 'team':
      return quoted(contract[field]);
  }
}

const commitmentFieldLabels: Record<ComparedCommitmentField, string> = {
  text: 'text',
  owner: 'owner',
  acceptanceCriteria: 'acceptance criteria',
  reviewCadenceWeeks: 'review cadence',
  dueDate: 'due date',
  status: 'status',
  actionIds: 'linked actions',
};

function commitmentValue(commitment: Commitment, field: ComparedCommitmentField): string {
  switch (field) {
    case 'status':
      return commitmentStatusLabels[commitment.status];
    case 'dueDate':
      return commitment.dueDate ? formatCalendarDate(commitment.dueDate) : 'none';
    case 'reviewCadenceWeeks':
      return `every ${commitment.reviewCadenceWeeks} weeks`;
    case 'actionIds':
      return String(commitment.actionIds.length);
    case 'text':
    case 'owner':
    case 'acceptanceCriteria':
      return quoted(commitment[field]);
  }
}

const cellText = (cell: string) => cell || '–';

function roleSentences(before: Contract, after: Contract, diff: ContractDiff): string[] {
  return diff.roles.flatMap((role) => {
    if (role.before === null) return [`Role ${quoted(after.raci.roles[role.after!])} added`];
    if (role.after === null) return [`Role ${quoted(before.raci.roles[role.before])} removed`];
    if (!role.renamed) return [];
    return [`Role ${quoted(before.raci.roles[role.before])} renamed to ${quoted(after.raci.roles[role.after])}`];
  });
}

/** Sentences for a list of items matched by id: added, removed, or what changed in each. */
function itemSentences<T extends { id: string }, D extends { change: ItemChange }>(
  noun: string,
  [before, after]: [readonly T[], readonly T[]],
  diffs: Record<string, D>,
  nameOf: (item: T) => string,
  changed: (was: T, is: T, diff: D, name: string) => string[],
): string[] {
  const earlier = new Map(before.map((item) => [item.id, item]));
  const later = new Map(after.map((item) => [item.id, item]));
  return Object.entries(diffs).flatMap(([id, diff]) => {
    const was = earlier.get(id);
    const is = later.get(id);
    if (!was) return [`${noun} ${quoted(nameOf(is!))} added`];
    if (!is) return [`${noun} ${quoted(nameOf(was))} removed`];
    if (diff.change === 'same') return [];
    return changed(was, is, diff, quoted(nameOf(is).trim() ? nameOf(is) : nameOf(was)));
  });
}

function commitmentSentences(before: Contract, after: Contract, diff: ContractDiff): string[] {
  return itemSentences(
    'Commitment',
    [before.commitments, after.commitments],
    diff.commitments,
    (commitment) => commitment.text,
    (was, is, change, name) =>
      change.fields.map(
        (field) =>
          `Commitment ${name} ${commitmentFieldLabels[field]}: ${commitmentValue(was, field)} → ${commitmentValue(is, field)}`,
      ),
  );
}

function decisionSentences(before: Contract, after: Contract, diff: ContractDiff): string[] {
  return itemSentences(
    'Decision',
    [before.raci.decisions, after.raci.decisions],
    diff.decisions,
    (decision) => decision.name,
    (was, is, change) => {
      const sentences = change.renamed ? [`Decision ${quoted(was.name)} renamed to ${quoted(is.name)}`] : [];
      const cells = change.cells.map((cell) => `${cell.role} ${cellText(cell.from)} → ${cellText(cell.to)}`);
      if (cells.length > 0) sentences.push(`Decision ${quoted(is.name)}: ${cells.join(', ')}`);
      return sentences;
    },
  );
}

/** One sentence per change, in the order a reader meets them in the contract. */
export function describeChanges(before: Contract, after: Contract): string[] {
  const diff = compareContracts(before, after);
  return [
    ...diff.fields.map(
      (field) => `${contractFieldLabels[field]}: ${contractValue(before, field)} → ${contractValue(after, field)}`,
    ),
    ...commitmentSentences(before, after, diff),
    ...(diff.commitmentsReordered ? ['Commitments reordered'] : []),
    ...roleSentences(before, after, diff),
    ...decisionSentences(before, after, diff),
    ...(diff.decisionsReordered ? ['Decisions reordered'] : []),
  ];
}
