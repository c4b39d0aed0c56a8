// The leaders in a coach's book: each with an engagement window that the sessions, actions and
// contracts of that leader fall into.
import { tierCadence, type CalendarDate, type Participant } from '../model';
import { addDays, daysBetween, startOfDay, DAY_MS } from './calendar';
import { firstNames, lastNames, organisations, roles, stakeholders, targets, teamMemberNames, teams } from './people';
import type { Random } from './random';
import { participantNotes } from './record-text';
import { paragraph, type Voice } from './text';

export type Engagement = {
  participant: Participant;
  voice: Voice;
  firstDay: CalendarDate;
  /** The last day with coaching so far: today for an ongoing engagement. */
  lastDay: CalendarDate;
  ongoing: boolean;
};

export function generateParticipants(
  random: Random,
  count: number,
  firstDay: CalendarDate,
  today: CalendarDate,
): Engagement[] {
  const spanDays = daysBetween(firstDay, today);
  const givenNames = random.sample(firstNames, count);
  return givenNames.map((givenName, index) => {
    // A coach's book grows over the years, so more engagements start recently than long ago.
    const start = addDays(firstDay, Math.floor(Math.sqrt(index / count) * spanDays * 0.9) + random.int(0, 20));
    const plannedEnd = addDays(start, random.int(270, 1100));
    const ongoing = plannedEnd >= today;
    const lastDay = ongoing ? today : plannedEnd;
    const organisation = random.pick(organisations);
    const team = random.pick(teams);
    const voice: Voice = {
      name: givenName,
      team,
      teammates: random.sample(teamMemberNames, 5),
      stakeholders: random.sample(stakeholders, 3),
      tool: organisation.tool,
    };
    const [primaryTarget, secondaryTarget] = random.sample(targets, 2);
    const createdAt = startOfDay(start) - random.int(1, 10) * DAY_MS + 9 * 60 * 60 * 1000;
    const participant: Participant = {
      id: random.uuid(),
      createdAt,
      updatedAt: ongoing ? createdAt : startOfDay(lastDay) + 17 * 60 * 60 * 1000,
      name: `${givenName} ${random.pick(lastNames)}`,
      role: random.pick(roles),
      team,
      organisation: organisation.name,
      sponsor: organisation.sponsor,
      cohort: `${start.slice(0, 4)} ${Number(start.slice(5, 7)) <= 6 ? 'spring' : 'autumn'} cohort`,
      tier: random.weighted<Participant['tier']>({ 'high-touch': 5, 'peer-circle': 3, scaled: 2 }),
      startDate: start,
      primaryTarget,
      secondaryTarget,
      status: ongoing ? (random.chance(0.1) ? 'paused' : 'active') : 'completed',
      cadence: 'none',
      notes: paragraph(random, participantNotes, 1, 3, voice),
      consent: {
        keepNotes: random.chance(0.95),
        shareActions: random.weighted({ named: 7, pseudonymous: 2, none: 1 }),
        aiProcessing: random.chance(0.2),
      },
    };
    if (ongoing) participant.cadence = tierCadence[participant.tier];
    return { participant, voice, firstDay: start, lastDay, ongoing };
  });
}
