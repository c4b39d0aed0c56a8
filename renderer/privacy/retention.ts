// What the retention rules remove, and when. Two rules clear private notes (the fields
// `privateFields` marks) and keep everything else, so actions and metrics stay whole:
// - the policy: N months after coaching ends (a completed participant's last session);
// - consent: when a participant has not agreed to notes being kept, each session's notes.
// Nothing is removed before a 30-day grace has passed since it became due (or since the coach
// changed the rule), so the preview always shows it a month ahead.
import { addDays, addMonths, endOfDay, parseISO } from 'date-fns';
import type { ConsentChange, Participant, Session } from '../../shared/model';
import type { FollowthroughDatabase } from '../db/database';
import { clearPrivate, hasPrivateText } from './private-fields';
import {
  readRetentionPolicy,
  RETENTION_GRACE_DAYS,
  RETENTION_LAST_RUN_SETTING,
  type RetentionPolicy,
  type RetentionRun,
} from './retention-policy';

type RetentionReason = 'coaching-ended' | 'consent';

export type RetentionItem = {
  kind: 'session' | 'participant';
  recordId: string;
  participantId: string;
  participantName: string;
  /** The session's date; null for the participant's own notes. */
  sessionDate: string | null;
  reason: RetentionReason;
  /** When the rule makes it due; the removal waits the grace period after this. */
  dueAt: number;
  removeAt: number;
};

type RetentionPlan = { items: RetentionItem[]; policy: RetentionPolicy };

const dayEnd = (date: string) => endOfDay(parseISO(date)).getTime();

/** The end of coaching: the last session of a completed participant, or when they started. */
function coachingEnd(participant: Participant, sessions: Session[]): number {
  const last = sessions
    .map((session) => session.date)
    .sort()
    .at(-1);
  if (last) return dayEnd(last);
  return participant.startDate ? dayEnd(participant.startDate) : participant.updatedAt;
}

/** When the coach recorded that notes may not be kept (the latest switch to "no"). */
function consentWithdrawnAt(participant: Participant, log: ConsentChange[]): number {
  const switched = log
    .filter((entry) => !entry.consent.keepNotes && entry.previous?.keepNotes !== false)
    .map((entry) => entry.at);
  return switched.length ? Math.max(...switched) : participant.updatedAt;
}

function candidates(
  participant: Participant,
  sessions: Session[],
  log: ConsentChange[],
  policy: RetentionPolicy,
): Omit<RetentionItem, 'participantName'>[] {
  const graceMs = (from: number) => addDays(from, RETENTION_GRACE_DAYS).getTime();
  const rules: { reason: RetentionReason; dueAt: (session: Session | null) => number; since: number }[] = [];
  if (policy.mode === 'after-coaching-ends' && participant.status === 'completed') {
    const dueAt = addMonths(coachingEnd(participant, sessions), policy.monthsAfterEnd).getTime();
    rules.push({ reason: 'coaching-ended', dueAt: () => dueAt, since: policy.since });
  }
  if (!participant.consent.keepNotes) {
    const since = consentWithdrawnAt(participant, log);
    rules.push({ reason: 'consent', dueAt: (session) => (session ? dayEnd(session.date) : since), since });
  }
  const records: { kind: RetentionItem['kind']; session: Session | null; id: string }[] = [
    ...(hasPrivateText('participant', participant)
      ? [{ kind: 'participant' as const, session: null, id: participant.id }]
      : []),
    ...sessions
      .filter((session) => hasPrivateText('session', session))
      .map((session) => ({ kind: 'session' as const, session, id: session.id })),
  ];
  return records.flatMap(({ kind, session, id }) => {
    const scheduled = rules.map((rule) => {
      const dueAt = rule.dueAt(session);
      return { reason: rule.reason, dueAt, removeAt: graceMs(Math.max(dueAt, rule.since)) };
    });
    const first = scheduled.sort((a, b) => a.removeAt - b.removeAt)[0];
    if (!first) return [];
    return [{ kind, recordId: id, participantId: participant.id, sessionDate: session?.date ?? null, ...first }];
  });
}

/** Everything the rules will remove, soonest first; per participant, their own notes before their sessions'. */
export async function planRetention(db: FollowthroughDatabase): Promise<RetentionPlan> {
  const [policy, participants, sessions, log] = await Promise.all([
    readRetentionPolicy(db),
    db.participants.toArray(),
    db.sessions.toArray(),
    db.consentLog.toArray(),
  ]);
  const items = participants.flatMap((participant) =>
    candidates(
      participant,
      sessions.filter((session) => session.participantId === participant.id),
      log.filter((entry) => entry.participantId === participant.id),
      policy,
    ).map((item) => ({ ...item, participantName: participant.name })),
  );
  const order = (item: RetentionItem) => `${item.participantName}\u0000${item.sessionDate ?? ''}`;
  return { policy, items: items.sort((a, b) => a.removeAt - b.removeAt || order(a).localeCompare(order(b))) };
}

/** Clears the private notes whose grace has passed, in one transaction, and records the run. */
export async function applyRetention(db: FollowthroughDatabase, now: number): Promise<RetentionRun> {
  return db.transaction('rw', db.participants, db.sessions, db.consentLog, db.settings, async () => {
    const due = (await planRetention(db)).items.filter((item) => item.removeAt <= now);
    const ids = (kind: RetentionItem['kind']) => due.filter((item) => item.kind === kind).map((item) => item.recordId);
    const sessions = (await db.sessions.bulkGet(ids('session'))).filter((session) => session !== undefined);
    const participants = (await db.participants.bulkGet(ids('participant'))).filter((p) => p !== undefined);
    await db.sessions.bulkPut(sessions.map((session) => ({ ...clearPrivate('session', session), updatedAt: now })));
    await db.participants.bulkPut(participants.map((p) => ({ ...clearPrivate('participant', p), updatedAt: now })));
    const run: RetentionRun = { at: now, sessions: sessions.length, participants: participants.length };
    if (due.length) await db.settings.put({ key: RETENTION_LAST_RUN_SETTING, value: run });
    return run;
  });
}
