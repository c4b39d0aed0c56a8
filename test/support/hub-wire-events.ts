// Wire events as a device sends them, for the hub tests that talk to the hub directly.
import type { HubPushRequest } from '../../shared/hub-protocol';
import type { RecordSyncEvent, WireAction, WireParticipant } from '../../shared/sync-protocol';

type ActionEvent = Extract<RecordSyncEvent, { action: unknown }>;

export const participant: WireParticipant = {
  ref: 'p-0123456789abcdef',
  sharing: 'named',
  displayName: 'Amara Okafor',
};

const iso = (at: number) => new Date(at).toISOString();

export function wireAction(overrides: Partial<WireAction> & { id?: string; at?: number } = {}): WireAction {
  const { at = Date.UTC(2026, 0, 5, 9), ...rest } = overrides;
  return {
    id: crypto.randomUUID(),
    sessionId: null,
    text: 'Share the Q3 plan with the team',
    owner: 'Amara Okafor',
    dueDate: '2026-01-20',
    verification: 'The plan is in the team channel',
    status: 'open',
    blockedReason: '',
    isExperiment: false,
    createdAt: iso(at),
    updatedAt: iso(at),
    deletedAt: null,
    history: [{ status: 'open', at: iso(at), reason: null, source: 'coach' }],
    ...rest,
  };
}

export function actionEvent(action: WireAction, overrides: Partial<ActionEvent> = {}): ActionEvent {
  const version = Date.parse(action.updatedAt);
  return {
    type: action.deletedAt ? 'action.deleted' : 'action.upserted',
    idempotencyKey: `action:${action.id}:${version}`,
    occurredAt: action.updatedAt,
    recordVersion: version,
    participant,
    action,
    ...overrides,
  };
}

/** The action after a coach's edit at `at`: a new updatedAt, so a new idempotency key. */
export function edited(action: WireAction, at: number, changes: Partial<WireAction>): WireAction {
  return { ...action, ...changes, updatedAt: iso(at) };
}

export function withStatus(action: WireAction, status: WireAction['status'], at: number): WireAction {
  return edited(action, at, {
    status,
    history: [...action.history, { status, at: iso(at), reason: null, source: 'coach' }],
  });
}

let batchCounter = 0;

export function pushBody(events: RecordSyncEvent[], baseCursor: string | null = null): HubPushRequest {
  batchCounter += 1;
  return {
    version: 1,
    batchId: `batch-test-${batchCounter}`,
    sentAt: new Date().toISOString(),
    baseCursor,
    events,
  };
}
