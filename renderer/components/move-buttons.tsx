/**
 * The ↑ and ↓ buttons that move an item of an ordered list one place, as Alt+↑ and Alt+↓ do from
 * the keyboard. `marker` names the attribute that carries "up" or "down", so the list can put the
 * focus back on the same button once the item has moved.
 */
export function MoveButtons({
  label,
  isFirst,
  isLast,
  onMove,
  marker,
}: {
  /** What moves, as the buttons' names say it: "Move {label} up". */
  label: string;
  isFirst: boolean;
  isLast: boolean;
  onMove: (offset: -1 | 1) => void;
  marker: 'data-field' | 'data-tool';
}) {
  const moves = [
    { direction: 'up', offset: -1, arrow: '↑', disabled: isFirst },
    { direction: 'down', offset: 1, arrow: '↓', disabled: isLast },
  ] as const;
  return moves.map(({ direction, offset, arrow, disabled }) => (
    <button
      key={direction}
      type="button"
      className="icon-button"
      {...{ [marker]: direction }}
      aria-label={`Move ${label} ${direction}`}
      title={`Move ${direction} (Alt+${arrow})`}
      disabled={disabled}
      onClick={() => onMove(offset)}
    >
      {arrow}
    </button>
  ));
}
