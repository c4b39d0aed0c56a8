// "Import calendar (.ics)…": the coach picks a calendar file exported from Outlook, Google or Apple
// Calendar; the events with a participant from today to 90 days ahead are shown as planned
// sessions, with every event left out and why, and nothing is written until the coach confirms.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { format, parseISO } from 'date-fns';
import { isLive, type CalendarDate } from '../../../shared/model';
import { errorMessage } from '../../../shared/result';
import type { CalendarProblem, CalendarReading, ProposedSession, SkippedEvent } from '../../calendar/ics-import';
import { repositories } from '../../db/instance';
import { showToast } from '../../components/toasts';
import { useCommand } from '../../components/use-command';
import { MAX_CALENDAR_BYTES } from '../../calendar/import-limits';
import { readCalendarInWorker } from '../../calendar/read-in-worker';
import { formatMinutes } from '../labels';
import './import-calendar.css';
import { TableHead } from '../../components/table-head';

type Preview = {
  fileName: string;
  reading: CalendarReading;
  /** The proposals not already sessions here, which confirming adds. */
  fresh: ProposedSession[];
  alreadyHere: number;
  inTrash: number;
  names: Map<string, string>;
};
type Opened = { kind: 'problem'; fileName: string; message: string } | ({ kind: 'preview' } & Preview);

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const day = (date: string) => format(parseISO(date), 'EEE d MMM yyyy');
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function problemMessage(fileName: string, problem: CalendarProblem): string {
  switch (problem.reason) {
    case 'too-large':
      return `${fileName} is ${megabytes(problem.bytes)}; a calendar file to import can be at most ${megabytes(MAX_CALENDAR_BYTES)}. Export a shorter period from your calendar (the next three months are enough) and import that. Nothing was imported.`;
    case 'not-a-calendar':
      return `${fileName} is not a calendar file Followthrough can read (${problem.detail}). Export the calendar as an .ics file from Outlook, Google or Apple Calendar and import that. Nothing was imported.`;
    case 'no-events':
      return `${fileName} is a calendar with no events in it. Nothing was imported.`;
  }
}

function skipText({ reason, detail }: SkippedEvent): string {
  switch (reason) {
    case 'not-matched':
      return 'Not matched: no participant’s name in the title or among the attendees';
    case 'several-participants':
      return `Names more than one participant (${detail}): plan it from a participant’s page`;
    case 'no-title':
      return 'No title';
    case 'unknown-time-zone':
      return `Unknown time zone “${detail}”: its time cannot be placed`;
    case 'all-day':
      return 'All-day event, not a session at a time';
    case 'cancelled':
      return 'Cancelled';
    case 'too-long':
      return 'Lasts more than 24 hours';
    case 'unusable-repeat-rule':
      return 'Its repeat rule gives no usable date (none at all, or too many to be a session)';
    case 'followthrough-action':
      return 'An action’s due date from Followthrough, not a session';
    case 'unreadable':
      return `Could not be read: ${detail}`;
  }
}

function skipWhen({ date, startTime, occurrences }: SkippedEvent): string {
  if (date === null) return '—';
  const first = startTime ? `${day(date)}, ${startTime}` : day(date);
  return occurrences > 1 ? `${first} and ${occurrences - 1} more` : first;
}

async function readChosenFile(file: File): Promise<Opened> {
  if (file.size > MAX_CALENDAR_BYTES) {
    return {
      kind: 'problem',
      fileName: file.name,
      message: problemMessage(file.name, { reason: 'too-large', bytes: file.size }),
    };
  }
  const [bytes, participants] = await Promise.all([file.arrayBuffer(), repositories.participants.listActive()]);
  const result = await readCalendarInWorker(new Uint8Array(bytes), {
    participants: participants.map(({ id, name }) => ({ id, name })),
    today: format(new Date(), 'yyyy-MM-dd') as CalendarDate,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  });
  if (!result.ok) return { kind: 'problem', fileName: file.name, message: problemMessage(file.name, result.problem) };
  const reading = result.value;
  const existing = await repositories.sessions.fromCalendarEvents(reading.proposals);
  const known = [...existing.values()];
  return {
    kind: 'preview',
    fileName: file.name,
    reading,
    fresh: reading.proposals.filter((proposal) => !existing.has(proposal.calendarEventId)),
    alreadyHere: known.filter(isLive).length,
    inTrash: known.length - known.filter(isLive).length,
    names: new Map(participants.map((participant) => [participant.id, participant.name])),
  };
}

/** A modal dialog (the browser's own: focus stays inside, Escape closes it). */
function Dialog({ labelledBy, onClose, children }: { labelledBy: string; onClose: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    element.querySelector<HTMLButtonElement>('button.primary')?.focus();
    return () => element.close();
  }, []);
  return (
    <dialog ref={dialog} className="calendar-import" aria-labelledby={labelledBy} onClose={onClose}>
      {children}
    </dialog>
  );
}

