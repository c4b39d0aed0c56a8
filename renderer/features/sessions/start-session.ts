import { format } from 'date-fns';
import { repositories } from '../../db/instance';
import { navigate } from '../../navigation';
import { oneAtATime } from '../../components/use-command';

/**
 * Creates a draft session for now with the participant and opens it. One at a time: the shortcut,
 * the chooser and the buttons all start sessions, and a second start before the first has opened
 * would leave a duplicate draft.
 */
export const startSession = oneAtATime(async (participantId: string): Promise<void> => {
  const now = new Date();
  const session = await repositories.sessions.create({
    participantId,
    date: format(now, 'yyyy-MM-dd'),
    startTime: format(now, 'HH:mm'),
  });
  navigate('sessions', session.id);
});
