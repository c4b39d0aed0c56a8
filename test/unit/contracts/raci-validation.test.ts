// The live warnings on a contract: each names the problem where it is, and none stops a save.
import { describe, expect, it } from 'vitest';
import {
  commitmentWarnings,
  contractWarnings,
  raciWarnings,
  reviewDateWarning,
  warningCount,
} from '../../../shared/contract-rules';
import type { Raci } from '../../../shared/model';
import { commitment, contract, decision } from './contract-fixtures';

const roles = ['Lead', 'PM', 'Engineer', 'Sponsor'];
const raci = (...decisions: Raci['decisions']): Raci => ({ roles, decisions });

describe('RACI validation', () => {
  it('accepts a decision with exactly one A and at least one R', () => {
    const ok = decision('Release go/no-go', 'ARCI');
    const alsoOk = decision('Hiring', 'RARR');
    expect(raciWarnings(raci(ok, alsoOk))).toEqual({
      matrix: [],
      roles: [[], [], [], []],
      decisions: { [ok.id]: [], [alsoOk.id]: [] },
    });
  });

  it('names the roles when a decision has two A’s, and asks for one when it has none', () => {
    const twoAs = decision('Budget', 'ARAI');
    const noA = decision('Roadmap', 'RCCI');
    const warnings = raciWarnings(raci(twoAs, noA)).decisions;
    expect(warnings[twoAs.id]).toEqual(['2 A’s (Lead, Engineer): exactly one role can be accountable.']);
    expect(warnings[noA.id]).toEqual(['No A: exactly one role must be accountable.']);
  });

  it('asks for an R when nobody does the work', () => {
    const noR = decision('Escalation', 'ACCI');
    expect(raciWarnings(raci(noR)).decisions[noR.id]).toEqual(['No R: mark who does the work.']);
  });

  it('flags duplicate decision names whatever their case and spacing', () => {
    const first = decision('Incident triage', 'AR..');
    const second = decision('  incident TRIAGE ', 'AR..');
    const other = decision('Hiring', 'AR..');
    const warnings = raciWarnings(raci(first, second, other)).decisions;
    const duplicate = 'Another decision has the same name: merge them or tell them apart.';
    expect(warnings[first.id]).toEqual([duplicate]);
    expect(warnings[second.id]).toEqual([duplicate]);
    expect(warnings[other.id]).toEqual([]);
  });

  it('reads a letter beyond the last role as absent, and calls an unnamed role by its column', () => {
    const stray = decision('Pricing', 'R...A');
    expect(raciWarnings(raci(stray)).decisions[stray.id]).toEqual(['No A: exactly one role must be accountable.']);
    const unnamed = decision('Pricing', 'RAA');
    expect(raciWarnings({ roles: ['Lead', '', ''], decisions: [unnamed] })).toMatchObject({
      roles: [[], ['Name this role.'], ['Name this role.']],
      decisions: { [unnamed.id]: ['2 A’s (column 2, column 3): exactly one role can be accountable.'] },
    });
  });

  it('gives a blank row one calm message instead of three', () => {
    const blank = decision('', '....');
    expect(raciWarnings(raci(blank)).decisions[blank.id]).toEqual([
      'Empty row: name the decision and mark who does what, or remove it.',
    ]);
    const unnamed = decision('', 'AR..');
    expect(raciWarnings(raci(unnamed)).decisions[unnamed.id]).toEqual(['Name this decision.']);
  });

  it('allows up to eight decisions and warns above that', () => {
    const decisions = (count: number) => Array.from({ length: count }, (_, index) => decision(`D${index}`, 'AR..'));
    expect(raciWarnings(raci(...decisions(8))).matrix).toEqual([]);
    expect(raciWarnings(raci(...decisions(9))).matrix).toEqual([
      '9 decisions: a RACI stays useful with the handful the team makes most often (about six, at most 8).',
    ]);
  });

  it('flags two role columns with the same name', () => {
    expect(raciWarnings({ roles: ['PM', 'Lead', 'pm '], decisions: [] }).roles).toEqual([
      ['Two columns are called “PM”.'],
      [],
      ['Two columns are called “pm”.'],
    ]);
  });
});

describe('contract and commitment warnings', () => {
  it('asks for an owner and acceptance criteria, field by field', () => {
    expect(commitmentWarnings(commitment('Weekly demo'))).toEqual([]);
    expect(commitmentWarnings(commitment('Weekly demo', { owner: ' ', acceptanceCriteria: '' }))).toEqual([
      { field: 'owner', message: 'No owner: name the one person who answers for this.' },
      { field: 'acceptanceCriteria', message: 'No acceptance criteria: say how everyone will know it is met.' },
    ]);
    expect(commitmentWarnings(commitment(''))).toEqual([{ field: 'text', message: 'Say what the team commits to.' }]);
  });

  it('warns about a review date before the start date, and an untitled contract', () => {
    expect(contractWarnings(contract())).toEqual([]);
    expect(contractWarnings(contract({ title: '', nextReviewDate: '2026-01-04' }))).toEqual([
      { field: 'title', message: 'Give the contract a title the team will recognise.' },
      { field: 'nextReviewDate', message: 'The next review (4 Jan 2026) is before the start date (5 Jan 2026).' },
    ]);
    expect(reviewDateWarning('2026-01-05', '2026-01-05')).toBeNull();
    expect(reviewDateWarning('2026-01-05', '2025-12-31')).toBe(
      'This review is dated 31 Dec 2025, before the contract starts (5 Jan 2026).',
    );
  });

  it('counts every warning in a contract for the list', () => {
    const messy = contract({
      title: '',
      commitments: [commitment('Demo', { owner: '' }), commitment('Retro')],
      raci: { roles: ['Lead', ''], decisions: [decision('Budget', 'AA')] },
    });
    // title, owner, unnamed role, two A's, no R
    expect(warningCount(messy)).toBe(5);
  });
});
