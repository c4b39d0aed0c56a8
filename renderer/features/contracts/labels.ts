// How contract values read on screen, and the options of the contract's select fields.
import { format } from 'date-fns';
import { commitmentStatusLabels, contractStatusLabels } from '../../../shared/contract-rules';
import { commitmentStatuses, contractStatuses, type Commitment, type Contract } from '../../../shared/model';

export const contractStatusOptions = contractStatuses.map((status) => ({
  value: status,
  label: contractStatusLabels[status],
}));

export const commitmentStatusOptions = commitmentStatuses.map((status) => ({
  value: status,
  label: commitmentStatusLabels[status],
}));

export const contractStatusTone: Record<Contract['status'], string> = {
  draft: '',
  active: 'ok',
  'under-review': 'accent',
  retired: '',
};

export const commitmentStatusTone: Record<Commitment['status'], string> = {
  'on-track': 'ok',
  'at-risk': 'warn',
  missed: 'danger',
  met: 'accent',
};

export const contractTitle = (contract: Pick<Contract, 'title'>) => contract.title.trim() || 'Untitled contract';

/** The coach's local date and time of a timestamp: "12 Nov 2026, 14:02". */
export const formatMoment = (timestamp: number) => format(timestamp, 'd MMM yyyy, HH:mm');
