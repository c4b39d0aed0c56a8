// The program manager page: lists actions across the organisation's coaches through the hub's
// API, with filters, status changes (done, verified), comments and a CSV export. Plain DOM, no
// build step; every value from the hub is written as text, never as HTML.
const TOKEN_KEY = 'followthrough-hub.manager-token';
const PAGE = 200;

const statusLabels = { open: 'Open', blocked: 'Blocked', done: 'Done', verified: 'Verified', dropped: 'Dropped' };
/** The app's badge tones (renderer/features/labels.ts). */
const statusTones = { open: 'accent', blocked: 'danger', done: 'ok', verified: 'ok', dropped: '' };
const badge = (status) => element('span', { className: `badge ${statusTones[status]}` }, statusLabels[status]);

const $ = (id) => document.getElementById(id);

const state = { token: sessionStorage.getItem(TOKEN_KEY), actions: [], total: 0, expanded: new Set() };

class HubRequestError extends Error {}

async function hub(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: {
      Authorization: `Bearer ${state.token}`,
      ...(options.body ? { 'Content-Type': 'application/json' } : {}),
    },
  });
  if (response.status === 401) {
    signOut('That token is not valid (mistyped or revoked). Paste a current one.');
    throw new HubRequestError('Signed out');
  }
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new HubRequestError(body?.error?.message ?? `The hub answered ${response.status}`);
  }
  return response;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

function filterQuery() {
  const form = new FormData($('filters'));
  const query = new URLSearchParams();
  for (const name of ['coach', 'status', 'q', 'dueBefore']) {
    const value = String(form.get(name) ?? '').trim();
    if (value) query.set(name, value);
  }
  if (form.get('includeDeleted')) query.set('includeDeleted', 'true');
  return query;
}

const today = () => new Date().toISOString().slice(0, 10);
const formatDate = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function dueCell(action) {
  if (!action.dueDate) return element('td', { className: 'due muted' }, '—');
  const late = action.dueDate < today() && (action.status === 'open' || action.status === 'blocked');
  return element(
    'td',
    { className: late ? 'due late' : 'due' },
    action.dueDate,
    late ? element('span', { className: 'tag' }, 'overdue') : null,
  );
}

function participantName(action) {
  return action.participant.displayName ?? `Participant ${action.participant.ref}`;
}

function detailRow(action) {
  const history = element(
    'ol',
    { className: 'history' },
    ...action.history.map((entry) =>
      element(
        'li',
        {},
        badge(entry.status),
        ` ${formatDate(entry.at)} · ${entry.source === 'upstream' ? 'upstream' : 'coach'}`,
        entry.reason ? ` · ${entry.reason}` : '',
      ),
    ),
  );
  const notes = action.notes.map((note) =>
    note.kind === 'comment'
      ? element('li', {}, element('strong', {}, note.author), ` ${formatDate(note.at)}: `, note.text)
      : element('li', { className: 'conflict' }, `${formatDate(note.at)}: conflict. ${note.summary}.`),
  );
  return element(
    'tr',
    { className: 'details' },
    element(
      'td',
      { colspan: '6' },
      element(
        'div',
        { className: 'detail-grid' },
        element(
          'div',
          {},
          element('h3', {}, 'Status history'),
          element(
            'p',
            { className: 'muted small' },
            'In the order the hub received the changes; the last one is in force.',
          ),
          history,
        ),
        element(
          'div',
          {},
          element('h3', {}, 'Comments and conflicts'),
          notes.length
            ? element('ul', { className: 'notes' }, ...notes)
            : element('p', { className: 'muted' }, 'None yet.'),
          action.verification ? element('p', {}, element('strong', {}, 'Verification: '), action.verification) : null,
        ),
      ),
    ),
  );
}

function actionButtons(action) {
  const buttons = [];
  if (action.deletedAt === null && (action.status === 'open' || action.status === 'blocked')) {
    buttons.push(element('button', { type: 'button', onclick: () => openNote(action, 'done') }, 'Mark done'));
  }
  if (action.deletedAt === null && action.status === 'done') {
    buttons.push(element('button', { type: 'button', onclick: () => openNote(action, 'verified') }, 'Verify'));
  }
  buttons.push(element('button', { type: 'button', onclick: () => openNote(action, 'comment') }, 'Comment'));
  const open = state.expanded.has(action.id);
  buttons.push(
    element(
      'button',
      {
        type: 'button',
        className: 'link small',
        'aria-expanded': String(open),
        onclick: () => {
          if (open) state.expanded.delete(action.id);
          else state.expanded.add(action.id);
          render();
        },
      },
      open ? 'Hide history' : `History (${action.history.length + action.notes.length})`,
    ),
  );
  return element('td', {}, element('div', { className: 'buttons' }, ...buttons));
}

