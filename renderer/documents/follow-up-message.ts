// The follow-up the leader receives after a session, as formatted and plain text for a mail,
// Teams or Slack: what they will do (Will), the actions agreed, what was completed since last
// time and the next session. Only what the session summary shares: never Goal, Reality, Options
// or notes, and nothing at all when the participant's consent shares no actions.
import { format, parseISO } from 'date-fns';
import { isLive, type Action, type Participant, type Session } from '../../shared/model';
import { willProse, type SessionBundle } from './build-data';
import { completedSinceLastTime } from './session-follow-up';

export type FollowUpInput = {
  session: Session;
  participant: Pick<Participant, 'name' | 'consent'>;
  /** The actions logged in the session. */
  actions: Action[];
  /** Earlier actions this session marked done or verified. */
  completedSinceLastTime: Action[];
  nextSession: Pick<Session, 'date' | 'startTime'> | null;
};

export type FollowUpMessage = { plain: string; html: string };

/** What the message says of a session, from the records its documents are made of. */
export const followUpInput = ({ session, participant, actions, followUp }: SessionBundle): FollowUpInput => ({
  session,
  participant,
  actions,
  completedSinceLastTime: completedSinceLastTime(followUp),
  nextSession: followUp.nextSession,
});

const day = (date: string) => format(parseISO(date), 'EEE d MMM');
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function actionLine(action: Action): string {
  const who = action.owner ? ` (${action.owner}` : '';
  const due = action.dueDate ? `${who ? ', ' : ' ('}due ${day(action.dueDate)})` : who ? ')' : '';
  return `${action.text}${who}${due}`;
}

/** The subject of the mail that carries it. */
export const followUpSubject = (session: Pick<Session, 'date'>) =>
  `Our coaching session on ${day(session.date)}: next steps`;

/** The message, or null when the participant's consent shares no actions with anyone. */
export function followUpMessage(input: FollowUpInput): FollowUpMessage | null {
  const { session, participant, actions, completedSinceLastTime, nextSession } = input;
  if (participant.consent.shareActions === 'none') return null;
  const firstName = participant.name.trim().split(/\s+/)[0];
  const agreed = actions.filter((action) => isLive(action) && action.status !== 'dropped');
  const will = willProse(session.will, actions).trim();
  const sections: { title: string; lines: string[] }[] = [
    { title: 'What you will do', lines: will ? will.split('\n') : [] },
    { title: 'Actions we agreed', lines: agreed.map(actionLine) },
    { title: 'Completed since last time', lines: completedSinceLastTime.map((action) => action.text) },
    {
      title: 'Next session',
      lines: nextSession ? [`${day(nextSession.date)} at ${nextSession.startTime}`] : [],
    },
  ].filter((section) => section.lines.length > 0);

  const opening = `Hi ${firstName}, thank you for our session on ${day(session.date)}. Here is what we agreed.`;
  const plain = [
    opening,
    ...sections.map(({ title, lines }) => `${title}:\n${lines.map((line) => `- ${line}`).join('\n')}`),
  ].join('\n\n');
  const html = [
    `<p>${escapeHtml(opening)}</p>`,
    ...sections.map(
      ({ title, lines }) =>
        `<p><strong>${escapeHtml(title)}</strong></p><ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    ),
  ].join('');
  return { plain, html };
}
