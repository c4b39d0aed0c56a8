import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionStatuses, type Action } from '../../../shared/model';
import { applyStatusMove, canMoveTo, firstTimeIn, StatusMoveError } from '../../../shared/action-status';

function openAction(at = 1_000): Action {
  return {
    id: '6f1c1a52-5c7e-4d27-9a0a-0c7b8e0c9b11',
    participantId: '0e4b9c1e-55d2-4b5f-9f57-3f1b2a2d7c10',
    sessionId: null,
    text: 'Run the commitment review in Monday stand-up',
    owner: 'Dana',
    dueDate: '2026-12-04',
    verification: 'Agenda shows the review item',
    status: 'open',
    blockedReason: '',
    isExperiment: false,
    history: [{ status: 'open', at, source: 'coach' }],
    createdAt: at,
    updatedAt: at,
  };
}

describe('action status moves', () => {
  it('records blocked, unblocked, done and verified with their times', () => {
    let action = openAction();
    action = applyStatusMove(action, { status: 'blocked', reason: 'Waiting for budget', at: 2_000, source: 'coach' });
    expect(action.blockedReason).toBe('Waiting for budget');
    action = applyStatusMove(action, { status: 'open', at: 3_000, source: 'coach' });
    action = applyStatusMove(action, { status: 'done', at: 4_000, source: 'coach' });
    action = applyStatusMove(action, { status: 'verified', at: 5_000, source: 'upstream' });
    expect(action.history.map((change) => [change.status, change.at])).toEqual([
      ['open', 1_000],
      ['blocked', 2_000],
      ['open', 3_000],
      ['done', 4_000],
      ['verified', 5_000],
    ]);
    expect(action.blockedReason).toBe('');
    expect(action.updatedAt).toBe(5_000);
    expect(firstTimeIn(action, 'done')).toBe(4_000);
    expect(firstTimeIn(action, 'dropped')).toBeNull();
  });

  it('refuses a block without a reason and a jump from open to verified', () => {
    expect(() => applyStatusMove(openAction(), { status: 'blocked', reason: '  ', at: 2, source: 'coach' })).toThrow(
      StatusMoveError,
    );
    expect(() => applyStatusMove(openAction(), { status: 'verified', at: 2, source: 'coach' })).toThrow(
      /cannot become verified/,
    );
  });

  it('leaves the action untouched when the status does not change', () => {
    const action = openAction();
    expect(applyStatusMove(action, { status: 'open', at: 9, source: 'coach' })).toBe(action);
  });

  it('only ever appends to the history, for any sequence of allowed moves', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actionStatuses), { maxLength: 30 }), (targets) => {
        let action = openAction();
        let at = 1_000;
        for (const status of targets) {
          if (!canMoveTo(action.status, status)) continue;
          const before = action.history.length;
          at += 1;
          action = applyStatusMove(action, { status, reason: 'reason', at, source: 'coach' });
          expect(action.history.length).toBe(before + 1);
          expect(action.history.at(-1)?.status).toBe(action.status);
        }
        const times = action.history.map((change) => change.at);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }),
    );
  });
});
