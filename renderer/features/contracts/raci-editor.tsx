import { useState, type KeyboardEvent } from 'react';
import type { Contract, RaciLetter } from '../../../shared/model';
import { raciLetterLabels, raciWarnings } from '../../../shared/contract-rules';
import { alignedCells } from '../../../shared/contract-edits';
import { repositories } from '../../db/instance';
import { AutosaveText } from '../../components/fields';
import { ConfirmButton } from '../../components/confirm-button';
import { MoveButtons } from '../../components/move-buttons';
import { gridCommand, nextLetter } from './raci-keys';
import { WarningNotes } from './warning-note';
import { useCommand } from '../../components/use-command';

type Active = { decisionId: string; col: number };

const cellSelector = (decisionId: string, col: number) => `[data-cell="${decisionId}:${col}"]`;
const roleSelector = (index: number) => `[data-role="${index}"] textarea`;
const decisionNameSelector = (decisionId: string) => `[data-decision-name="${decisionId}"] textarea`;
const toolSelector = (decisionId: string, tool: 'up' | 'down') =>
  `[data-decision-tools="${decisionId}"] [data-tool="${tool}"]`;

function RaciLetterMark({ letter }: { letter: RaciLetter | '' }) {
  if (!letter) return <span className="raci-empty" aria-hidden="true" />;
  return <span className={`raci-letter raci-${letter.toLowerCase()}`}>{letter}</span>;
}

/**
 * Page two of the contract: the decisions the team makes again and again, the roles as columns,
 * and one letter per cell. The letter cells form one keyboard grid with a single tab stop.
 */
