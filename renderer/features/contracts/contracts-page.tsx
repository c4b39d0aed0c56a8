import { ContractEditor } from './contract-editor';
import { ContractList } from './contract-list';
import { NewContractForm } from './new-contract-form';
import './contracts.css';

/** `#/contracts` lists the contracts, `#/contracts/new` starts one, `#/contracts/<id>` edits one. */
export function ContractsPage({ selectedId }: { selectedId: string | null }) {
  if (selectedId === 'new') return <NewContractForm />;
  if (selectedId) return <ContractEditor key={selectedId} contractId={selectedId} />;
  return <ContractList />;
}
