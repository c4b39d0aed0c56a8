import type { Action } from '../../../shared/model';
import { formatDay } from '../labels';

const unfinished = (action: Action) => action.status === 'open' || action.status === 'blocked';

/** A table cell with the action's due date, red once an unfinished action is past it. */
export function DueDateCell({ action, today }: { action: Action; today: string }) {
  const overdue = action.dueDate !== null && action.dueDate < today && unfinished(action);
  return (
    <td className={overdue ? 'date-cell overdue' : 'date-cell'}>
      {action.dueDate === null ? '—' : action.dueDate === today ? 'Today' : formatDay(action.dueDate)}
    </td>
  );
}
