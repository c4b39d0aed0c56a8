// Settings → Retention: the policy for private notes and a preview of exactly what it (and each
// participant's consent) will remove and when, grouped by participant.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { format, parseISO } from 'date-fns';
// eslint-disable-next-line no-restricted-imports -- handed to retention (renderer/privacy), which owns these reads and writes
import { database } from '../../db/instance';
import { KEEP_WEEKLY } from '../../../shared/backup-files';
import { planRetention, type RetentionItem } from '../../privacy/retention';
import { privateFieldLabels, sessionPrivateFieldsText } from '../../privacy/private-fields';
import {
  readLastRetentionRun,
  RETENTION_GRACE_DAYS,
  retentionMonthChoices,
  writeRetentionPolicy,
  type RetentionPolicy,
} from '../../privacy/retention-policy';
import { plural } from './labels';
import './privacy.css';

const SHOWN_PER_PARTICIPANT = 40;

const reasonText: Record<RetentionItem['reason'], string> = {
  'coaching-ended': 'coaching ended',
  consent: 'notes may not be kept',
};

type Group = { participantId: string; name: string; items: RetentionItem[] };

function byParticipant(items: RetentionItem[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const group = groups.get(item.participantId) ?? {
      participantId: item.participantId,
      name: item.participantName,
      items: [],
    };
    group.items.push(item);
    groups.set(item.participantId, group);
  }
  return [...groups.values()];
}

function itemText(item: RetentionItem): string {
  return item.kind === 'participant'
    ? privateFieldLabels.participant.notes
    : `Session on ${format(parseISO(item.sessionDate!), 'd MMM yyyy')}: ${sessionPrivateFieldsText}`;
}

const save = (choice: Pick<RetentionPolicy, 'mode' | 'monthsAfterEnd'>) =>
  void writeRetentionPolicy(database, choice, Date.now());

function PolicyChoice({ policy }: { policy: RetentionPolicy }) {
  return (
    <div className="stack">
      <div className="segmented" role="radiogroup" aria-label="Private notes">
        {(['keep', 'after-coaching-ends'] as const).map((mode) => (
          <label key={mode} className={policy.mode === mode ? 'selected' : undefined}>
            <input
              type="radio"
              name="retention-mode"
              checked={policy.mode === mode}
              onChange={() => save({ mode, monthsAfterEnd: policy.monthsAfterEnd })}
            />
            {mode === 'keep' ? 'Keep until I delete them' : 'Remove some time after coaching ends'}
          </label>
        ))}
      </div>
      {policy.mode === 'after-coaching-ends' && (
        <div className="field retention-months">
          <label htmlFor="retention-months">Remove private notes</label>
          <select
            id="retention-months"
            value={policy.monthsAfterEnd}
            onChange={(event) => save({ mode: policy.mode, monthsAfterEnd: Number(event.target.value) })}
          >
            {retentionMonthChoices.map((months) => (
              <option key={months} value={months}>
                {months} months after coaching ends
              </option>
            ))}
          </select>
          <p className="field-hint">Coaching ends with the last session of a participant whose status is Completed.</p>
        </div>
      )}
    </div>
  );
}

function Preview({ items, now }: { items: RetentionItem[]; now: number }) {
  const groups = byParticipant(items);
  if (!groups.length) return <p className="muted">Nothing is due for removal.</p>;
  return (
    <ul className="retention-groups" aria-label="What will be removed">
      {groups.map((group) => {
        const first = group.items[0];
        const soon = first.removeAt - now <= RETENTION_GRACE_DAYS * 24 * 60 * 60 * 1000;
        return (
          <li key={group.participantId}>
            <details>
              <summary>
                <strong>{group.name}</strong>
                <span className="muted">
                  {' '}
                  · {plural(group.items.filter((item) => item.kind === 'session').length, 'session')}
                  {group.items.some((item) => item.kind === 'participant') && ' and their notes'} ·{' '}
                  {reasonText[first.reason]}
                </span>
                <span className={soon ? 'badge warn' : 'badge'}>from {format(first.removeAt, 'd MMM yyyy')}</span>
              </summary>
              <ul className="plain-list retention-items">
                {group.items.slice(0, SHOWN_PER_PARTICIPANT).map((item) => (
                  <li key={item.recordId}>
                    <span>{itemText(item)}</span>
                    <span className="muted">removed {format(item.removeAt, 'd MMM yyyy')}</span>
                  </li>
                ))}
                {group.items.length > SHOWN_PER_PARTICIPANT && (
                  <li className="muted">and {plural(group.items.length - SHOWN_PER_PARTICIPANT, 'more session')}</li>
                )}
              </ul>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

export function RetentionSection() {
  const plan = useLiveQuery(() => planRetention(database), []);
  const lastRun = useLiveQuery(() => readLastRetentionRun(database), []);
  const [now] = useState(() => Date.now());
  return (
    <section className="card stack" aria-label="Retention">
      <h2>Retention</h2>
      <p className="muted">
        Private notes are each session’s {sessionPrivateFieldsText}, and each participant’s notes. Removing them keeps
        everything else — actions, the Will, pulse scores and time — so your metrics stay whole. A participant who has
        not agreed to notes being kept has each session’s private notes removed {RETENTION_GRACE_DAYS} days after it.
      </p>
      {plan && <PolicyChoice policy={plan.policy} />}
      <p className="muted">
        Nothing is removed until {RETENTION_GRACE_DAYS} days after it becomes due, or after you change this policy, so
        what is listed below can still be kept.
      </p>
      <h3>What will be removed</h3>
      {plan && <Preview items={plan.items} now={now} />}
      {lastRun && (
        <p className="muted">
          Last applied {format(lastRun.at, 'd MMM yyyy, HH:mm')}: the private notes of{' '}
          {plural(lastRun.sessions, 'session')} and {plural(lastRun.participants, 'participant')} were removed.
        </p>
      )}
      <p className="muted">
        Removed notes stay in automatic backups until those age out (at most {KEEP_WEEKLY} weeks), and in any file you
        exported yourself.
      </p>
    </section>
  );
}
