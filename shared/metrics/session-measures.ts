// Measures read from the sessions held in a period: coaching hours, the 1:1 quality index (median
// pulse) and the coach's two quality signals (pulse taken; an action logged within 24 hours).
import { inRange } from './calendar-days';
import type { Pulse } from '../model';
import type { DatedSession } from './dated-records';
import type { Period } from './period';
import { median, ratio } from './ratio';
import { AVERAGE_MONTH_DAYS } from './experiment-adoption';

/** Sessions dated in the period that had started by `now`; planned ones are not coaching yet. */
export function sessionsHeldIn(sessions: readonly DatedSession[], within: Period): DatedSession[] {
  return sessions.filter((session) => inRange(session.day, within) && session.startsAt <= within.now);
}

export type CoachingHoursResult = {
  sessions: number;
  hours: number;
  /** The participants who had a session held. */
  leaders: number;
  months: number;
  /**
   * Hours per leader per month: a rate, so a two-week baseline and a ninety-day period compare
   * (their totals never would).
   */
  perLeaderPerMonth: number | null;
};

/** The recorded durations of the sessions, in hours. */
export function totalHours(held: readonly DatedSession[]): number {
  let minutes = 0;
  for (const session of held) minutes += session.durationMinutes;
  return minutes / 60;
}

export function coachingHours(held: readonly DatedSession[], days: number): CoachingHoursResult {
  const hours = totalHours(held);
  const leaders = new Set(held.map((session) => session.participantId));
  const months = days / AVERAGE_MONTH_DAYS;
  return {
    sessions: held.length,
    hours,
    leaders: leaders.size,
    months,
    perLeaderPerMonth: leaders.size === 0 ? null : hours / leaders.size / months,
  };
}

/** The mean of the answered pulse questions (1–5), or null when none was answered. */
export function pulseScore(pulse: Pulse): number | null {
  let sum = 0;
  let answered = 0;
  for (const answer of [pulse.preparation, pulse.clarity, pulse.documentedAction]) {
    if (answer === null) continue;
    sum += answer;
    answered += 1;
  }
  return answered === 0 ? null : sum / answered;
}

export type PulseResult = {
  sessions: number;
  withPulse: number;
  /** Sessions with a pulse as a share of sessions held. */
  share: number | null;
  /** The 1:1 quality index: the median session pulse score, 1–5. */
  medianScore: number | null;
};

export function sessionPulse(held: readonly DatedSession[]): PulseResult {
  const scores: number[] = [];
  for (const session of held) if (session.score !== null) scores.push(session.score);
  return {
    sessions: held.length,
    withPulse: scores.length,
    share: ratio(scores.length, held.length),
    medianScore: median(scores),
  };
}

export type ActionWithin24hResult = {
  sessions: number;
  met: number;
  missed: number;
  /** Still inside their 24 hours with no action yet: not counted either way. */
  open: number;
  share: number | null;
};

export function actionWithin24h(held: readonly DatedSession[]): ActionWithin24hResult {
  const counts = { met: 0, missed: 0, open: 0 };
  for (const session of held) counts[session.rule] += 1;
  return { sessions: held.length, ...counts, share: ratio(counts.met, counts.met + counts.missed) };
}
