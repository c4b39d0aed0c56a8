// Small builders for contracts in unit tests.
import type { Commitment, Contract, RaciDecision } from '../../../shared/model';
import { newCommitment } from '../../../shared/contract-edits';

type Cell = RaciDecision['cells'][number];

export function decision(name: string, cells: string): RaciDecision {
  return { id: crypto.randomUUID(), name, cells: [...cells].map((cell) => (cell === '.' ? '' : cell) as Cell) };
}

export function commitment(text: string, patch: Partial<Commitment> = {}): Commitment {
  return { ...newCommitment(crypto.randomUUID(), 6, 1), text, owner: 'Ines', acceptanceCriteria: 'Done', ...patch };
}

export function contract(patch: Partial<Contract> = {}): Contract {
  return {
    id: crypto.randomUUID(),
    createdAt: 1,
    updatedAt: 1,
    participantId: crypto.randomUUID(),
    title: 'Ops handoffs',
    team: 'Operations',
    startDate: '2026-01-05',
    reviewCadenceWeeks: 6,
    nextReviewDate: '2026-02-16',
    status: 'active',
    commitments: [],
    raci: { roles: ['Lead', 'PM', 'Engineer', 'Sponsor'], decisions: [] },
    ...patch,
  };
}
