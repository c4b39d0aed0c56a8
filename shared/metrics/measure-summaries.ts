// One line per measure: its value now and in the baseline, the goal, the rating and a sentence of
// counts that says what the number is made of.
import { measureCatalogue, measureKeys, type MeasureKey } from './catalogue';
import { MS_PER_DAY } from './calendar-days';
import { formatDays, formatPercent, plural } from './format';
import type { PeriodMeasures } from './period-measures';
import { goalValue, rate, type Rating } from './targets';

export type MeasureSummary = {
  key: MeasureKey;
  value: number | null;
  baseline: number | null;
  goal: number | null;
  rating: Rating;
  detail: string;
  baselineDetail: string;
};

/** Each measure's number, read from the period's measures (days for the time to unblock). */
const measureValues: Record<MeasureKey, (measures: PeriodMeasures) => number | null> = {
  conversion: (m) => m.conversion.completionRate,
  followThrough: (m) => m.followThrough.rate,
  timeToUnblock: (m) => (m.unblock.meanMs === null ? null : m.unblock.meanMs / MS_PER_DAY),
  qualityIndex: (m) => m.pulse.medianScore,
  experimentAdoption: (m) => m.experiments.perTeamPerMonth,
  coachingHours: (m) => m.hours.perLeaderPerMonth,
  actionWithin24h: (m) => m.within24h.share,
  followUpRate: (m) => m.followUp.rate,
  pulseShare: (m) => m.pulse.share,
};

function measureDetail(key: MeasureKey, measures: PeriodMeasures): string {
  switch (key) {
    case 'conversion': {
      const { logged, completed, verified, verificationRate } = measures.conversion;
      if (logged === 0) return 'No actions logged in this period';
      return `${completed.toLocaleString('en-GB')} of ${plural(logged, 'action')} done or verified · ${verified.toLocaleString('en-GB')} verified (${formatPercent(verificationRate)})`;
    }
    case 'followThrough': {
      const { due, metOnTime, metLate } = measures.followThrough;
      if (due === 0) return 'No commitments with a due date in this period';
      return `${metOnTime.toLocaleString('en-GB')} of ${plural(due, 'commitment')} due met on time · ${metLate.toLocaleString('en-GB')} met late`;
    }
    case 'timeToUnblock': {
      const { blocked, unblocked, stillBlocked, droppedWhileBlocked, longestStillBlockedMs } = measures.unblock;
      if (blocked === 0) return 'No action was blocked in this period';
      const parts = [`${plural(unblocked, 'block')} resolved`];
      if (stillBlocked > 0) {
        const longest =
          longestStillBlockedMs === null ? '' : ` (longest ${formatDays(longestStillBlockedMs / MS_PER_DAY)})`;
        parts.push(`${stillBlocked.toLocaleString('en-GB')} still blocked${longest}`);
      }
      if (droppedWhileBlocked > 0) parts.push(`${droppedWhileBlocked.toLocaleString('en-GB')} dropped while blocked`);
      return parts.join(' · ');
    }
    case 'qualityIndex': {
      const { withPulse, sessions } = measures.pulse;
      if (sessions === 0) return 'No sessions held in this period';
      return withPulse === 0
        ? 'No session in this period has a pulse'
        : `Median of ${plural(withPulse, 'session')} with a pulse`;
    }
    case 'experimentAdoption': {
      const { experiments, teams, teamsAtTarget, months } = measures.experiments;
      if (teams.length === 0) return 'No team had a session or an experiment in this period';
      return `${plural(experiments, 'experiment')} across ${plural(teams.length, 'team')} in ${months.toFixed(1)} months · ${teamsAtTarget} of ${teams.length} at 1 or more a month`;
    }
    case 'coachingHours': {
      const { sessions, hours, leaders, months } = measures.hours;
      if (sessions === 0) return 'No sessions held in this period';
      const total = hours >= 100 ? Math.round(hours).toLocaleString('en-GB') : (Math.round(hours * 10) / 10).toString();
      return `${total} h over ${plural(sessions, 'session')} with ${plural(leaders, 'leader')} in ${months.toFixed(1)} months`;
    }
    case 'actionWithin24h': {
      const { met, missed, open } = measures.within24h;
      if (met + missed + open === 0) return 'No sessions held in this period';
      const decided = `${met.toLocaleString('en-GB')} of ${plural(met + missed, 'session')}`;
      return open > 0 ? `${decided} · ${open.toLocaleString('en-GB')} still inside their 24 hours` : decided;
    }
    case 'followUpRate': {
      const { due, reviewed } = measures.followUp;
      if (measures.hours.sessions === 0) return 'No sessions held in this period';
      if (due === 0) return 'No earlier action was open when a session began';
      return `${reviewed.toLocaleString('en-GB')} of ${plural(due, 'earlier open action')} gone over`;
    }
    case 'pulseShare': {
      const { withPulse, sessions } = measures.pulse;
      return sessions === 0
        ? 'No sessions held in this period'
        : `${withPulse.toLocaleString('en-GB')} of ${plural(sessions, 'session')}`;
    }
  }
}

export function summarise(now: PeriodMeasures, baseline: PeriodMeasures | null): MeasureSummary[] {
  return measureKeys.map((key) => {
    const { target } = measureCatalogue[key];
    const value = measureValues[key](now);
    const baselineValue = baseline === null ? null : measureValues[key](baseline);
    return {
      key,
      value,
      baseline: baselineValue,
      goal: goalValue(target, baselineValue),
      rating: rate(target, value, baselineValue),
      detail: measureDetail(key, now),
      baselineDetail: baseline === null ? 'No baseline period' : measureDetail(key, baseline),
    };
  });
}
