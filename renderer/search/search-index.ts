// Full-text search over every kind of record in search-kinds.ts, one FlexSearch index per kind so
// each kind gets its own best hits. Words are indexed by prefix ("esc" finds "escalation"), so
// results come while the coach types. The index is built on first use (in a worker, see
// search-worker.ts) and kept current incrementally: before each query it takes in only the
// records written since the last catch-up, found through the updatedAt indexes and the writes
// Dexie announces.
import Dexie, { type ObservabilitySet, type Table } from 'dexie';
import { Index } from 'flexsearch';
import { isLive } from '../../shared/model';
import { searchedKinds, searchKinds, type SearchableRecord, type SearchKind } from './search-kinds';
import type { FollowthroughDatabase } from '../db/database';

export type SearchHit = { kind: SearchKind; recordId: string };

type SearchedTable = Table<SearchableRecord, string>;

const byKind = <T>(make: (kind: SearchKind) => T) =>
  Object.fromEntries(searchKinds.map((kind) => [kind, make(kind)])) as Record<SearchKind, T>;

const newIndex = () => new Index({ tokenize: 'forward', cache: false });

/** A node of a Dexie RangeSet as it arrives here, also as a structured clone from another context. */
type RangeNode = { from?: unknown; to?: unknown; l?: RangeNode | null; r?: RangeNode | null };

/** Adds the single string keys of a range set to `into`; false when it holds a wider range. */
function collectKeys(node: RangeNode | null | undefined, into: Set<string>): boolean {
  if (!node || !('from' in node)) return true;
  let onlyKeys = typeof node.from === 'string' && node.from === node.to;
  if (onlyKeys) into.add(node.from as string);
  if (!collectKeys(node.l, into)) onlyKeys = false;
  if (!collectKeys(node.r, into)) onlyKeys = false;
  return onlyKeys;
}
/** The first build reads this many records per transaction (see buildInPages). */
const BUILD_PAGE_SIZE = 100;

/** How far one kind has been taken in: the newest updatedAt, and which records carried it, so a
 * record written in the same millisecond after a catch-up is still read and no other one twice. */
type Mark = { at: number; ids: Set<string> };
const newMark = (): Mark => ({ at: -1, ids: new Set() });

export class SearchIndex {
  private indexes = byKind(newIndex);
  private marks = byKind(newMark);
  /** Every id taken in, so a record erased for good (not just trashed) can be dropped from the index. */
  private readonly known = byKind(() => new Set<string>());
  /**
   * Records Dexie says were written since the last catch-up, by id: a restore or a pull writes
   * records with the updatedAt they had elsewhere, older than the mark, which the updatedAt
   * catch-up alone would never read again.
   */
  private readonly written = byKind(() => new Set<string>());
  /** Kinds written as a whole range (a restore clears and refills every table, big bulk writes
   * name no ids): read again in full. */
  private readonly rescan = new Set<SearchKind>();
  private catchingUp: Promise<void> = Promise.resolve();
  private built = false;
  /** Dexie announces every write to this database, from this page or another, worker or tab:
   * while none came, a query needs no catch-up at all. */
  private stale = true;
  private readonly watchedTables: string[];
  private readonly stopForgetting: () => void;

  constructor(private readonly db: FollowthroughDatabase) {
    this.watchedTables = searchKinds.map((kind) => `idb://${db.name}/${searchedKinds[kind].table}/`);
    Dexie.on('storagemutated', this.noteWrites);
    // The index holds the notes in clear: it goes with the data key and is built again after unlock.
    this.stopForgetting = db.keyring.onForget(this.forget);
  }

  /** Stops listening for writes; the index itself is garbage once unreferenced. */
  close(): void {
    Dexie.on('storagemutated').unsubscribe(this.noteWrites);
    this.stopForgetting();
  }

  /** How many records the index holds. */
  get documents(): number {
    return searchKinds.reduce((sum, kind) => sum + this.known[kind].size, 0);
  }

  /** Drops everything taken in; the next query builds the index from the start. */
  private readonly forget = () => {
    this.indexes = byKind(newIndex);
    this.marks = byKind(newMark);
    searchKinds.forEach((kind) => {
      this.known[kind].clear();
      this.written[kind].clear();
    });
    this.rescan.clear();
    this.built = false;
    this.stale = true;
  };

  private readonly noteWrites = (parts: ObservabilitySet) => {
    for (const [part, ranges] of Object.entries(parts)) {
      // Dexie announces "all" when a page comes back from the back-forward cache.
      if (part === 'all') {
        searchKinds.forEach((kind) => this.rescan.add(kind));
        this.stale = true;
        continue;
      }
      const kindIndex = this.watchedTables.findIndex((table) => part.startsWith(table));
      if (kindIndex < 0) continue;
      this.stale = true;
      // The part named by the table alone holds the primary keys written.
      if (part !== this.watchedTables[kindIndex]) continue;
      const kind = searchKinds[kindIndex];
      if (!collectKeys(ranges as unknown as RangeNode, this.written[kind])) this.rescan.add(kind);
    }
  };

