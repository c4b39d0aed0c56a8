import { useEffect, useMemo, useRef, useState } from 'react';
import type { SearchResultItem } from '../search/search-service';
import type { TextPiece } from '../search/highlight';
import { navigate } from '../navigation';
import { errorMessage } from '../../shared/result';

export type Command = { id: string; label: string; hint?: string; run: () => void };

type Entry = { key: string; group: string; label: string; excerpt?: TextPiece[]; hint?: string; run: () => void };

const groupTitles: Record<SearchResultItem['kind'], string> = {
  participant: 'Participants',
  session: 'Sessions',
  action: 'Actions',
  contract: 'Contracts',
  review: 'Contract reviews',
};

const loadSearch = () => import('../search/search-service');

function useSearch(query: string): { items: SearchResultItem[]; searching: boolean; error: string | null } {
  const [results, setResults] = useState<{ query: string; items: SearchResultItem[]; error: string | null }>({
    query: '',
    items: [],
    error: null,
  });
  useEffect(() => {
    if (!query.trim()) return;
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const { searchEverything } = await loadSearch();
        const items = await searchEverything(query);
        if (current) setResults({ query, items, error: null });
      } catch (error) {
        if (current) setResults({ query, items: [], error: `Search failed: ${errorMessage(error)}` });
      }
    }, 60);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  const active = query.trim() !== '';
  return {
    items: active && results.query ? results.items : [],
    searching: active && results.query !== query,
    error: active ? results.error : null,
  };
}

function Excerpt({ pieces }: { pieces: TextPiece[] }) {
  return (
    <span className="excerpt" dir="auto">
      {pieces.map((piece, index) =>
        piece.match ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>,
      )}
    </span>
  );
}

/** Commands and search in one box: type to filter commands and search notes, actions and people. */
export function CommandPalette({ commands, onClose }: { commands: Command[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const { items: found, searching, error } = useSearch(query);

  const entries = useMemo<Entry[]>(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const commandEntries = commands
      .filter((command) => words.every((word) => command.label.toLowerCase().includes(word)))
      .slice(0, words.length ? 4 : commands.length)
      .map((command) => ({
        key: command.id,
        group: 'Commands',
        label: command.label,
        hint: command.hint,
        run: command.run,
      }));
    const searchEntries = found.map((item) => ({
      key: `${item.kind}:${item.id}`,
      group: groupTitles[item.kind],
      label: item.title,
      excerpt: item.excerpt,
      run: async () => {
        const { targetOf } = await loadSearch();
        const target = await targetOf(item);
        navigate(target.section, target.id);
      },
    }));
    return [...commandEntries, ...searchEntries];
  }, [commands, found, query]);

  useEffect(() => input.current?.focus(), []);

  const run = (entry: Entry | undefined) => {
    if (!entry) return;
    onClose();
    void entry.run();
  };

  return (
    <div className="overlay" onMouseDown={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-label="Command palette"
        onMouseDown={(event) => event.stopPropagation()}
      >
        <input
          dir="auto"
          autoComplete="off"
          ref={input}
          aria-label="Search or run a command"
          placeholder="Search notes, actions, people and contracts, or type a command…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setSelected(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onClose();
            else if (event.key === 'ArrowDown') setSelected((index) => Math.min(index + 1, entries.length - 1));
            else if (event.key === 'ArrowUp') setSelected((index) => Math.max(index - 1, 0));
            else if (event.key === 'Enter') run(entries[selected]);
            else return;
            event.preventDefault();
          }}
        />
        <ul role="listbox" aria-label="Results" tabIndex={0}>
          {entries.map((entry, index) => (
            <li
              key={entry.key}
              role="option"
              aria-selected={index === selected}
              data-group={index === 0 || entries[index - 1].group !== entry.group ? entry.group : undefined}
              onMouseEnter={() => setSelected(index)}
              onClick={() => run(entry)}
            >
              <span className="entry-label">
                <span dir="auto">{entry.label}</span>
                {entry.excerpt && <Excerpt pieces={entry.excerpt} />}
              </span>
              {entry.hint && <kbd>{entry.hint}</kbd>}
            </li>
          ))}
          {error && <li className="field-error">{error}</li>}
          {searching && <li className="muted">Searching your notes…</li>}
          {!searching && !error && entries.length === 0 && query.trim() && (
            <li className="muted">Nothing matches “{query}”</li>
          )}
        </ul>
      </div>
    </div>
  );
}
