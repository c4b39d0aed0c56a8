// Which participants a calendar event is with: those whose full name is in its title, or who are
// among its attendees by name ("Amara Okafor" or Outlook's "Okafor, Amara") or by the name part
// of their address (amara.okafor@…). Case, accents and punctuation do not matter.
import type { Participant } from '../../shared/model';

export type Attendee = { name: string; address: string };

const wordsOf = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const sameWords = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');

function containsRun(words: string[], run: string[]): boolean {
  for (let start = 0; start + run.length <= words.length; start += 1) {
    if (run.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}

/** The part of an address before the @, from `mailto:amara.okafor@example.com` or a bare address. */
const mailbox = (address: string) => /^(?:mailto:)?([^@\s]+)@/i.exec(address.trim())?.[1] ?? '';

function attendeeNames(attendee: Attendee): string[][] {
  // Google writes the address itself as the attendee's name when it knows no other.
  const name = attendee.name.includes('@') ? mailbox(attendee.name) : attendee.name;
  return [wordsOf(name), wordsOf(mailbox(attendee.address))].filter((words) => words.length > 0);
}

/** The participants the event is with, each once, in the order given. */
export function matchParticipants<P extends Pick<Participant, 'id' | 'name'>>(
  title: string,
  attendees: readonly Attendee[],
  participants: readonly P[],
): P[] {
  const titleWords = wordsOf(title);
  const names = attendees.flatMap(attendeeNames);
  return participants.filter((participant) => {
    const words = wordsOf(participant.name);
    if (words.length === 0) return false;
    return containsRun(titleWords, words) || names.some((name) => sameWords(name, words));
  });
}
