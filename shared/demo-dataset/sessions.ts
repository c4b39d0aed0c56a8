// Coaching sessions spread over each engagement, with GROW notes of realistic length, a quality
// pulse, and a few sessions still in draft or booked for the coming days.
import type { Session } from '../model';
import { addDays, dateOf, daysBetween, nextWeekday, timestampAt, DAY_MS } from './calendar';
import type { Engagement } from './participants';
import type { Random } from './random';
import { goalSentences, noteSentences, optionsSentences, realitySentences, willSentences } from './session-text';
import { spread } from './spread';
import { paragraph, type Voice } from './text';

const startTimes = ['08:30', '09:00', '10:00', '11:00', '13:30', '14:00', '15:00', '16:30'];
const tierWeight = { 'high-touch': 1.5, 'peer-circle': 0.8, scaled: 0.4 } as const;
const minutes = 60 * 1000;

type SessionType = Session['type'];
const typesByTier: Record<keyof typeof tierWeight, Record<SessionType, number>> = {
  'high-touch': { 'one-to-one': 85, group: 10, 'cohort-workshop': 5, 'peer-circle': 0 },
  'peer-circle': { 'peer-circle': 70, 'one-to-one': 25, 'cohort-workshop': 5, group: 0 },
  scaled: { group: 50, 'peer-circle': 30, 'cohort-workshop': 20, 'one-to-one': 0 },
};
const durations: Record<SessionType, readonly number[]> = {
  'one-to-one': [45, 60, 60, 60, 75, 90],
  'peer-circle': [90],
  group: [60, 75, 90],
  'cohort-workshop': [180, 240],
};

function pulseScore(random: Random): number | null {
  return random.chance(0.08) ? null : random.pick([2, 3, 3, 4, 4, 4, 5, 5]);
}

const unscored: Session['pulse'] = { preparation: null, clarity: null, documentedAction: null };
const blankNotes = { goal: '', reality: '', options: '', will: '', notes: '' };

function growNotes(random: Random, voice: Voice, complete: boolean) {
  return {
    goal: paragraph(random, goalSentences, 2, 4, voice),
    reality: paragraph(random, realitySentences, 3, 5, voice),
    options: complete ? paragraph(random, optionsSentences, 3, 5, voice) : '',
    will: complete ? paragraph(random, willSentences, 2, 4, voice) : '',
    notes: complete ? paragraph(random, noteSentences, 4, 7, voice) : '',
  };
}

function pastSession(random: Random, engagement: Engagement, date: string, now: number): Session {
  const type = random.weighted(typesByTier[engagement.participant.tier]);
  const startTime = random.pick(startTimes);
  const startsAt = timestampAt(date, startTime);
  const durationMinutes = random.pick(durations[type]);
  // A recent session is sometimes still a draft: the coach has not finished the notes.
  const complete = now - startsAt > 30 * DAY_MS || random.chance(0.9);
  const finishedAt = Math.min(now, startsAt + (durationMinutes + random.int(5, 120)) * minutes);
  return {
    id: random.uuid(),
    createdAt: startsAt - random.int(0, 3) * DAY_MS - random.int(10, 600) * minutes,
    updatedAt: finishedAt,
    participantId: engagement.participant.id,
    date,
    startTime,
    durationMinutes,
    timerStartedAt: null,
    type,
    ...growNotes(random, engagement.voice, complete),
    pulse: complete
      ? { preparation: pulseScore(random), clarity: pulseScore(random), documentedAction: pulseScore(random) }
      : unscored,
    status: complete ? 'complete' : 'draft',
    completedAt: complete ? finishedAt : null,
  };
}

/** A session planned for the coming days: a goal at most, nothing else yet. */
function bookedSession(random: Random, engagement: Engagement, date: string, now: number): Session {
  const createdAt = now - random.int(1, 10) * DAY_MS;
  return {
    id: random.uuid(),
    createdAt,
    updatedAt: createdAt,
    participantId: engagement.participant.id,
    date,
    startTime: random.pick(startTimes),
    durationMinutes: 0,
    timerStartedAt: null,
    type: random.weighted(typesByTier[engagement.participant.tier]),
    ...blankNotes,
    goal: random.chance(0.5) ? paragraph(random, goalSentences, 1, 1, engagement.voice) : '',
    pulse: unscored,
    status: 'planned',
    completedAt: null,
  };
}

export function generateSessions(random: Random, engagements: Engagement[], total: number, now: number): Session[] {
  const today = dateOf(now);
  const weights = engagements.map(
    (engagement) =>
      (daysBetween(engagement.firstDay, engagement.lastDay) + 30) * tierWeight[engagement.participant.tier],
  );
  return spread(total, weights).flatMap((count, index) => {
    const engagement = engagements[index];
    const booked = engagement.ongoing && engagement.participant.status === 'active' && count > 1 && random.chance(0.75);
    const pastCount = booked ? count - 1 : count;
    const windowDays = Math.max(1, daysBetween(engagement.firstDay, engagement.lastDay));
    const step = windowDays / Math.max(1, pastCount);
    const sessions = Array.from({ length: pastCount }, (_, position) => {
      let date = nextWeekday(addDays(engagement.firstDay, Math.floor(position * step + random.next() * step * 0.6)));
      if (date >= today) date = addDays(today, -1);
      return pastSession(random, engagement, date, now);
    });
    if (booked) sessions.push(bookedSession(random, engagement, nextWeekday(addDays(today, random.int(0, 12))), now));
    return sessions;
  });
}
