// Which contract commitments a session goes over "since last time".
import { describe, expect, it } from 'vitest';
import { commitmentsToGoOver } from '../../../shared/contract-rules';
import { commitment, contract } from './contract-fixtures';

const lastSession = Date.parse('2026-03-02T10:00:00Z');
const changed = (status: 'met' | 'at-risk', iso: string) => [{ status, at: Date.parse(iso) }];

describe('the commitments a session goes over', () => {
  it('lists those due by the session and not met, and those changed since the last session, oldest due first', () => {
    const inForce = contract({
      commitments: [
        commitment('due later', { dueDate: '2026-03-20' }),
        commitment('due and open', { dueDate: '2026-03-06' }),
        commitment('due and met', {
          dueDate: '2026-03-01',
          status: 'met',
          statusHistory: changed('met', '2026-02-20T09:00:00Z'),
        }),
        commitment('met since', {
          dueDate: '2026-03-05',
          status: 'met',
          statusHistory: changed('met', '2026-03-04T09:00:00Z'),
        }),
        commitment('at risk since, undated', {
          dueDate: null,
          status: 'at-risk',
          statusHistory: changed('at-risk', '2026-03-03T09:00:00Z'),
        }),
        commitment('overdue', { dueDate: '2026-02-27', status: 'missed' }),
        commitment('   ', { dueDate: '2026-02-01' }),
      ],
    });
    const draft = contract({ status: 'draft', commitments: [commitment('not in force', { dueDate: '2026-03-01' })] });
    const binned = contract({ deletedAt: 5, commitments: [commitment('in the trash', { dueDate: '2026-03-01' })] });

    const listed = commitmentsToGoOver([inForce, draft, binned], '2026-03-09', lastSession);
    expect(listed.map(({ commitment }) => commitment.text)).toEqual([
      'overdue',
      'met since',
      'due and open',
      'at risk since, undated',
    ]);
  });

  it('at a first session lists only what is due', () => {
    const only = contract({
      commitments: [
        commitment('due', { dueDate: '2026-03-06' }),
        commitment('changed', { dueDate: null, statusHistory: changed('at-risk', '2026-03-03T09:00:00Z') }),
      ],
    });
    expect(commitmentsToGoOver([only], '2026-03-09', null).map(({ commitment }) => commitment.text)).toEqual(['due']);
  });
});
