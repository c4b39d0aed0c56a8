import { useEffect, useMemo, useRef, useState } from 'react';

export type Command = { id: string; label: string; hint?: string; run: () => void };

/** A keyboard-first list of commands, filtered as the coach types; Enter runs the first match. */
export function CommandPalette({ commands, onClose }: { commands: Command[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return commands.filter((command) => words.every((word) => command.label.toLowerCase().includes(word)));
  }, [commands, query]);

  useEffect(() => input.current?.focus(), []);

  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    command.run();
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
          ref={input}
          aria-label="Command"
          placeholder="Type a command…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setSelected(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onClose();
            else if (event.key === 'ArrowDown') setSelected((index) => Math.min(index + 1, matches.length - 1));
            else if (event.key === 'ArrowUp') setSelected((index) => Math.max(index - 1, 0));
            else if (event.key === 'Enter') run(matches[selected]);
            else return;
            event.preventDefault();
          }}
        />
        <ul role="listbox" aria-label="Commands">
          {matches.map((command, index) => (
            <li
              key={command.id}
              role="option"
              aria-selected={index === selected}
              onMouseEnter={() => setSelected(index)}
              onClick={() => run(command)}
            >
              <span>{command.label}</span>
              {command.hint && <kbd>{command.hint}</kbd>}
            </li>
          ))}
          {matches.length === 0 && <li className="muted">No command matches “{query}”</li>}
        </ul>
      </div>
    </div>
  );
}
