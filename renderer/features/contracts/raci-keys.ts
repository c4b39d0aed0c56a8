// What a key press means on the RACI grid, kept apart from the component so it can be tested:
// arrows move, R/A/C/I set the cell, Delete or Backspace clears it, Space cycles through the
// letters, Enter goes down a row (adding a decision below the last), Alt+Up/Down moves the row.
import { raciLetters, type RaciLetter } from '../../../shared/model';

type GridPosition = { row: number; col: number };
export type GridKey = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>;

type GridCommand =
  | { kind: 'focus'; at: GridPosition }
  | { kind: 'set'; letter: RaciLetter | '' }
  | { kind: 'reorder'; offset: -1 | 1 }
  | { kind: 'add-decision' };

const cycle: readonly (RaciLetter | '')[] = ['', ...raciLetters];

export function nextLetter(cell: RaciLetter | ''): RaciLetter | '' {
  return cycle[(cycle.indexOf(cell) + 1) % cycle.length];
}

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);

/** The command for `key` on the cell at `at` of a grid `rows` × `cols`; null leaves the key alone. */
export function gridCommand(
  key: GridKey,
  at: GridPosition,
  rows: number,
  cols: number,
  cell: RaciLetter | '',
): GridCommand | null {
  const focus = (row: number, col: number): GridCommand => ({
    kind: 'focus',
    at: { row: clamp(row, rows - 1), col: clamp(col, cols - 1) },
  });
  if (key.metaKey || (key.ctrlKey && key.key !== 'Home' && key.key !== 'End')) return null;
  if (key.altKey) {
    if (key.key === 'ArrowUp') return { kind: 'reorder', offset: -1 };
    if (key.key === 'ArrowDown') return { kind: 'reorder', offset: 1 };
    return null;
  }
  switch (key.key) {
    case 'ArrowUp':
      return focus(at.row - 1, at.col);
    case 'ArrowDown':
      return focus(at.row + 1, at.col);
    case 'ArrowLeft':
      return focus(at.row, at.col - 1);
    case 'ArrowRight':
      return focus(at.row, at.col + 1);
    case 'Home':
      return key.ctrlKey ? focus(0, 0) : focus(at.row, 0);
    case 'End':
      return key.ctrlKey ? focus(rows - 1, cols - 1) : focus(at.row, cols - 1);
    case 'Delete':
    case 'Backspace':
      return { kind: 'set', letter: '' };
    case ' ':
      return { kind: 'set', letter: nextLetter(cell) };
    case 'Enter':
      return at.row === rows - 1 ? { kind: 'add-decision' } : focus(at.row + 1, at.col);
  }
  const letter = raciLetters.find((candidate) => candidate === key.key.toUpperCase());
  return letter ? { kind: 'set', letter } : null;
}
