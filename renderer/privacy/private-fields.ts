// The one place that reads the `privateFields` mark of shared/model.ts to leave private text out
// (shareable exports) or to clear it (retention). No other code names the private fields.
import { privateFields, type Participant, type Session } from '../../shared/model';

type PrivateKind = keyof typeof privateFields;
type RecordOf = { participant: Participant; session: Session };
type PrivateFieldName<K extends PrivateKind> = (typeof privateFields)[K][number];

export function omitPrivate<K extends PrivateKind>(
  kind: K,
  record: RecordOf[K],
): Omit<RecordOf[K], PrivateFieldName<K>> {
  const copy: Record<string, unknown> = { ...record };
  for (const field of privateFields[kind]) delete copy[field];
  return copy as Omit<RecordOf[K], PrivateFieldName<K>>;
}

/** The record with every private field emptied, as retention leaves it. */
export function clearPrivate<K extends PrivateKind>(kind: K, record: RecordOf[K]): RecordOf[K] {
  return { ...record, ...Object.fromEntries(privateFields[kind].map((field) => [field, ''])) };
}

export function hasPrivateText<K extends PrivateKind>(kind: K, record: RecordOf[K]): boolean {
  return privateFields[kind].some((field) => ((record as Record<string, unknown>)[field] as string).trim() !== '');
}

/** How the screens name the private fields: "Goal, Reality, Options and notes". */
export const privateFieldLabels = {
  participant: { notes: 'Participant notes' },
  session: { goal: 'Goal', reality: 'Reality', options: 'Options', notes: 'notes' },
} satisfies { [K in PrivateKind]: Record<PrivateFieldName<K>, string> };

const sessionLabels = Object.values(privateFieldLabels.session);
/** "Goal, Reality, Options and notes". */
export const sessionPrivateFieldsText = `${sessionLabels.slice(0, -1).join(', ')} and ${sessionLabels.at(-1)}`;
