import type { Action, Contract } from '../../../shared/model';
import { repositories } from '../../db/instance';
import { useCommand } from '../../components/use-command';
import { CommitmentRow } from './commitment-row';

const FOCUSABLE = 'input, textarea, select, button';

/** Page one of the contract: the commitments, in the order the team reads them. */
export function CommitmentsEditor({
  contract,
  actions,
  leaderName,
  focusSoon,
}: {
  contract: Contract;
  actions: Action[];
  leaderName: string;
  focusSoon: (selector: string) => void;
}) {
  const add = useCommand(async () => {
    const commitment = await repositories.contracts.addCommitment(contract.id);
    focusSoon(`[data-commitment="${commitment.id}"] [data-field="text"] textarea`);
  });

  const move = async (commitmentId: string, offset: -1 | 1) => {
    const field = document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? 'text';
    await repositories.contracts.moveCommitment(contract.id, commitmentId, offset);
    const within = `[data-commitment="${commitmentId}"] [data-field="${field}"]`;
    focusSoon(field === 'up' || field === 'down' ? within : `${within} :is(${FOCUSABLE})`);
  };

  return (
    <section className="card" aria-label="Commitments">
      <div className="section-title">
        <div>
          <h2>Commitments</h2>
          <p className="muted section-subtitle">
            What the team commits to, who owns it, and how everyone will know it is met.
          </p>
        </div>
        <span className="muted">
          {contract.commitments.length} {contract.commitments.length === 1 ? 'commitment' : 'commitments'} ·{' '}
          <kbd>Alt ↑</kbd> <kbd>Alt ↓</kbd> reorder
        </span>
      </div>
      {contract.commitments.length > 0 ? (
        <ol className="commitment-list">
          {contract.commitments.map((commitment, index) => (
            <CommitmentRow
              key={commitment.id}
              contractId={contract.id}
              commitment={commitment}
              position={index + 1}
              count={contract.commitments.length}
              actions={actions}
              leaderName={leaderName}
              onMove={(offset) => void move(commitment.id, offset)}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">No commitments yet. Start with the two or three the team most needs to keep.</p>
      )}
      <div className="row">
        <button type="button" {...add.buttonProps}>
          + Add commitment
        </button>
      </div>
    </section>
  );
}
