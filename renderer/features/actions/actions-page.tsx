import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { endOfWeek, format } from 'date-fns';
import { actionStatuses, type Action, type ActionStatus } from '../../../shared/model';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import type { BulkStatusResult } from '../../db/actions';
import { AddParticipantButton } from '../../components/add-participant-button';
import { EmptyState } from '../../components/empty-state';
import { showToast } from '../../components/toasts';
import { navigate } from '../../navigation';
import { actionStatusLabels } from '../labels';
import { DueAndStatusCells } from './due-and-status-cells';

type DueFilter = 'any' | 'overdue' | 'this-week' | 'none';
type Filters = { status: ActionStatus | 'unfinished' | 'all'; owner: string; participantId: string; due: DueFilter };

const PAGE_SIZE = 200;
const unfinished: ActionStatus[] = ['open', 'blocked'];

function matchesDue(action: Action, due: DueFilter, today: string, weekEnd: string): boolean {
  if (due === 'any') return true;
  if (due === 'none') return action.dueDate === null;
  if (!action.dueDate) return false;
  return due === 'overdue' ? action.dueDate < today : action.dueDate >= today && action.dueDate <= weekEnd;
}

const everyAction: Filters = { status: 'all', owner: '', participantId: '', due: 'any' };

const dueDescriptions: Record<DueFilter, string> = {
  any: '',
  overdue: 'overdue',
  'this-week': 'due this week',
  none: 'without a due date',
};

/** The filters in words: "open or blocked, owned by “Sam”, overdue". */
function describeFilters(filters: Filters, names: Map<string, string>): string {
  const status =
    filters.status === 'all'
      ? ''
      : filters.status === 'unfinished'
        ? 'open or blocked'
        : actionStatusLabels[filters.status].toLowerCase();
  return [
    status,
    filters.participantId && `from sessions with ${names.get(filters.participantId) ?? 'this participant'}`,
    filters.owner.trim() && `owned by “${filters.owner.trim()}”`,
    dueDescriptions[filters.due],
  ]
    .filter(Boolean)
    .join(', ');
}

