import { format } from 'date-fns';
import { repositories } from '../../db/instance';
import { navigate } from '../../navigation';

/** Creates a draft session for now with the participant and opens it. */
export async function startSession(participantId: string): Promise<void> {
  const now = new Date();
  const session = await repositories.sessions.create({
    participantId,
    date: format(now, 'yyyy-MM-dd'),
    startTime: format(now, 'HH:mm'),
  });
  navigate('sessions', session.id);
}