/** A table in a box that scrolls when it is long; the box is focusable, so the keyboard scrolls it too. */
function PreviewTable({
  label,
  columns,
  rows,
}: {
  label: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <div className="calendar-import-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table" aria-label={label}>
        <TableHead columns={columns} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) => (
                <td key={columns[index]} dir="auto">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImportPreview({ preview, onDone }: { preview: Preview; onDone: () => void }) {
  const { reading, fresh, alreadyHere, inTrash, names } = preview;
  const [error, setError] = useState<string | null>(null);
  const add = useCommand(async () => {
    setError(null);
    try {
      const result = await repositories.sessions.planFromCalendar(reading.proposals);
      showToast({
        message:
          `Planned sessions from the calendar: ${result.added.length} added, ${result.alreadyHere} already there` +
          (result.inTrash ? `, ${result.inTrash} in the trash left there.` : '.'),
      });
      onDone();
    } catch (cause) {
      setError(`Nothing was added: ${errorMessage(cause)}`);
    }
  });
  return (
    <Dialog labelledBy="calendar-import-title" onClose={onDone}>
      <h2 id="calendar-import-title">Import planned sessions from {preview.fileName}</h2>
      <p className="muted">
        Events with a participant from today to {day(reading.window.to)} become planned one-to-one sessions, at your
        local time.
      </p>
      <p>
        <strong>{plural(fresh.length, 'new planned session')}</strong>
        {alreadyHere > 0 && `; ${plural(alreadyHere, 'is', 'are')} already in Followthrough and stay as they are`}
        {inTrash > 0 && `; ${plural(inTrash, 'is', 'are')} in the trash and are not brought back`}.
      </p>
      {reading.openEnded.map((series) => (
        <p key={series.title} className="notice">
          “{series.title}” repeats with no end date: only its sessions up to {day(series.until)} are proposed.
        </p>
      ))}
      {fresh.length > 0 && (
        <PreviewTable
          label="Sessions to add"
          columns={['Date', 'Time', 'Participant', 'Title', 'Length']}
          rows={fresh.map((proposal) => ({
            key: proposal.calendarEventId,
            cells: [
              day(proposal.date),
              proposal.startTime,
              names.get(proposal.participantId),
              proposal.title,
              proposal.durationMinutes ? formatMinutes(proposal.durationMinutes) : '—',
            ],
          }))}
        />
      )}
      {reading.skipped.length > 0 && (
        <>
          <h3>Left out ({reading.skipped.length})</h3>
          <PreviewTable
            label="Events left out"
            columns={['Event', 'When', 'Why']}
            rows={reading.skipped.map((line) => ({
              key: `${line.title}-${line.reason}-${line.date}-${line.startTime}`,
              cells: [line.title || <span className="muted">(no title)</span>, skipWhen(line), skipText(line)],
            }))}
          />
        </>
      )}
      {reading.outsideWindow > 0 && (
        <p className="muted">
          {plural(reading.outsideWindow, 'event falls', 'events fall')} before today or after {day(reading.window.to)}{' '}
          and {reading.outsideWindow === 1 ? 'is' : 'are'} left out.
        </p>
      )}
      {error && (
        <p className="notice warn" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" {...add.buttonProps}>
          {add.pending ? 'Adding…' : `Add ${plural(fresh.length, 'planned session')}`}
        </button>
        <button type="button" disabled={add.pending} onClick={onDone}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

function ImportProblem({ fileName, message, onDone }: { fileName: string; message: string; onDone: () => void }) {
  return (
    <Dialog labelledBy="calendar-import-title" onClose={onDone}>
      <h2 id="calendar-import-title">{fileName} was not imported</h2>
      <p role="alert">{message}</p>
      <div className="row">
        <button type="button" className="primary" onClick={onDone}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

export function ImportCalendarButton() {
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);
  const [opened, setOpened] = useState<Opened | null>(null);
  const close = () => setOpened(null);
  return (
    <>
      <button type="button" disabled={reading} onClick={() => input.current?.click()}>
        {reading ? 'Reading the calendar…' : 'Import calendar (.ics)…'}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".ics,text/calendar"
        aria-label="Calendar file to import"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          setReading(true);
          readChosenFile(file)
            .then(setOpened)
            .catch((cause: unknown) =>
              setOpened({
                kind: 'problem',
                fileName: file.name,
                message: `${file.name} could not be read: ${errorMessage(cause)}. Nothing was imported.`,
              }),
            )
            .finally(() => setReading(false));
        }}
      />
      {opened?.kind === 'problem' && (
        <ImportProblem fileName={opened.fileName} message={opened.message} onDone={close} />
      )}
      {opened?.kind === 'preview' && <ImportPreview preview={opened} onDone={close} />}
    </>
  );
}
