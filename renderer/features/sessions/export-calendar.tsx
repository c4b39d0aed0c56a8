// "Export calendar (.ics)": the planned sessions from today on and the due dates of open actions,
// for every participant or one, saved as a file the coach imports into their calendar.
import { useState } from 'react';
import { format } from 'date-fns';
import type { CalendarDate } from '../../../shared/model';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import { platform } from '../../platform';
import { showToast } from '../../components/toasts';
import { sessionTypeLabels } from '../labels';

const FAR_FUTURE = '9999-12-31' as CalendarDate;

async function saveCalendar(participantId: string | null, fileName: string): Promise<void> {
  const today = format(new Date(), 'yyyy-MM-dd') as CalendarDate;
  const mine = <T extends { participantId: string }>(record: T) =>
    participantId === null || record.participantId === participantId;
  const [sessions, actions, names, { calendarFile }] = await Promise.all([
    repositories.sessions.between(today, FAR_FUTURE, 'oldest first'),
    repositories.actions.list({ statuses: ['open', 'blocked'], participantId: participantId ?? undefined }),
    repositories.participants.names(),
    import('../../calendar/ics-export'),
  ]);
  const planned = sessions.filter((session) => session.status === 'planned' && mine(session));
  const dated = actions.filter((action) => action.dueDate !== null);
  if (planned.length + dated.length === 0) {
    showToast({ message: 'Nothing to put in a calendar yet: no planned session and no open action with a due date.' });
    return;
  }
  const ics = calendarFile({
    sessions: planned,
    actions: dated,
    participantName: (id) => names.get(id) ?? 'Participant',
    sessionTypeLabel: (type) => sessionTypeLabels[type],
    now: new Date(),
  });
  const result = await platform.saveFile({
    suggestedName: fileName,
    data: new TextEncoder().encode(ics),
    filters: [{ name: 'Calendar', extensions: ['ics'] }],
  });
  if (!result.ok) showToast({ message: `The calendar was not saved: ${result.error}` });
  else if (result.value.saved) {
    showToast({
      message: `Calendar saved: ${planned.length} planned session${planned.length === 1 ? '' : 's'} and ${dated.length} due date${dated.length === 1 ? '' : 's'}. Importing a later export updates them.`,
    });
  }
}

export function ExportCalendarButton({ participantId = null, name }: { participantId?: string | null; name?: string }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await saveCalendar(participantId, `Followthrough ${name ?? 'calendar'}.ics`);
    } catch (error) {
      showToast({ message: `The calendar could not be made: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" onClick={() => void run()} disabled={busy}>
      Export calendar (.ics)
    </button>
  );
}