export function RaciEditor({ contract, focusSoon }: { contract: Contract; focusSoon: (selector: string) => void }) {
  const { raci } = contract;
  const contracts = repositories.contracts;
  const [active, setActive] = useState<Active | null>(null);
  const warnings = raciWarnings(raci);
  const rows = raci.decisions.length;
  const cols = raci.roles.length;
  const activeRow = Math.max(
    0,
    raci.decisions.findIndex((decision) => decision.id === active?.decisionId),
  );
  const activeCol = Math.min(active?.col ?? 0, cols - 1);

  const focusCell = (row: number, col: number) => {
    const decision = raci.decisions[row];
    if (!decision || col < 0) return;
    setActive({ decisionId: decision.id, col });
    focusSoon(cellSelector(decision.id, col));
  };

  const addDecision = useCommand(async () => {
    const id = await contracts.addDecision(contract.id);
    focusSoon(decisionNameSelector(id));
  });

  const addRole = useCommand(async () => {
    await contracts.addRole(contract.id);
    focusSoon(roleSelector(cols));
  });

  const moveDecision = async (decisionId: string, offset: -1 | 1, selector: string) => {
    await contracts.moveDecision(contract.id, decisionId, offset);
    focusSoon(selector);
  };

  const onCellKey = (event: KeyboardEvent, row: number, col: number) => {
    const decision = raci.decisions[row];
    const cell = alignedCells(raci, decision)[col];
    const command = gridCommand(event, { row, col }, rows, cols, cell);
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'focus') focusCell(command.at.row, command.at.col);
    else if (command.kind === 'set') void contracts.setRaciCell(contract.id, decision.id, col, command.letter);
    else if (command.kind === 'reorder') void moveDecision(decision.id, command.offset, cellSelector(decision.id, col));
    else void addDecision.run();
  };

  const onRoleKey = (event: KeyboardEvent, index: number) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (index === cols - 1) void addRole.run();
    else focusSoon(roleSelector(index + 1));
  };

  const onDecisionNameKey = (event: KeyboardEvent, row: number) => {
    const decision = raci.decisions[row];
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      void moveDecision(decision.id, event.key === 'ArrowUp' ? -1 : 1, decisionNameSelector(decision.id));
    } else if (event.key === 'Enter' && cols > 0) {
      event.preventDefault();
      focusCell(row, 0);
    }
  };

  return (
    <section className="card" aria-label="Decision rights">
      <div className="section-title">
        <div>
          <h2>Decision rights (RACI)</h2>
          <p className="muted section-subtitle">
            The few decisions the team makes again and again. Each needs exactly one A and at least one R.
          </p>
        </div>
        <span className="muted">
          {rows} {rows === 1 ? 'decision' : 'decisions'} × {cols} {cols === 1 ? 'role' : 'roles'}
        </span>
      </div>
      {warnings.matrix.length > 0 && (
        <div className="notice warn">
          <WarningNotes messages={warnings.matrix} />
        </div>
      )}
      <div className="raci-scroll">
        <table className="raci" role="grid" aria-label="RACI">
          <thead>
            <tr>
              <th className="raci-decision-col">Decision</th>
              {raci.roles.map((role, index) => (
                <th key={index} className="raci-role" data-role={index}>
                  <div className="raci-role-head">
                    <AutosaveText
                      compact
                      wrap
                      label={`Role ${index + 1}`}
                      placeholder="Role"
                      stored={role}
                      save={(name) => contracts.renameRole(contract.id, index, name)}
                      onKeyDown={(event) => onRoleKey(event, index)}
                    />
                    <ConfirmButton
                      confirmLabel="Remove?"
                      onConfirm={() => void contracts.removeRole(contract.id, index)}
                    >
                      <span aria-label={`Remove role ${role || index + 1}`}>×</span>
                    </ConfirmButton>
                  </div>
                  <WarningNotes messages={warnings.roles[index]} />
                </th>
              ))}
              <th className="raci-tools-col">
                <span className="visually-hidden">Move or remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {raci.decisions.map((decision, row) => {
              const cells = alignedCells(raci, decision);
              const messages = warnings.decisions[decision.id] ?? [];
              const name = decision.name.trim() || `Decision ${row + 1}`;
              return (
                <tr key={decision.id} className={messages.length ? 'has-warning' : undefined}>
                  <th scope="row" className="raci-decision" data-decision-name={decision.id}>
                    <AutosaveText
                      compact
                      wrap
                      label={`Decision ${row + 1}`}
                      placeholder="Name the decision"
                      stored={decision.name}
                      save={(text) => contracts.renameDecision(contract.id, decision.id, text)}
                      onKeyDown={(event) => onDecisionNameKey(event, row)}
                    />
                    <WarningNotes messages={messages} />
                  </th>
                  {cells.map((cell, col) => (
                    <td
                      key={col}
                      role="gridcell"
                      className="raci-cell"
                      tabIndex={row === activeRow && col === activeCol ? 0 : -1}
                      data-cell={`${decision.id}:${col}`}
                      aria-label={`${name}, ${raci.roles[col].trim() || `role ${col + 1}`}: ${cell ? raciLetterLabels[cell] : 'empty'}`}
                      onFocus={() => setActive({ decisionId: decision.id, col })}
                      onKeyDown={(event) => onCellKey(event, row, col)}
                      onClick={() => void contracts.setRaciCell(contract.id, decision.id, col, nextLetter(cell))}
                    >
                      <RaciLetterMark letter={cell} />
                    </td>
                  ))}
                  <td className="raci-row-tools" data-decision-tools={decision.id}>
                    <MoveButtons
                      label={name}
                      isFirst={row === 0}
                      isLast={row === rows - 1}
                      onMove={(offset) =>
                        void moveDecision(decision.id, offset, toolSelector(decision.id, offset < 0 ? 'up' : 'down'))
                      }
                      marker="data-tool"
                    />
                    <ConfirmButton
                      confirmLabel="Remove?"
                      onConfirm={() => void contracts.removeDecision(contract.id, decision.id)}
                    >
                      <span aria-label={`Remove ${name}`}>×</span>
                    </ConfirmButton>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="raci-footer">
        <div className="row">
          <button type="button" {...addDecision.buttonProps}>
            + Add decision
          </button>
          <button type="button" {...addRole.buttonProps}>
            + Add role
          </button>
        </div>
        <p className="muted raci-legend">
          {Object.entries(raciLetterLabels).map(([letter, label]) => (
            <span key={letter}>
              <RaciLetterMark letter={letter as RaciLetter} /> {label}
            </span>
          ))}
          <span>
            Arrows move · type <kbd>R</kbd> <kbd>A</kbd> <kbd>C</kbd> <kbd>I</kbd> · <kbd>Del</kbd> clears ·{' '}
            <kbd>Space</kbd> cycles · <kbd>Alt ↑</kbd>/<kbd>Alt ↓</kbd> moves a decision
          </span>
        </p>
      </div>
    </section>
  );
}