  /** Takes in every record changed since the last call. Calls queue up: two at once would both add a record. */
  catchUp(): Promise<void> {
    this.catchingUp = this.catchingUp
      .catch(() => undefined)
      .then(() => this.readChanges())
      // One that stopped part-way (the app locked, say) leaves the index unsure of what it holds.
      .catch((error: unknown) => {
        this.forget();
        throw error;
      });
    return this.catchingUp;
  }

  private async readChanges(): Promise<void> {
    if (!this.stale) return;
    this.stale = false;
    const rescan = new Set(this.rescan);
    this.rescan.clear();
    const written = byKind((kind) => {
      const ids = [...this.written[kind]];
      this.written[kind].clear();
      return ids;
    });
    if (!this.built) await this.buildInPages();
    else for (const kind of rescan) await this.readAgain(kind);
    await this.db.transaction('r', searchKinds.map(this.tableOf), async () => {
      for (const kind of searchKinds) if (searchedKinds[kind].changesFoundBy === 'updatedAt') await this.takeIn(kind);
      for (const kind of searchKinds) await this.takeInWritten(kind, written[kind]);
    });
  }

  private readonly tableOf = (kind: SearchKind): SearchedTable => this.db.table(searchedKinds[kind].table);

  /** Forgets one kind and reads all of it again, as the first build does. */
  private async readAgain(kind: SearchKind) {
    this.indexes[kind] = newIndex();
    this.known[kind].clear();
    await this.readAllInPages(kind);
  }

  /** Takes in the records written by id, whatever their updatedAt; one no longer there leaves the index. */
  private async takeInWritten(kind: SearchKind, ids: string[]) {
    if (ids.length === 0) return;
    const records = await this.tableOf(kind).bulkGet(ids);
    records.forEach((record, position) => {
      if (record) this.takeInRecord(kind, record);
      else {
        this.indexes[kind].remove(ids[position]);
        this.known[kind].delete(ids[position]);
      }
    });
  }

  /**
   * The first build reads every record, in short transactions: one long read would hold up every
   * write to these tables until it ends, so a coach typing right after start-up would wait seconds
   * for an autosave. Whatever changes meanwhile is taken in by the catch-up that follows, which
   * starts from the newest change there was before the build began.
   */
  private async buildInPages(): Promise<void> {
    for (const kind of searchKinds) await this.readAllInPages(kind);
    this.built = true;
  }

  private async readAllInPages(kind: SearchKind) {
    const table = this.tableOf(kind);
    if (searchedKinds[kind].changesFoundBy === 'updatedAt') {
      this.marks[kind] = { at: (await table.orderBy('updatedAt').last())?.updatedAt ?? -1, ids: new Set() };
    }
    let last: string | null = null;
    for (;;) {
      const page: SearchableRecord[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last))
        .limit(BUILD_PAGE_SIZE)
        .toArray();
      for (const record of page) this.takeInRecord(kind, record);
      if (page.length < BUILD_PAGE_SIZE) return;
      last = page[page.length - 1].id;
    }
  }

  private takeInRecord(kind: SearchKind, record: SearchableRecord) {
    if (isLive(record)) this.indexes[kind].update(record.id, searchedKinds[kind].text(record));
    else this.indexes[kind].remove(record.id);
    this.known[kind].add(record.id);
  }

  private async takeIn(kind: SearchKind) {
    const table = this.tableOf(kind);
    const mark = this.marks[kind];
    const changed = await table.where('updatedAt').aboveOrEqual(mark.at).toArray();
    for (const record of changed) {
      const updatedAt = record.updatedAt ?? -1;
      if (updatedAt === mark.at && mark.ids.has(record.id)) continue;
      this.takeInRecord(kind, record);
      if (updatedAt > mark.at) {
        mark.at = updatedAt;
        mark.ids.clear();
      }
      mark.ids.add(record.id);
    }
    await this.dropErased(kind, table);
  }

  /** An erased record leaves no updatedAt behind: fewer records than ids taken in means some went. */
  private async dropErased(kind: SearchKind, table: SearchedTable) {
    const known = this.known[kind];
    if (known.size <= (await table.count())) return;
    const present = new Set(await table.toCollection().primaryKeys());
    for (const id of known) {
      if (present.has(id)) continue;
      this.indexes[kind].remove(id);
      known.delete(id);
      this.marks[kind].ids.delete(id);
    }
  }

  /** The best matches of each kind, every word of the query matching (the last one as a prefix). */
  async search(query: string, limitPerKind = 8): Promise<SearchHit[]> {
    if (!query.trim()) return [];
    await this.catchUp();
    return searchKinds.flatMap((kind) =>
      (this.indexes[kind].search(query, { limit: limitPerKind }) as string[]).map((recordId) => ({ kind, recordId })),
    );
  }
}
