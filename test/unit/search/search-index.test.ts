import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { participantWithSession } from '../db/test-database';
import { searchPerTest } from './search-per-test';
import { highlight } from '../../../renderer/search/highlight';

const { openDatabase, indexOver } = searchPerTest();

async function setup() {
  const opened = openDatabase();
  const amara = { name: 'Amara Okafor', role: 'Head of Operations' };
  const { participant, session } = await participantWithSession(opened.repos, amara);
  return { ...opened, participant, session, index: indexOver(opened.db) };
}

describe('the search index', () => {
  it('finds sessions by a word from Reality, actions by their text and people by name', async () => {
    const { repos, session, participant, index } = await setup();
    await repos.sessions.update(session.id, { reality: 'Escalations bypass the triage RACI every week' });
    await repos.actions.add({ participantId: participant.id, sessionId: session.id, text: 'Publish the triage RACI' });
    expect((await index.search('bypass')).map((hit) => [hit.kind, hit.recordId])).toEqual([['session', session.id]]);
    expect((await index.search('triage')).map((hit) => hit.kind).sort()).toEqual(['action', 'session']);
    expect((await index.search('okafor')).map((hit) => hit.kind)).toEqual(['participant']);
    expect((await index.search('escal')).map((hit) => hit.kind)).toEqual(['session']);
    expect(await index.search('escalations nowhere')).toEqual([]);
    expect(await index.search('   ')).toEqual([]);
  });

  it('follows edits and deletions made after it was built, without rebuilding', async () => {
    const { repos, session, clock, index } = await setup();
    await repos.sessions.update(session.id, { notes: 'budget conversation' });
    expect(await index.search('budget')).toHaveLength(1);

    clock.advance(1_000);
    await repos.sessions.update(session.id, { notes: 'hiring conversation' });
    expect(await index.search('budget')).toHaveLength(0);
    expect(await index.search('hiring')).toHaveLength(1);

    clock.advance(1_000);
    await repos.trash.deleteSession(session.id);
    expect(await index.search('hiring')).toHaveLength(0);
  });

  it('builds in short reads that let a write through, and takes in what that write changed', async () => {
    const { db, repos, participant, session, clock, index } = await setup();
    await repos.actions.addMany(
      Array.from({ length: 2_000 }, (_, number) => ({ participantId: participant.id, text: `Follow-up ${number}` })),
    );
    const finished: string[] = [];
    // The write goes in once the build has begun reading actions, with 20 pages of them still to read.
    let buildReadAnAction: () => void = () => undefined;
    const buildReadingActions = new Promise<void>((resolve) => (buildReadAnAction = resolve));
    const onRead = (action: unknown) => {
      buildReadAnAction();
      return action;
    };
    db.actions.hook('reading', onRead);
    const building = index.search('follow').then(() => finished.push('index built'));
    await buildReadingActions;
    db.actions.hook('reading').unsubscribe(onRead);
    clock.advance(1_000);
    await repos.sessions.update(session.id, { notes: 'written while the index was being built' });
    finished.push('autosave written');
    await building;
    expect(finished).toEqual(['autosave written', 'index built']);
    expect(await index.search('written')).toHaveLength(1);
  });

  it('handles concurrent searches without indexing a record twice', async () => {
    const { repos, session, index } = await setup();
    await repos.sessions.update(session.id, { goal: 'Sharper one-to-ones' });
    const results = await Promise.all(['sharper', 'sharp', 'one'].map((query) => index.search(query)));
    expect(results.map((hits) => hits.length)).toEqual([1, 1, 1]);
  });
});

describe('highlight', () => {
  it('marks the words that start with a query term, case-insensitively', () => {
    const pieces = highlight('Standups drift; Escalations bypass the RACI', ['escal', 'the']);
    expect(pieces.filter((piece) => piece.match).map((piece) => piece.text)).toEqual(['Escalations', 'the']);
    expect(pieces.map((piece) => piece.text).join('')).toBe('Standups drift; Escalations bypass the RACI');
  });

  it('keeps every character of the excerpt, markup included, as plain text pieces', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 100 }),
        fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 3 }),
        (text, terms) => {
          const joined = highlight(text, terms, 1000)
            .map((piece) => piece.text)
            .join('');
          expect(joined).toBe(text.replace(/\s+/g, ' ').slice(0, 2000));
        },
      ),
    );
  });
});
