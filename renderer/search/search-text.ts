import type { Session } from '../../shared/model';

/** The text of a session that search looks through: the GROW sections and the notes. */
export function sessionSearchText(session: Session): string {
  return [session.goal, session.reality, session.options, session.will, session.notes].join('\n');
}