function render() {
  const rows = [];
  for (const action of state.actions) {
    rows.push(
      element(
        'tr',
        { className: action.deletedAt ? 'deleted' : '' },
        dueCell(action),
        element(
          'td',
          {},
          element('div', { className: 'action-text' }, action.text),
          element(
            'div',
            { className: 'muted small' },
            participantName(action),
            action.isExperiment ? ' · experiment' : '',
            action.deletedAt ? ' · deleted by the coach' : '',
          ),
        ),
        element('td', { className: 'coach' }, action.coach.name),
        element('td', {}, action.owner || element('span', { className: 'muted' }, '—')),
        element(
          'td',
          {},
          badge(action.status),
          action.status === 'blocked' && action.blockedReason
            ? element('div', { className: 'muted small' }, action.blockedReason)
            : null,
        ),
        actionButtons(action),
      ),
    );
    if (state.expanded.has(action.id)) rows.push(detailRow(action));
  }
  $('rows').replaceChildren(...rows);
  $('empty').hidden = state.actions.length > 0;
  $('more').hidden = state.actions.length >= state.total;
  const counts = Object.keys(statusLabels)
    .map((status) => [status, state.actions.filter((action) => action.status === status).length])
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${statusLabels[status].toLowerCase()}`);
  $('summary').textContent =
    `${state.total} action${state.total === 1 ? '' : 's'}${counts.length ? ` · shown: ${counts.join(', ')}` : ''}`;
}

async function load({ append = false } = {}) {
  const query = filterQuery();
  query.set('limit', String(PAGE));
  query.set('offset', String(append ? state.actions.length : 0));
  try {
    const response = await hub(`/v1/actions?${query}`);
    const page = await response.json();
    state.actions = append ? [...state.actions, ...page.actions] : page.actions;
    state.total = page.total;
    showError('');
    render();
  } catch (error) {
    if (!(error instanceof HubRequestError) || error.message !== 'Signed out') showError(error.message);
  }
}

/** Replaces one action in the list with the hub's answer, keeping the list's order. */
function replaceAction(updated) {
  state.actions = state.actions.map((action) =>
    action.id === updated.id ? { ...updated, coach: action.coach } : action,
  );
  render();
}

let noteTarget = null;

function openNote(action, kind) {
  noteTarget = { action, kind };
  const titles = { done: 'Mark done', verified: 'Mark verified', comment: 'Comment' };
  $('note-title').textContent = titles[kind];
  $('note-action').textContent = `${action.text} — ${participantName(action)}, coached by ${action.coach.name}`;
  $('note-label').textContent = kind === 'comment' ? 'Comment for the coach' : 'Note for the coach (optional)';
  $('note-submit').textContent = titles[kind];
  $('note-text').value = '';
  $('note-text').required = kind === 'comment';
  $('note-dialog').showModal();
}

async function submitNote() {
  if (!noteTarget) return;
  const { action, kind } = noteTarget;
  const text = $('note-text').value.trim();
  try {
    const response =
      kind === 'comment'
        ? await hub(`/v1/actions/${action.id}/comments`, { method: 'POST', body: JSON.stringify({ text }) })
        : await hub(`/v1/actions/${action.id}/status`, {
            method: 'POST',
            body: JSON.stringify(text ? { status: kind, note: text } : { status: kind }),
          });
    replaceAction(await response.json());
    showError('');
  } catch (error) {
    showError(error.message);
  }
}

async function exportCsv() {
  try {
    const response = await hub(`/v1/actions.csv?${filterQuery()}`);
    const url = URL.createObjectURL(await response.blob());
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'actions.csv';
    const link = element('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    showError(error.message);
  }
}

async function loadCoaches() {
  const response = await hub('/v1/coaches');
  const { coaches } = await response.json();
  $('f-coach').replaceChildren(
    element('option', { value: '' }, 'All coaches'),
    ...coaches.map((coach) => element('option', { value: coach.id }, coach.name)),
  );
}

async function signIn(token) {
  state.token = token;
  const response = await fetch('/v1/me', { headers: { Authorization: `Bearer ${token}` } });
  const body = await response.json().catch(() => null);
  if (!response.ok) return signOut(body?.error?.message ?? 'The hub refused this token');
  if (body.role !== 'manager') return signOut('That is a coach token. This page needs a program manager token.');
  sessionStorage.setItem(TOKEN_KEY, token);
  $('who').textContent = `${body.organisation.name} · signed in as ${body.tokenLabel}`;
  $('sign-in-error').hidden = true;
  $('sign-in').hidden = true;
  $('board').hidden = false;
  $('sign-out').hidden = false;
  await loadCoaches();
  await load();
}

function signOut(message = '') {
  state.token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  $('sign-in').hidden = false;
  $('board').hidden = true;
  $('sign-out').hidden = true;
  $('who').textContent = 'Followthrough hub';
  $('sign-in-error').textContent = message;
  $('sign-in-error').hidden = !message;
}

let searchTimer;
$('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn($('token').value.trim());
});
$('sign-out').addEventListener('click', () => signOut());
$('filters').addEventListener('submit', (event) => event.preventDefault());
$('filters').addEventListener('change', () => void load());
$('f-q').addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void load(), 250);
});
$('export').addEventListener('click', () => void exportCsv());
$('more').addEventListener('click', () => void load({ append: true }));
$('note-cancel').addEventListener('click', () => $('note-dialog').close());
$('note-form').addEventListener('submit', (event) => {
  if (noteTarget?.kind === 'comment' && !$('note-text').value.trim()) {
    event.preventDefault();
    return;
  }
  void submitNote();
});

if (state.token) void signIn(state.token);
