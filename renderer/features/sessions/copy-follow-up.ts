// "Follow-up for the leader": the message put on the clipboard as formatted and plain text, so
// it pastes into a mail, Teams or Slack as it should.
import type { Action, Participant, Session } from '../../../shared/model';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import { followUpMessage } from '../../documents/follow-up-message';
import { showToast } from '../../components/toasts';

async function completedSinceLastTime(sessionId: string): Promise<Action[]> {
  const reviews = await repositories.actionReviews.ofSession(sessionId);
  const completed = reviews.filter((review) => review.outcome === 'done' || review.outcome === 'verified');
  const actions = await Promise.all(completed.map((review) => repositories.actions.get(review.actionId)));
  return actions.filter((action) => action !== undefined);
}

export async function copyFollowUp(session: Session, participant: Participant, actions: Action[]): Promise<void> {
  try {
    const [completed, planned] = await Promise.all([
      completedSinceLastTime(session.id),
      repositories.sessions.plannedOf(participant.id, session.date),
    ]);
    const message = followUpMessage({
      session,
      participant,
      actions,
      completedSinceLastTime: completed,
      nextSession: planned.find((next) => next.id !== session.id) ?? null,
    });
    if (!message) {
      showToast({ message: `${participant.name}’s consent shares no actions, so there is no follow-up to send.` });
      return;
    }
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([message.plain], { type: 'text/plain' }),
        'text/html': new Blob([message.html], { type: 'text/html' }),
      }),
    ]);
    showToast({ message: 'The follow-up is on the clipboard: paste it into a mail, Teams or Slack.' });
  } catch (error) {
    showToast({ message: `The follow-up could not be copied: ${errorMessage(error)}` });
  }
}
