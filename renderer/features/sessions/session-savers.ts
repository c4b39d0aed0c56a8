// One save function per session field, made once per session: the editor's fields are memoised,
// so an autosave that re-reads the session re-renders only the field whose value changed.
import { useMemo } from 'react';
import type { Pulse, Session } from '../../../shared/model';
import type { SessionPatch } from '../../db/sessions';
import { repositories } from '../../db/instance';

function parseMinutes(text: string): number {
  const minutes = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(minutes)) throw new Error('Enter whole minutes, e.g. 45');
  return minutes;
}

function parseStartTime(text: string): string {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!match) throw new Error('Use a time like 09:30');
  return `${match[1].padStart(2, '0')}:${match[2]}`;
}

export function useSessionSavers(sessionId: string) {
  return useMemo(() => {
    const save = (patch: SessionPatch) => repositories.sessions.update(sessionId, patch);
    return {
      goal: (goal: string) => save({ goal }),
      reality: (reality: string) => save({ reality }),
      options: (options: string) => save({ options }),
      will: (will: string) => save({ will }),
      notes: (notes: string) => save({ notes }),
      startTime: (text: string) => save({ startTime: parseStartTime(text) }),
      duration: (text: string) => save({ durationMinutes: parseMinutes(text) }),
      date: async (date: string | null) => {
        if (!date) throw new Error('A session needs a date');
        await save({ date });
      },
      type: (type: Session['type']) => save({ type }),
      pulse: (question: keyof Pulse, score: number) => repositories.sessions.setPulseScore(sessionId, question, score),
    };
  }, [sessionId]);
}
