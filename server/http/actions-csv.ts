// The program manager's CSV export: one row per action, the columns a spreadsheet or an OKR
// tool's bulk import can map. Cells are escaped by the same writer the app's exports use.
import { toCsv } from '../../shared/csv';
import type { HubListedAction } from '../../shared/hub-protocol';

const csvHeader = [
  'Action ID',
  'Coach',
  'Participant',
  'Action',
  'Owner',
  'Due date',
  'Status',
  'Verification',
  'Blocked reason',
  'Experiment',
  'Created',
  'Updated',
  'Deleted',
  'Comments',
];

function comments(action: HubListedAction): string {
  return action.notes
    .filter((note) => note.kind === 'comment')
    .map((note) => `${note.author}: ${note.text}`)
    .join('\n');
}

export function actionsCsv(actions: HubListedAction[]): string {
  return toCsv([
    csvHeader,
    ...actions.map((action) => [
      action.id,
      action.coach.name,
      action.participant.displayName ?? action.participant.ref,
      action.text,
      action.owner,
      action.dueDate ?? '',
      action.status,
      action.verification,
      action.blockedReason,
      action.isExperiment ? 'yes' : 'no',
      action.createdAt,
      action.updatedAt,
      action.deletedAt ?? '',
      comments(action),
    ]),
  ]);
}
