import type { Action } from '../../../shared/model';
import { formatDay } from '../labels';
import { StatusSelect } from './status-select';

const unfinished = (action: Action) => action.status === 'open' || action.status === 'blocked';

/** An action list's last two cells: the due date, red once an unfinished action is past it, and
 * the status, changeable in place. */
export function DueAndStatusCells({ action, today }: { action: Action; today: string }) {
  const overdue = action.dueDate !== null && action.dueDate < today && unfinished(action);
  return (
    <>
      <td className={overdue ? 'date-cell overdue' : 'date-cell'}>
        {action.dueDate === null ? '—' : action.dueDate === today ? 'Today' : formatDay(action.dueDate)}
      </td>
      <td>
        <StatusSelect action={action} />
      </td>
    </>
  );
}
