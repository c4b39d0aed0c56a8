// Consent per participant, with a dated log: every change writes the participant, a log entry and
// the state of their queued sync changes in one transaction, so the log never disagrees with what
// the app obeys.
import {
  consentSchema,
  participantSchema,
  type Consent,
  type ConsentChange,
  type Participant,
  withPseudonymRenewed,
} from '../../shared/model';
import type { FollowthroughDatabase } from '../db/database';
import { applyConsentToQueue, consentQueueTables } from '../db/outbox';
import { validated, type Clock } from '../db/write';

export async function changeConsent(
  db: FollowthroughDatabase,
  participantId: string,
  patch: Partial<Consent>,
  now: Clock,
): Promise<Participant> {
  return db.transaction('rw', [db.participants, db.consentLog, ...consentQueueTables(db)], async () => {
    const current = await db.participants.get(participantId);
    if (!current) throw new Error('That participant no longer exists');
    const consent = validated(consentSchema, withPseudonymRenewed(current.consent, { ...current.consent, ...patch }));
    if (JSON.stringify(consent) === JSON.stringify(current.consent)) return current;
    const at = now();
    const next = validated(participantSchema, { ...current, consent, updatedAt: at });
    await db.participants.put(next);
    await db.consentLog.add({ participantId, at, consent, previous: current.consent });
    await applyConsentToQueue(db, current, next);
    return next;
  });
}

/** Newest first. */
export async function consentHistory(db: FollowthroughDatabase, participantId: string): Promise<ConsentChange[]> {
  const entries = await db.consentLog.where('participantId').equals(participantId).sortBy('at');
  return entries.reverse();
}

const shareLabels: Record<Consent['shareActions'], string> = {
  named: 'shared with their name',
  pseudonymous: 'shared under a pseudonym',
  none: 'not shared',
};

const aspects: { what: string; label: (consent: Consent) => string }[] = [
  { what: 'Notes may be kept', label: (consent) => (consent.keepNotes ? 'yes' : 'no') },
  { what: 'Actions', label: (consent) => shareLabels[consent.shareActions] },
  { what: 'AI processing', label: (consent) => (consent.aiProcessing ? 'allowed' : 'not allowed') },
];

/** What one log entry changed, in words: "Actions: shared with their name → not shared". */
export function describeChange({ consent, previous }: Pick<ConsentChange, 'consent' | 'previous'>): string[] {
  if (!previous) return aspects.map(({ what, label }) => `${what}: ${label(consent)}`);
  return aspects
    .filter(({ label }) => label(previous) !== label(consent))
    .map(({ what, label }) => `${what}: ${label(previous)} → ${label(consent)}`);
}
