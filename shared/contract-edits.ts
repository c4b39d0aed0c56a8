// Pure edits of a contract's commitments and RACI. The repository applies them inside a
// transaction to the stored record, so two quick edits to different parts never overwrite
// each other.
import type { Commitment, Contract, Raci, RaciDecision, RaciLetter } from './model';

/** The list with the item at `index` moved by `offset` places, clamped to the ends. */
function moveItem<T>(items: readonly T[], index: number, offset: number): T[] {
  const target = Math.min(items.length - 1, Math.max(0, index + offset));
  if (index < 0 || index >= items.length || target === index) return [...items];
  const moved = [...items];
  const [item] = moved.splice(index, 1);
  moved.splice(target, 0, item);
  return moved;
}

function moveById<T extends { id: string }>(items: readonly T[], id: string, offset: number): T[] {
  return moveItem(
    items,
    items.findIndex((item) => item.id === id),
    offset,
  );
}

function requireItem<T extends { id: string }>(items: readonly T[], id: string, what: string): T {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`That ${what} is no longer in the contract`);
  return item;
}

// ---- Commitments -------------------------------------------------------------------------------

export function newCommitment(id: string, reviewCadenceWeeks: number, at: number): Commitment {
  return {
    id,
    text: '',
    owner: '',
    acceptanceCriteria: '',
    reviewCadenceWeeks,
    dueDate: null,
    status: 'on-track',
    statusHistory: [{ status: 'on-track', at }],
    actionIds: [],
  };
}

export function editCommitment(
  contract: Contract,
  commitmentId: string,
  edit: (commitment: Commitment) => Commitment,
): Contract {
  const current = requireItem(contract.commitments, commitmentId, 'commitment');
  return {
    ...contract,
    commitments: contract.commitments.map((commitment) => (commitment === current ? edit(current) : commitment)),
  };
}

export function withCommitmentStatus(
  commitment: Commitment,
  status: Commitment['status'],
  at: number,
  sessionId?: string,
): Commitment {
  if (commitment.status === status) return commitment;
  const change = sessionId ? { status, at, sessionId } : { status, at };
  return { ...commitment, status, statusHistory: [...commitment.statusHistory, change] };
}

export const moveCommitment = (contract: Contract, commitmentId: string, offset: number): Contract => ({
  ...contract,
  commitments: moveById(contract.commitments, commitmentId, offset),
});

export const removeCommitment = (contract: Contract, commitmentId: string): Contract => ({
  ...contract,
  commitments: contract.commitments.filter((commitment) => commitment.id !== commitmentId),
});

// ---- RACI --------------------------------------------------------------------------------------

function withDecisions(raci: Raci, decisions: RaciDecision[]): Raci {
  return { ...raci, decisions };
}

export function addRole(raci: Raci, name: string): Raci {
  return {
    roles: [...raci.roles, name],
    decisions: raci.decisions.map((decision) => ({ ...decision, cells: [...alignedCells(raci, decision), ''] })),
  };
}

export function renameRole(raci: Raci, index: number, name: string): Raci {
  if (index < 0 || index >= raci.roles.length) throw new Error('That role is no longer in the RACI');
  return { ...raci, roles: raci.roles.map((role, at) => (at === index ? name : role)) };
}

export function removeRole(raci: Raci, index: number): Raci {
  if (index < 0 || index >= raci.roles.length) throw new Error('That role is no longer in the RACI');
  return {
    roles: raci.roles.filter((_, at) => at !== index),
    decisions: raci.decisions.map((decision) => ({
      ...decision,
      cells: alignedCells(raci, decision).filter((_, at) => at !== index),
    })),
  };
}

/** One cell per role, whatever the stored row holds, so a column always lines up with its role. */
export function alignedCells(raci: Raci, decision: RaciDecision): RaciDecision['cells'] {
  return raci.roles.map((_, index) => decision.cells[index] ?? '');
}

export function addDecision(raci: Raci, id: string, name: string): Raci {
  return withDecisions(raci, [...raci.decisions, { id, name, cells: raci.roles.map(() => '' as const) }]);
}

export function renameDecision(raci: Raci, decisionId: string, name: string): Raci {
  requireItem(raci.decisions, decisionId, 'decision');
  return withDecisions(
    raci,
    raci.decisions.map((decision) => (decision.id === decisionId ? { ...decision, name } : decision)),
  );
}

export const moveDecision = (raci: Raci, decisionId: string, offset: number): Raci =>
  withDecisions(raci, moveById(raci.decisions, decisionId, offset));

export const removeDecision = (raci: Raci, decisionId: string): Raci =>
  withDecisions(
    raci,
    raci.decisions.filter((decision) => decision.id !== decisionId),
  );

export function setRaciCell(raci: Raci, decisionId: string, roleIndex: number, letter: RaciLetter | ''): Raci {
  requireItem(raci.decisions, decisionId, 'decision');
  if (roleIndex < 0 || roleIndex >= raci.roles.length) throw new Error('That role is no longer in the RACI');
  return withDecisions(
    raci,
    raci.decisions.map((decision) =>
      decision.id === decisionId
        ? { ...decision, cells: alignedCells(raci, decision).map((cell, at) => (at === roleIndex ? letter : cell)) }
        : decision,
    ),
  );
}
