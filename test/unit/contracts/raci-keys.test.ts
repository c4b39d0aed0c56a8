// The RACI grid's keyboard: arrows move within the grid, letters set, Delete clears, Space
// cycles, Enter goes down (adding a decision from the last row), Alt+arrows reorder.
import { describe, expect, it } from 'vitest';
import { gridCommand, nextLetter, type GridKey } from '../../../renderer/features/contracts/raci-keys';

const key = (name: string, modifiers: Partial<GridKey> = {}): GridKey => ({
  key: name,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});
const middle = { row: 2, col: 1 };
const command = (pressed: GridKey, at = middle, cell: '' | 'R' | 'A' | 'C' | 'I' = '') =>
  gridCommand(pressed, at, 6, 4, cell);

describe('RACI grid keys', () => {
  it('moves with the arrows and stops at the edges', () => {
    expect(command(key('ArrowUp'))).toEqual({ kind: 'focus', at: { row: 1, col: 1 } });
    expect(command(key('ArrowRight'))).toEqual({ kind: 'focus', at: { row: 2, col: 2 } });
    expect(command(key('ArrowLeft'), { row: 0, col: 0 })).toEqual({ kind: 'focus', at: { row: 0, col: 0 } });
    expect(command(key('ArrowDown'), { row: 5, col: 3 })).toEqual({ kind: 'focus', at: { row: 5, col: 3 } });
    expect(command(key('End'))).toEqual({ kind: 'focus', at: { row: 2, col: 3 } });
    expect(command(key('Home', { ctrlKey: true }))).toEqual({ kind: 'focus', at: { row: 0, col: 0 } });
  });

  it('sets a letter typed in either case, and clears with Delete or Backspace', () => {
    for (const letter of ['r', 'A', 'c', 'I']) {
      expect(command(key(letter))).toEqual({ kind: 'set', letter: letter.toUpperCase() });
    }
    expect(command(key('Delete'), middle, 'A')).toEqual({ kind: 'set', letter: '' });
    expect(command(key('Backspace'), middle, 'A')).toEqual({ kind: 'set', letter: '' });
    expect(command(key('x'))).toBeNull();
    expect(command(key('r', { ctrlKey: true }))).toBeNull();
  });

  it('cycles with Space through every letter and back to empty', () => {
    const seen = [];
    let cell: '' | 'R' | 'A' | 'C' | 'I' = '';
    for (let step = 0; step < 5; step++) {
      cell = nextLetter(cell);
      seen.push(cell);
    }
    expect(seen).toEqual(['R', 'A', 'C', 'I', '']);
    expect(command(key(' '), middle, 'A')).toEqual({ kind: 'set', letter: 'C' });
  });

  it('goes down with Enter, and adds a decision from the last row', () => {
    expect(command(key('Enter'))).toEqual({ kind: 'focus', at: { row: 3, col: 1 } });
    expect(command(key('Enter'), { row: 5, col: 2 })).toEqual({ kind: 'add-decision' });
  });

  it('reorders the decision with Alt+Up and Alt+Down', () => {
    expect(command(key('ArrowUp', { altKey: true }))).toEqual({ kind: 'reorder', offset: -1 });
    expect(command(key('ArrowDown', { altKey: true }))).toEqual({ kind: 'reorder', offset: 1 });
    expect(command(key('r', { altKey: true }))).toBeNull();
  });
});
