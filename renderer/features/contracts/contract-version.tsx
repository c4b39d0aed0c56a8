import type { ReactNode } from 'react';
import type { Contract } from '../../../shared/model';
import { commitmentStatusLabels, contractStatusLabels, formatCalendarDate } from '../../../shared/contract-rules';
import { alignedCells } from '../../../shared/contract-edits';
import type {
  ComparedCommitmentField,
  ComparedContractField,
  ContractDiff,
  RoleDiff,
} from '../../../shared/contract-diff';
import { commitmentStatusTone, contractTitle } from './labels';

type VersionSide = 'earlier' | 'current';
type Mark = 'changed' | 'added' | 'removed' | undefined;

const markText: Record<NonNullable<Mark>, string> = { changed: 'Changed', added: 'New', removed: 'Removed' };

/** The item's mark on this side: an addition shows on the current side, a removal on the earlier one. */
function itemMark(change: string | undefined, side: VersionSide): Mark {
  if (change === 'changed') return 'changed';
  if (change === 'added' && side === 'current') return 'added';
  if (change === 'removed' && side === 'earlier') return 'removed';
  return undefined;
}

function roleMark(role: RoleDiff | undefined, side: VersionSide): Mark {
  if (!role) return undefined;
  if (role.renamed) return 'changed';
  return itemMark(role.before === null ? 'added' : role.after === null ? 'removed' : 'same', side);
}

function Marked({ mark, children, className }: { mark: Mark; children: ReactNode; className?: string }) {
  return (
    <span className={className} data-diff={mark}>
      {children}
      {mark && <span className="visually-hidden"> ({markText[mark].toLowerCase()})</span>}
    </span>
  );
}

function Tag({ mark }: { mark: Mark }) {
  return mark ? <span className={`diff-tag diff-tag-${mark}`}>{markText[mark]}</span> : null;
}

/** One version of a contract, read-only, with what differs from the other side marked. */
export function ContractVersion({
  contract,
  diff,
  side,
  title,
  subtitle,
}: {
  contract: Contract;
  diff: ContractDiff;
  side: VersionSide;
  title: string;
  subtitle: string;
}) {
  const fieldMark = (field: ComparedContractField): Mark => (diff.fields.includes(field) ? 'changed' : undefined);
  const roleDiffs = contract.raci.roles.map((_, index) =>
    diff.roles.find((role) => (side === 'earlier' ? role.before : role.after) === index),
  );
  const fields: [string, ComparedContractField, string][] = [
    ['Title', 'title', contractTitle(contract)],
    ['Team', 'team', contract.team || '–'],
    ['Status', 'status', contractStatusLabels[contract.status]],
    ['Start date', 'startDate', formatCalendarDate(contract.startDate)],
    ['Review every', 'reviewCadenceWeeks', `${contract.reviewCadenceWeeks} weeks`],
    ['Next review', 'nextReviewDate', formatCalendarDate(contract.nextReviewDate)],
  ];

  return (
    <article className={`version version-${side}`} aria-label={title}>
      <header className="version-header">
        <h3>{title}</h3>
        <span className="muted">{subtitle}</span>
      </header>
      <dl className="version-fields">
        {fields.map(([label, field, value]) => (
          <div key={field}>
            <dt>{label}</dt>
            <dd>
              <Marked mark={fieldMark(field)}>{value}</Marked>
            </dd>
          </div>
        ))}
      </dl>

      <h4>Commitments</h4>
      {contract.commitments.length === 0 && <p className="muted">No commitments.</p>}
      <ol className="version-commitments">
        {contract.commitments.map((commitment) => {
          const change = diff.commitments[commitment.id];
          const mark = itemMark(change?.change, side);
          const fieldChanged = (field: ComparedCommitmentField): Mark =>
            change?.fields.includes(field) ? 'changed' : undefined;
          return (
            <li key={commitment.id} data-diff-item={mark}>
              <div className="version-commitment-head">
                <Marked mark={fieldChanged('text')} className="version-commitment-text">
                  <bdi>{commitment.text || 'Unnamed commitment'}</bdi>
                </Marked>
                <Tag mark={mark === 'changed' ? undefined : mark} />
                <Marked mark={fieldChanged('status')}>
                  <span className={`badge ${commitmentStatusTone[commitment.status]}`}>
                    {commitmentStatusLabels[commitment.status]}
                  </span>
                </Marked>
              </div>
              <div className="version-commitment-meta">
                <Marked mark={fieldChanged('owner')}>Owner: {commitment.owner || '–'}</Marked>
                {commitment.dueDate && (
                  <Marked mark={fieldChanged('dueDate')}>Due {formatCalendarDate(commitment.dueDate)}</Marked>
                )}
                <Marked mark={fieldChanged('reviewCadenceWeeks')}>Every {commitment.reviewCadenceWeeks} weeks</Marked>
              </div>
              <Marked mark={fieldChanged('acceptanceCriteria')} className="version-criteria">
                {commitment.acceptanceCriteria || 'No acceptance criteria'}
              </Marked>
            </li>
          );
        })}
      </ol>

      <h4>Decision rights</h4>
      {contract.raci.decisions.length === 0 ? (
        <p className="muted">No decisions.</p>
      ) : (
        <table className="raci raci-compact">
          <thead>
            <tr>
              <th>Decision</th>
              {contract.raci.roles.map((role, index) => {
                return (
                  <th key={index}>
                    <Marked mark={roleMark(roleDiffs[index], side)}>{role || `Role ${index + 1}`}</Marked>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {contract.raci.decisions.map((decision) => {
              const change = diff.decisions[decision.id];
              const mark = itemMark(change?.change, side);
              const changedCells = new Set(
                change?.cells.map((cell) => (side === 'earlier' ? cell.before : cell.after)),
              );
              return (
                <tr key={decision.id} data-diff-item={mark}>
                  <th scope="row">
                    <Marked mark={change?.renamed ? 'changed' : undefined}>
                      <bdi>{decision.name || 'Unnamed decision'}</bdi>
                    </Marked>
                    <Tag mark={mark === 'changed' ? undefined : mark} />
                  </th>
                  {alignedCells(contract.raci, decision).map((cell, index) => (
                    <td key={index} className="raci-cell">
                      <Marked mark={changedCells.has(index) ? 'changed' : undefined}>{cell || '·'}</Marked>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </article>
  );
}
