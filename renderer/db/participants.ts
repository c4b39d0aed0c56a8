// Coachees: the leaders a coach works with.
import { defaultConsent, isLive, participantSchema, withPseudonymRenewed, type Participant } from '../../shared/model';
import type { FollowthroughDatabase } from './database';
import { applyConsentToQueue, consentQueueTables } from './outbox';
import { validated, type Clock } from './write';

type ParticipantDraft = Partial<Omit<Participant, 'id' | 'createdAt' | 'updatedAt'>> & { name: string };

export function participantsRepository(db: FollowthroughDatabase, now: Clock) {
  return {
    async create(draft: ParticipantDraft): Promise<Participant> {
      const at = now();
      const participant = validated(participantSchema, {
        role: '',
        team: '',
        organisation: '',
        sponsor: '',
        cohort: '',
        tier: 'high-touch',
        startDate: null,
        primaryTarget: '',
        secondaryTarget: '',
        status: 'active',
        cadence: 'none',
        notes: '',
        consent: { ...defaultConsent },
        ...draft,
        id: crypto.randomUUID(),
        createdAt: at,
        updatedAt: at,
      });
      await db.participants.add(participant);
      return participant;
    },

    async update(id: string, patch: Partial<Omit<Participant, 'id' | 'createdAt'>>): Promise<Participant> {
      return db.transaction('rw', [db.participants, ...consentQueueTables(db)], async () => {
        const current = await db.participants.get(id);
        if (!current) throw new Error('That participant no longer exists');
        const consent = withPseudonymRenewed(current.consent, patch.consent ?? current.consent);
        const next = validated(participantSchema, { ...current, ...patch, consent, id, updatedAt: now() });
        await db.participants.put(next);
        await applyConsentToQueue(db, current, next);
        return next;
      });
    },

    get: (id: string) => db.participants.get(id),

    /** Everyone not in the trash, by name. */
    async listActive(): Promise<Participant[]> {
      const all = await db.participants.orderBy('name').toArray();
      return all.filter(isLive);
    },

    /** Every participant's name by id, the trash included, to name the person a record belongs to. */
    async names(): Promise<Map<string, string>> {
      return new Map((await db.participants.toArray()).map((participant) => [participant.id, participant.name]));
    },

    /** Every participant by id, the trash included. */
    async byId(): Promise<Map<string, Participant>> {
      return new Map((await db.participants.toArray()).map((participant) => [participant.id, participant]));
    },

    count: () => db.participants.count(),
  };
}
