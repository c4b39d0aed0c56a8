import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { contractStatusLabels, formatCalendarDate } from '../../../shared/contract-rules';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import { EmptyState } from '../../components/empty-state';
import { runExport } from '../documents/run-export';
import { SaveIndicator } from '../../components/save-indicator';
import { navigate } from '../../navigation';
import { CommitmentsEditor } from './commitments-editor';
import { ContractDetails } from './contract-details';
import { ContractHistory } from './contract-history';
import { RaciEditor } from './raci-editor';
import { ReviewBadge } from './review-badge';
import { ReviewPanel } from './review-panel';
import { contractStatusTone, contractTitle } from './labels';
import { usePendingFocus } from './use-pending-focus';
import { useToday } from './use-today';
import { useCommand } from '../../components/use-command';

type Tab = 'contract' | 'history';

/** One contract: its details, commitments and RACI edited in place, its review, and its history. */
export function ContractEditor({ contractId }: { contractId: string }) {
  const today = useToday();
  const contracts = repositories.contracts;
  const contract = useLiveQuery(async () => (await contracts.get(contractId)) ?? null, [contractId]);
  const reviews = useLiveQuery(() => contracts.listReviews(contractId), [contractId]);
  const participants = useLiveQuery(() => repositories.participants.listActive(), []);
  const actions = useLiveQuery(
    async () => (contract ? contracts.actionsOfLeader(contract.participantId) : []),
    [contract?.participantId],
  );
  const [tab, setTab] = useState<Tab>('contract');
  const [error, setError] = useState<string | null>(null);
  const page = useRef<HTMLDivElement>(null);
  const focusSoon = usePendingFocus(page);
  const startReview = useCommand(async () => {
    try {
      await contracts.startReview(contractId);
      setTab('contract');
      focusSoon('.review-panel textarea');
    } catch (cause) {
      setError(errorMessage(cause));
    }
  });

  if (contract === null) {
    return (
      <EmptyState
        title="This contract is not here"
        action={
          <button type="button" onClick={() => navigate('contracts')}>
            All contracts
          </button>
        }
      >
        It may have been deleted, or the link is from another device.
      </EmptyState>
    );
  }
  if (!contract || !reviews || !participants || !actions) return null;

  const leader = participants.find((participant) => participant.id === contract.participantId);
  const leaderName = leader?.name ?? 'the leader';
  const openReview = reviews.find((review) => review.completedAt === null);
  const completedCount = reviews.length - (openReview ? 1 : 0);

  return (
    <div ref={page} className="contract-page">
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <a href="#/contracts">Contracts</a> · {leaderName}
          </p>
          <h1>{contractTitle(contract)}</h1>
          <div className="row contract-summary">
            <span className={`badge ${contractStatusTone[contract.status]}`}>
              {contractStatusLabels[contract.status]}
            </span>
            <span className="muted" data-testid="next-review">
              Next review {formatCalendarDate(contract.nextReviewDate)}
            </span>
            <ReviewBadge contract={contract} today={today} />
          </div>
        </div>
        <div className="row">
          <SaveIndicator />
          {leader && (
            <button
              type="button"
              onClick={() =>
                void runExport('The contract workbook', (deps, documents) =>
                  documents.exportContractWorkbook(contract, leader, deps),
                )
              }
            >
              Export workbook
            </button>
          )}
          {!openReview && (
            <button type="button" className="primary" {...startReview.buttonProps}>
              Start review
            </button>
          )}
        </div>
      </header>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="tabs" role="tablist" aria-label="Contract views">
        {(['contract', 'history'] as const).map((name) => (
          <button
            type="button"
            key={name}
            role="tab"
            id={`contract-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`contract-panel-${name}`}
            className="tab"
            onClick={() => setTab(name)}
          >
            {name === 'contract' ? 'Contract' : `History (${completedCount})`}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`contract-panel-${tab}`} aria-labelledby={`contract-tab-${tab}`} className="stack-lg">
        {tab === 'contract' ? (
          <>
            {openReview && (
              <ReviewPanel
                contract={contract}
                review={openReview}
                today={today}
                onCompleted={() => setTab('history')}
              />
            )}
            <ContractDetails contract={contract} participants={participants} />
            <CommitmentsEditor contract={contract} actions={actions} leaderName={leaderName} focusSoon={focusSoon} />
            <RaciEditor contract={contract} focusSoon={focusSoon} />
          </>
        ) : (
          <ContractHistory contract={contract} reviews={reviews} />
        )}
      </div>
    </div>
  );
}
