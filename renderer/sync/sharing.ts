// What of a participant may leave the device with their actions, per their consent: their name
// (named), a pseudonym only (pseudonymous; renewed whenever the name starts or stops being shared),
// or nothing at all (none: the change is held); and the lookups a record needs to say whose it is,
// cached for one sync run.
import type { Contract, Participant } from '../../shared/model';
import type { WireParticipant } from '../../shared/sync-protocol';
import { HELD_BACK_REASON } from '../db/outbox';
import { sha256Hex } from './signature';

type Sharing =
  | { kind: 'share'; participant: WireParticipant; name: string }
  | { kind: 'hold'; reason: string }
  | { kind: 'missing'; reason: string };

type SharingResolver = (participantId: string) => Promise<Sharing>;

/**
 * A non-reversible reference: the same participant gets the same one until their pseudonym is
 * renewed (`round`, when their name starts or stops being shared), then a new one unrelated to it.
 */
export async function pseudonymFor(participantId: string, round = 0): Promise<string> {
  const seed = round === 0 ? participantId : `${participantId}:${round}`;
  return `p-${(await sha256Hex(`followthrough-participant:${seed}`)).slice(0, 16)}`;
}

/** Every reference a participant has gone by, the current one last: to recognise them in what comes back. */
export function pseudonymsOf(participant: Pick<Participant, 'id' | 'consent'>): Promise<string[]> {
  const rounds = Array.from({ length: (participant.consent.pseudonymRound ?? 0) + 1 }, (_, round) => round);
  return Promise.all(rounds.map((round) => pseudonymFor(participant.id, round)));
}

export async function sharingFor(participantId: string, participant: Participant | undefined): Promise<Sharing> {
  if (!participant) {
    return { kind: 'missing', reason: 'Its participant no longer exists, so it cannot say whose action it is' };
  }
  const mode = participant.consent.shareActions;
  if (mode === 'none') {
    return { kind: 'hold', reason: HELD_BACK_REASON };
  }
  const ref = await pseudonymFor(participantId, participant.consent.pseudonymRound);
  return {
    kind: 'share',
    name: participant.name,
    participant: { ref, sharing: mode, displayName: mode === 'named' ? participant.name : null },
  };
}

export type RecordContext = {
  sharingOf: SharingResolver;
  /** A commitment's contract, which says whose it is and what objective it serves. */
  contractOf: (contractId: string) => Promise<Contract | undefined>;
};

/**
 * Each lookup once, kept as a native promise: awaiting a Dexie promise again for every entry of a
 * page would pay Dexie's async-context bookkeeping each time.
 */
function cached<T>(load: (id: string) => Promise<T>): (id: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (id) => {
    let value = cache.get(id);
    if (!value) {
      value = Promise.resolve(load(id));
      cache.set(id, value);
    }
    return value;
  };
}

/** Looks each participant and contract up once per sync run. */
export function createRecordContext(lookup: {
  participant: (id: string) => Promise<Participant | undefined>;
  contract: (id: string) => Promise<Contract | undefined>;
}): RecordContext {
  return {
    sharingOf: cached((id) => lookup.participant(id).then((participant) => sharingFor(id, participant))),
    contractOf: cached(lookup.contract),
  };
}
