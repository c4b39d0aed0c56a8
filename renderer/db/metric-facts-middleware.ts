// Keeps the metric fact groups (metric-facts.ts) equal to the projection of their source tables,
// grouped by participant, for every writer: repositories, trash and purge, retention, erasure,
// sync's bulk writes, the demo loader, restore and upgrades alike, without any of them knowing. It
// sits on Dexie's DBCore, where every write arrives as add, put, delete or deleteRange (modify()
// and update() arrive as put with the whole changed records), and:
//  - widens each readwrite transaction that includes a source table to its group table;
//  - before a write, reads the groups it will touch, and whose the records were that are about to
//    be deleted or may have moved to another participant;
//  - after it, puts each stored record's projection into its participant's group, takes deleted
//    or moved ones out of theirs, and writes back only the groups that changed — so an autosave
//    of a session's notes, which leaves its projection as it was, reads one group and writes none.
// Writes in one transaction are mirrored one after another, so two of them never read the same
// group and overwrite each other. It sits above Dexie's own observability middleware, so live
// queries over the groups see these writes too.
//
// Every step is chained with Dexie.Promise's then(), never await: Dexie's lower middlewares find
// the transaction in Dexie's zone, which then() on a Dexie promise keeps and a native await loses.
import Dexie from 'dexie';
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreKeyRange,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { metricFactGroupTables, type Fact, type FactGroup } from './metric-facts';

type Project = (record: never) => Fact;
type Mirror = { groupTable: string; project: Project };

/** DBCoreRangeType.Any, a const enum Dexie's types do not let us import: a whole-table range. */
const WHOLE_TABLE = 3;

const byId = (a: Fact, b: Fact) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The groups of some participants, read once, changed in memory and written back if changed. */
class GroupEdit {
  private readonly facts = new Map<string, Map<string, Fact>>();
  private readonly changed = new Set<string>();

  constructor(
    private readonly groups: DBCoreTable,
    private readonly trans: DBCoreTransaction,
  ) {}

  /** Reads the groups of these participants, those not read yet. */
  read(participantIds: Iterable<string>): PromiseLike<void> {
    const missing = [...new Set(participantIds)].filter((participantId) => !this.facts.has(participantId));
    if (missing.length === 0) return Dexie.Promise.resolve();
    return this.groups
      .getMany({ trans: this.trans, keys: missing })
      .then((found: (FactGroup<Fact> | undefined)[]) =>
        missing.forEach((participantId, index) =>
          this.facts.set(participantId, new Map(found[index]?.facts.map((fact) => [fact.id, fact]))),
        ),
      );
  }

  has(participantId: string, id: string): boolean {
    return this.facts.get(participantId)?.has(id) ?? false;
  }

  put(fact: Fact): void {
    const group = this.facts.get(fact.participantId)!;
    const current = group.get(fact.id);
    if (current !== undefined && JSON.stringify(current) === JSON.stringify(fact)) return;
    group.set(fact.id, fact);
    this.changed.add(fact.participantId);
  }

  remove(participantId: string, id: string): void {
    if (this.facts.get(participantId)?.delete(id)) this.changed.add(participantId);
  }

  /** Brings the group table in line: changed groups put, emptied ones deleted. */
  write(): PromiseLike<unknown> {
    const kept: FactGroup<Fact>[] = [];
    const emptied: string[] = [];
    for (const participantId of this.changed) {
      const facts = [...this.facts.get(participantId)!.values()].sort(byId);
      if (facts.length === 0) emptied.push(participantId);
      else kept.push({ participantId, facts });
    }
    const { groups, trans } = this;
    return Dexie.Promise.resolve()
      .then(() => (kept.length > 0 ? groups.mutate({ type: 'put', trans, values: kept }) : null))
      .then(() => (emptied.length > 0 ? groups.mutate({ type: 'delete', trans, keys: emptied }) : null));
  }
}

function storedOnly<T>(items: readonly T[], response: DBCoreMutateResponse): T[] {
  return response.numFailures === 0 ? [...items] : items.filter((_, index) => !(index in response.failures));
}

type Owners = Map<string, string>;

const ownersOf = (records: readonly (Fact | undefined)[]): Owners =>
  new Map(records.flatMap((record) => (record ? [[record.id, record.participantId] as const] : [])));

/** Whose each record was before the write, for the keys given (none where there was no record). */
function ownersBefore(source: DBCoreTable, trans: DBCoreTransaction, keys: string[]): PromiseLike<Owners> {
  if (keys.length === 0) return Dexie.Promise.resolve(new Map());
  return source.getMany({ trans, keys }).then(ownersOf);
}

