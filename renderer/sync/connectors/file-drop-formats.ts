// The file drop's two formats: CSV with the columns a bulk import into an OKR or task tool can
// map (one row per action or commitment, its latest state), and JSON Lines with one wire event
// per line, exactly as the webhook would have sent it.
import type { RecordSyncEvent } from '../../../shared/sync-protocol';
import { toCsv as rowsToCsv } from '../../../shared/csv';

export const csvColumns = [
  'External ID',
  'Type',
  'Title',
  'Owner',
  'Due Date',
  'Status',
  'Progress',
  'Objective',
  'Participant',
  'Success Criteria',
  'Blocked Reason',
  'Experiment',
  'Last Updated',
  'Deleted',
] as const;

const statusLabels: Record<string, string> = {
  open: 'Open',
  done: 'Done',
  verified: 'Verified',
  dropped: 'Dropped',
  blocked: 'Blocked',
  'on-track': 'On track',
  'at-risk': 'At risk',
  missed: 'Missed',
  met: 'Met',
};
const finished = new Set(['done', 'verified', 'met']);

function csvRow(event: RecordSyncEvent): string[] {
  const participant = event.participant.displayName ?? event.participant.ref;
  const record = 'action' in event ? event.action : event.commitment;
  const common = {
    id: record.id,
    title: record.text,
    owner: record.owner,
    due: record.dueDate ?? '',
    status: statusLabels[record.status],
    progress: finished.has(record.status) ? '100' : '0',
    updated: record.updatedAt,
    deleted: record.deletedAt ? 'yes' : '',
  };
  const specific =
    'action' in event
      ? {
          type: 'Action',
          objective: '',
          criteria: event.action.verification,
          blocked: event.action.blockedReason,
          experiment: event.action.isExperiment ? 'yes' : '',
        }
      : {
          type: 'Commitment',
          objective: event.commitment.contractTitle,
          criteria: event.commitment.acceptanceCriteria,
          blocked: '',
          experiment: '',
        };
  return [
    common.id,
    specific.type,
    common.title,
    common.owner,
    common.due,
    common.status,
    common.progress,
    specific.objective,
    participant,
    specific.criteria,
    specific.blocked,
    specific.experiment,
    common.updated,
    common.deleted,
  ];
}

/** Cells that start like a formula are kept text (see shared/csv). */
export function toCsv(events: RecordSyncEvent[]): string {
  return rowsToCsv([[...csvColumns], ...events.map(csvRow)]);
}

export function toJsonLines(events: RecordSyncEvent[]): string {
  return events.map((event) => JSON.stringify(event) + '\n').join('');
}
