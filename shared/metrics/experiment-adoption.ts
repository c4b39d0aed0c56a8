// Experiment adoption: experiments (actions flagged as experiments) that reached done or verified
// in a period, per team per month. A team counts when one of its participants had a session or
// ran an experiment in the period, so teams that ran none pull the rate down.
import { inRange, rangeLength } from './calendar-days';
import type { DatedAction, DatedSession } from './dated-records';
import type { MetricParticipant } from './metric-records';
import type { Period } from './period';

export const AVERAGE_MONTH_DAYS = 365.2425 / 12;
const NO_TEAM = 'Team not recorded';

export type TeamAdoption = { team: string; experiments: number; perMonth: number };

export type ExperimentAdoptionResult = {
  experiments: number;
  months: number;
  teams: TeamAdoption[];
  /** Experiments per team per month across the teams in the period. */
  perTeamPerMonth: number | null;
  teamsAtTarget: number;
};

const teamOf = (participant: Pick<MetricParticipant, 'team'> | undefined) => participant?.team.trim() || NO_TEAM;

/** The day an experiment reached done or verified, when that is one of the period's days; else null. */
export const experimentDayIn = (action: DatedAction, within: Period): number | null =>
  action.isExperiment && action.completedDay !== null && inRange(action.completedDay, within)
    ? action.completedDay
    : null;

export function experimentAdoption(
  participants: readonly MetricParticipant[],
  sessions: readonly DatedSession[],
  actions: readonly DatedAction[],
  within: Period,
  targetPerMonth = 1,
): ExperimentAdoptionResult {
  const byId = new Map(participants.map((participant) => [participant.id, participant]));
  const experimentsByTeam = new Map<string, number>();
  for (const session of sessions) {
    if (inRange(session.day, within)) {
      const team = teamOf(byId.get(session.participantId));
      if (!experimentsByTeam.has(team)) experimentsByTeam.set(team, 0);
    }
  }
  let experiments = 0;
  for (const action of actions) {
    if (experimentDayIn(action, within) === null) continue;
    experiments += 1;
    const team = teamOf(byId.get(action.participantId));
    experimentsByTeam.set(team, (experimentsByTeam.get(team) ?? 0) + 1);
  }
  const months = rangeLength(within) / AVERAGE_MONTH_DAYS;
  const teams = [...experimentsByTeam]
    .map(([team, count]) => ({ team, experiments: count, perMonth: count / months }))
    .sort((a, b) => b.perMonth - a.perMonth || a.team.localeCompare(b.team));
  return {
    experiments,
    months,
    teams,
    perTeamPerMonth: teams.length > 0 ? experiments / teams.length / months : null,
    teamsAtTarget: teams.filter((team) => team.perMonth >= targetPerMonth).length,
  };
}
