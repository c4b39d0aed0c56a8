// A hub of one action in memory, made of the hub's own merge functions: its state, its change log,
// its revision counter and the conflict notes it kept. For tests of the conflict rule and of what
// the measures read after it.
import {
  applyUpstreamStatus,
  mergeCoachEvent,
  valueAt,
  type ActionEvent,
  type MergeOutcome,
} from '../../server/sync/merge-action';
import type { StoredAction, Writer } from '../../server/sync/stored-action';

const owner = { coachId: crypto.randomUUID(), organisationId: crypto.randomUUID() };
export const laptop: Writer = { source: 'coach', author: 'Dana laptop', tokenId: 'token-laptop' };
export const desktop: Writer = { source: 'coach', author: 'Dana desktop', tokenId: 'token-desktop' };
const manager: Writer = { source: 'upstream', author: 'Pat Lee', tokenId: 'token-manager' };

/** A hub of one action in memory: its state, its change log and its revision counter. */
export function memoryHub() {
  let action: StoredAction | null = null;
  let revision = 0;
  const log: { revision: number; fields: Record<string, unknown> }[] = [];
  const notes: MergeOutcome['conflicts'] = [];
  const record = (outcome: MergeOutcome | null) => {
    if (!outcome) return null;
    revision = outcome.action.revision;
    action = outcome.action;
    log.push({ revision, fields: outcome.changedFields });
    notes.push(...outcome.conflicts);
    return outcome;
  };
  return {
    get action() {
      return action!;
    },
    get revision() {
      return revision;
    },
    notes,
    push(event: ActionEvent, writer: Writer, base: number) {
      const current = action;
      return record(
        mergeCoachEvent(current, event, owner, {
          base,
          writer,
          revision: revision + 1,
          valueAtBase: (field) => valueAt(log, field, Math.max(base, current?.createdRevision ?? 0)),
        }),
      );
    },
    upstream(status: 'done' | 'verified', at: number) {
      return record(applyUpstreamStatus(action!, { status }, manager, at, revision + 1));
    },
  };
}
