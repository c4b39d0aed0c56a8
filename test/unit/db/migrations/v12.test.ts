// Version 12 indexes the calendar event a planned session was imported from.
import { describe, expect, it } from 'vitest';
import { indexNames, openAt } from './open-at';

describe('schema version 12', () => {
  it('keeps every session as it was, with no calendar event, and indexes calendarEventId', async () => {
    const id = crypto.randomUUID();
    const participantId = crypto.randomUUID();
    const session = {
      id,
      participantId,
      date: '2026-12-08',
      startTime: '10:30',
      durationMinutes: 0,
      timerStartedAt: null,
      type: 'one-to-one',
      goal: 'Delegate the weekly report',
      reality: '',
      options: '',
      will: '',
      notes: '',
      pulse: { preparation: null, clarity: null, documentedAction: null },
      status: 'planned',
      completedAt: null,
      createdAt: 1,
      updatedAt: 2,
    };
    const db = await openAt(12, (old) => old.table('sessions').add(session));

    expect(await db.sessions.get(id)).toEqual(session);
    expect(indexNames(db.sessions)).toEqual([
      '[participantId+date]',
      'calendarEventId',
      'date',
      'participantId',
      'status',
      'updatedAt',
    ]);
    expect(await db.sessions.where('calendarEventId').equals('any').count()).toBe(0);
  });
});
