// The lookups of a sync run (whose a record is, what their consent allows, a commitment's contract),
// started afresh whenever participants or contracts change while the run goes on: a consent
// withdrawn or a participant erased mid-run must stop what was prepared under the old answers.
// A change in this window is seen as it commits; one in another window once Dexie relays it.
// `generation` counts the changes, so a batch can tell it is stale.
import Dexie from 'dexie';
import type { FollowthroughDatabase } from '../db/database';
import { createRecordContext, type RecordContext } from './sharing';

export type LiveRecordContext = {
  readonly context: RecordContext;
  readonly generation: number;
  close(): void;
};

export function liveRecordContext(db: FollowthroughDatabase): LiveRecordContext {
  const fresh = () =>
    createRecordContext({
      participant: (id) => db.participants.get(id),
      contract: (id) => db.contracts.get(id),
    });
  // Dexie names what a committed write touched as `idb://<database>/<table>/<index>`.
  const watched = [db.participants.name, db.contracts.name].map((table) => `idb://${db.name}/${table}/`);
  let context = fresh();
  let generation = 0;
  const onCommitted = (parts: Record<string, unknown>) => {
    if (!Object.keys(parts).some((part) => watched.some((prefix) => part.startsWith(prefix)))) return;
    context = fresh();
    generation += 1;
  };
  Dexie.on('storagemutated', onCommitted);
  return {
    get context() {
      return context;
    },
    get generation() {
      return generation;
    },
    close: () => Dexie.on('storagemutated').unsubscribe(onCommitted),
  };
}
