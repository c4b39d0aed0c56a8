// Which status an action may move to from which, and the history entry each move leaves behind.
// The metrics read time to unblock, completion and verification from that history.
import type { Action, ActionStatus, StatusChange } from './model';

const allowedMoves: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ['done', 'blocked', 'dropped'],
  blocked: ['open', 'done', 'dropped'],
  done: ['verified', 'open'],
  verified: ['open'],
  dropped: ['open'],
};

export function canMoveTo(from: ActionStatus, to: ActionStatus): boolean {
  return allowedMoves[from].includes(to);
}

export class StatusMoveError extends Error {}

type StatusMove = { status: ActionStatus; reason?: string; at: number; source: StatusChange['source'] };

/** The action after a status move, or a StatusMoveError saying why the move is not allowed. */
export function applyStatusMove(action: Action, move: StatusMove): Action {
  if (action.status === move.status) return action;
  if (!canMoveTo(action.status, move.status)) {
    throw new StatusMoveError(`An action that is ${action.status} cannot become ${move.status}`);
  }
  const reason = move.reason?.trim() ?? '';
  if (move.status === 'blocked' && !reason) {
    throw new StatusMoveError('Say what blocks the action, so someone can unblock it');
  }
  const change: StatusChange = { status: move.status, at: move.at, source: move.source };
  if (reason) change.reason = reason;
  return {
    ...action,
    status: move.status,
    blockedReason: move.status === 'blocked' ? reason : '',
    history: [...action.history, change],
    updatedAt: move.at,
  };
}

/** When the action was first marked as having reached `status`, if it ever was. */
export function firstTimeIn(action: Pick<Action, 'history'>, status: ActionStatus): number | null {
  return action.history.find((change) => change.status === status)?.at ?? null;
}

type Entry = Pick<StatusChange, 'status' | 'at' | 'source'>;

/**
 * Whether the coach's `change` replaced the upstream `previous` rather than followed it. Sync merges
 * both sides' changes in the hub's order, so a change the coach made without knowing of a program
 * manager's (offline, say) comes after it. One dated before it, or a move the rules never allow
 * from it, was made without knowing it: by the conflict rule it won, and `previous` never held.
 * Upstream changes are made on the hub's current state, and a device's own changes follow each
 * other, so no other pair is a conflict, whatever an imported history looks like.
 */
function replaced(previous: Entry, change: Entry): boolean {
  if (previous.source !== 'upstream' || change.source !== 'coach') return false;
  if (change.at < previous.at) return true;
  return change.status !== previous.status && !canMoveTo(previous.status, change.status);
}

/** The history as it resulted: without the upstream changes a coach's later one replaced in a conflict. */
export function resultingHistory<T extends Entry>(history: readonly T[]): T[] {
  const held: T[] = [];
  for (const change of history) {
    while (held.length > 0 && replaced(held[held.length - 1], change)) held.pop();
    held.push(change);
  }
  return held;
}
