// Who the metrics are about: one participant, one cohort, or everyone. Records in the trash, and
// records of participants in the trash, are left out.
import type { MetricRecords } from './metric-records';
import { isLive } from '../model';

export type MetricScope =
  { kind: 'everyone' } | { kind: 'cohort'; cohort: string } | { kind: 'participant'; participantId: string };

export function recordsInScope(records: MetricRecords, scope: MetricScope): MetricRecords {
  const participants = records.participants.filter(
    (participant) =>
      isLive(participant) &&
      (scope.kind === 'everyone' ||
        (scope.kind === 'cohort' && participant.cohort === scope.cohort) ||
        (scope.kind === 'participant' && participant.id === scope.participantId)),
  );
  const ids = new Set(participants.map((participant) => participant.id));
  const kept = <T extends { participantId: string; deletedAt?: number }>(record: T) =>
    isLive(record) && ids.has(record.participantId);
  return {
    participants,
    sessions: records.sessions.filter(kept),
    actions: records.actions.filter(kept),
    contracts: records.contracts.filter(kept),
    reviews: records.reviews.filter(kept),
  };
}

export function scopeLabel(records: MetricRecords, scope: MetricScope): string {
  if (scope.kind === 'everyone') return 'Everyone';
  if (scope.kind === 'cohort') return `Cohort ${scope.cohort}`;
  return (
    records.participants.find((participant) => participant.id === scope.participantId)?.name ?? 'Unknown participant'
  );
}