/** Whose each record in the range was, read before it is deleted. */
function ownersInRange(source: DBCoreTable, trans: DBCoreTransaction, range: DBCoreKeyRange): PromiseLike<Owners> {
  return source
    .query({ trans, values: true, query: { index: source.schema.primaryKey, range } })
    .then(({ result }) => ownersOf(result as Fact[]));
}

function mirrorPut(
  source: DBCoreTable,
  edit: GroupEdit,
  project: Project,
  request: Extract<DBCoreMutateRequest, { type: 'add' | 'put' }>,
): PromiseLike<DBCoreMutateResponse> {
  const facts = request.values.map((record) => project(record as never));
  let previous: Owners = new Map();
  return edit
    .read(facts.map((fact) => fact.participantId))
    .then(() => {
      // A record already in its participant's group stayed with that participant; any other is
      // new or moves from someone else, whose group must lose it.
      const elsewhere = request.type === 'add' ? [] : facts.filter((fact) => !edit.has(fact.participantId, fact.id));
      return ownersBefore(
        source,
        request.trans,
        elsewhere.map((fact) => fact.id),
      );
    })
    .then((owners) => {
      previous = owners;
      return edit.read(owners.values());
    })
    .then(() => source.mutate(request))
    .then((response) => {
      for (const fact of storedOnly(facts, response)) {
        const before = previous.get(fact.id);
        if (before !== undefined && before !== fact.participantId) edit.remove(before, fact.id);
        edit.put(fact);
      }
      return edit.write().then(() => response);
    });
}

function mirrorDelete(
  source: DBCoreTable,
  edit: GroupEdit,
  groups: DBCoreTable,
  request: Extract<DBCoreMutateRequest, { type: 'delete' | 'deleteRange' }>,
): PromiseLike<DBCoreMutateResponse> {
  const { trans } = request;
  if (request.type === 'deleteRange' && request.range.type === WHOLE_TABLE) {
    return source
      .mutate(request)
      .then((response) => groups.mutate({ type: 'deleteRange', trans, range: request.range }).then(() => response));
  }
  let owners: Owners = new Map();
  return (
    request.type === 'delete'
      ? ownersBefore(source, trans, request.keys as string[])
      : ownersInRange(source, trans, request.range)
  )
    .then((found) => {
      owners = found;
      return edit.read(owners.values());
    })
    .then(() => source.mutate(request))
    .then((response) => {
      const deleted = request.type === 'delete' ? storedOnly(request.keys as string[], response) : [...owners.keys()];
      for (const id of deleted) {
        const participantId = owners.get(id);
        if (participantId !== undefined) edit.remove(participantId, id);
      }
      return edit.write().then(() => response);
    });
}

/** The source table, each write mirrored after the ones before it in the same transaction. */
function mirroring(source: DBCoreTable, groups: DBCoreTable, project: Project): DBCoreTable {
  const turns = new WeakMap<DBCoreTransaction, PromiseLike<unknown>>();
  const mirrored = (request: DBCoreMutateRequest) => {
    const edit = new GroupEdit(groups, request.trans);
    return request.type === 'add' || request.type === 'put'
      ? mirrorPut(source, edit, project, request)
      : mirrorDelete(source, edit, groups, request);
  };
  return {
    ...source,
    mutate(request) {
      const next = Dexie.Promise.resolve(turns.get(request.trans)).then(() => mirrored(request));
      turns.set(
        request.trans,
        next.catch(() => undefined),
      );
      return next;
    },
  };
}

export const metricFactsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'metric-facts',
  create(down) {
    // During an upgrade from before version 9 the group tables do not exist yet; that upgrade fills them.
    const present = new Set(down.schema.tables.map((table) => table.name));
    const mirrors = new Map<string, Mirror>(
      Object.entries(metricFactGroupTables)
        .filter(([groupTable, { source }]) => present.has(groupTable) && present.has(source))
        .map(([groupTable, { source, project }]) => [source, { groupTable, project }]),
    );
    const widened = (stores: string[]) => {
      const missing = stores.flatMap((store) => {
        const groupTable = mirrors.get(store)?.groupTable;
        return groupTable !== undefined && !stores.includes(groupTable) ? [groupTable] : [];
      });
      return missing.length === 0 ? stores : [...stores, ...missing];
    };
    return {
      transaction: (stores, mode, options) =>
        down.transaction(mode === 'readwrite' ? widened(stores) : stores, mode, options),
      table(name) {
        const table = down.table(name);
        const mirror = mirrors.get(name);
        return mirror ? mirroring(table, down.table(mirror.groupTable), mirror.project) : table;
      },
    };
  },
};