export function ActionsPage() {
  const [filters, setFilters] = useState<Filters>({ status: 'unfinished', owner: '', participantId: '', due: 'any' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [limit, setLimit] = useState(PAGE_SIZE);
  const participants = useLiveQuery(() => repositories.participants.listActive(), []);
  const names = useMemo(() => new Map(participants?.map((p) => [p.id, p.name])), [participants]);
  const today = format(new Date(), 'yyyy-MM-dd');
  const weekEnd = format(endOfWeek(new Date(), { weekStartsOn: 1 }), 'yyyy-MM-dd');

  const actions = useLiveQuery(async () => {
    const statuses =
      filters.status === 'all' ? actionStatuses : filters.status === 'unfinished' ? unfinished : [filters.status];
    const owner = filters.owner.trim().toLowerCase();
    const matching = await repositories.actions.list({
      statuses,
      participantId: filters.participantId || undefined,
      where: (action) =>
        (!owner || action.owner.toLowerCase().includes(owner)) && matchesDue(action, filters.due, today, weekEnd),
    });
    return matching.sort(
      (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.createdAt - b.createdAt,
    );
  }, [filters, today, weekEnd]);

  const anyAction = useLiveQuery(() => repositories.actions.hasAny(), []);
  const shown = actions?.slice(0, limit);
  const set = (patch: Partial<Filters>) => {
    setFilters({ ...filters, ...patch });
    setSelected(new Set());
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  const markSelectedDone = async () => {
    try {
      const { moved, refused } = await repositories.actions.setStatusMany([...selected], 'done');
      // The refused stay ticked, so the coach sees which ones the toast is about.
      setSelected(new Set(refused.map((action) => action.id)));
      showToast({ message: bulkDoneMessage(moved, refused) });
    } catch (cause) {
      showToast({ message: `No action was marked done: ${errorMessage(cause)}` });
    }
  };

  return (
    <>
      <header className="page-header">
        <div>
          <p className="eyebrow">Across all participants</p>
          <h1>Actions</h1>
        </div>
        <button
          type="button"
          className="primary"
          disabled={selected.size === 0}
          onClick={() => void markSelectedDone()}
        >
          {selected.size ? `Mark ${selected.size} done` : 'Mark done'}
        </button>
      </header>
      <div className="filters" role="group" aria-label="Filters">
        <label>
          Status
          <select value={filters.status} onChange={(event) => set({ status: event.target.value as Filters['status'] })}>
            <option value="unfinished">Open or blocked</option>
            <option value="all">Any status</option>
            {actionStatuses.map((status) => (
              <option key={status} value={status}>
                {actionStatusLabels[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Due
          <select value={filters.due} onChange={(event) => set({ due: event.target.value as DueFilter })}>
            <option value="any">Any time</option>
            <option value="overdue">Overdue</option>
            <option value="this-week">This week</option>
            <option value="none">No due date</option>
          </select>
        </label>
        <label>
          Participant
          <select value={filters.participantId} onChange={(event) => set({ participantId: event.target.value })}>
            <option value="">Everyone</option>
            {participants?.map((participant) => (
              <option key={participant.id} value={participant.id}>
                {participant.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Owner
          <input
            dir="auto"
            autoComplete="off"
            value={filters.owner}
            placeholder="Any owner"
            onChange={(event) => set({ owner: event.target.value })}
          />
        </label>
      </div>
      {actions?.length === 0 && anyAction === false ? (
        <EmptyState
          title="No actions yet"
          action={
            participants?.length ? (
              <button type="button" className="primary" onClick={() => navigate('sessions', 'new')}>
                Start a session
              </button>
            ) : (
              <AddParticipantButton />
            )
          }
        >
          Actions agreed in sessions appear here with their owner, due date and how completion will be verified.
        </EmptyState>
      ) : actions?.length === 0 && anyAction ? (
        <EmptyState
          title="No actions match these filters"
          action={
            <button type="button" onClick={() => set(everyAction)}>
              Show every action
            </button>
          }
        >
          None of the actions logged so far is {describeFilters(filters, names)}.
        </EmptyState>
      ) : (
        <section className="card flush" aria-label="Action list">
          <table className="data-table">
            <thead>
              <tr>
                <th className="col-check">
                  <input
                    type="checkbox"
                    aria-label="Select all shown"
                    checked={!!shown?.length && shown.every((action) => selected.has(action.id))}
                    onChange={(event) =>
                      setSelected(event.target.checked ? new Set(shown?.map((a) => a.id)) : new Set())
                    }
                  />
                </th>
                <th>Action</th>
                <th>Owner</th>
                <th>Participant</th>
                <th>Due</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {shown?.map((action) => (
                <tr key={action.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select “${action.text}”`}
                      checked={selected.has(action.id)}
                      onChange={() => toggle(action.id)}
                    />
                  </td>
                  <td dir="auto">
                    {action.sessionId ? <a href={`#/sessions/${action.sessionId}`}>{action.text}</a> : action.text}
                    {action.isExperiment && <span className="badge accent inline">Experiment</span>}
                  </td>
                  <td dir="auto">{action.owner || '—'}</td>
                  <td dir="auto">{names.get(action.participantId) ?? '—'}</td>
                  <DueAndStatusCells action={action} today={today} />
                </tr>
              ))}
            </tbody>
          </table>
          {actions && actions.length > limit && (
            <div className="pad-sm">
              <button type="button" onClick={() => setLimit(limit + PAGE_SIZE)}>
                Show {Math.min(PAGE_SIZE, actions.length - limit)} more
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}

const countOf = (count: number) => `${count} ${count === 1 ? 'action' : 'actions'}`;

function bulkDoneMessage(moved: number, refused: BulkStatusResult['refused']): string {
  const done = `${countOf(moved)} marked done`;
  if (refused.length === 0) return done;
  const reasons = [...new Set(refused.map((action) => action.reason))].join('; ');
  return `${done}; ${countOf(refused.length)} could not be (still ticked): ${reasons}`;
}
