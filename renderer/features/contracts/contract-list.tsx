import { useLiveQuery } from 'dexie-react-hooks';
import { contractStatusLabels, formatCalendarDate, warningCount } from '../../../shared/contract-rules';
import { repositories } from '../../db/instance';
import { EmptyState } from '../../components/empty-state';
import { navigate } from '../../navigation';
import { ReviewBadge } from './review-badge';
import { contractStatusTone, contractTitle } from './labels';
import { useToday } from './use-today';
import { TableHead } from '../../components/table-head';

/** Every contract with its leader, status and how close its next review is. */
export function ContractList() {
  const today = useToday();
  const contracts = useLiveQuery(() => repositories.contracts.list(), []);
  const participants = useLiveQuery(() => repositories.participants.listActive(), []);
  if (!contracts || !participants) return null;
  const leaderName = new Map(participants.map((participant) => [participant.id, participant.name]));
  const newContract = (
    <button type="button" className="primary" onClick={() => navigate('contracts', 'new')}>
      New contract
    </button>
  );

  return (
    <>
      <header className="page-header">
        <div>
          <p className="eyebrow">Commitments and decision rights</p>
          <h1>Contracts</h1>
        </div>
        {contracts.length > 0 && newContract}
      </header>
      {contracts.length === 0 ? (
        <EmptyState title="No accountability contracts" action={newContract}>
          A contract holds a team’s commitments with acceptance criteria and a RACI of the decisions it makes again and
          again. Review it every few weeks so it does not rot.
        </EmptyState>
      ) : (
        <section className="card flush" aria-label="Contract list">
          <table className="data-table contract-table">
            <TableHead
              columns={['Contract', 'Leader', 'Status', 'Next review', 'Commitments', 'Warnings']}
              numeric={['Commitments', 'Warnings']}
            />
            <tbody>
              {contracts.map((contract) => {
                const warnings = warningCount(contract);
                return (
                  <tr key={contract.id} className="clickable" onClick={() => navigate('contracts', contract.id)}>
                    <td>
                      <a href={`#/contracts/${contract.id}`} className="heading-link">
                        <strong dir="auto">{contractTitle(contract)}</strong>
                      </a>
                      <div className="muted" dir="auto">
                        {contract.team || 'No team yet'}
                      </div>
                    </td>
                    <td dir="auto">{leaderName.get(contract.participantId) ?? 'Unknown leader'}</td>
                    <td>
                      <span className={`badge ${contractStatusTone[contract.status]}`}>
                        {contractStatusLabels[contract.status]}
                      </span>
                    </td>
                    <td>
                      <div>{formatCalendarDate(contract.nextReviewDate)}</div>
                      <ReviewBadge contract={contract} today={today} />
                    </td>
                    <td className="numeric">{contract.commitments.length}</td>
                    <td className="numeric">
                      {warnings > 0 ? <span className="badge warn">{warnings}</span> : <span className="muted">–</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
