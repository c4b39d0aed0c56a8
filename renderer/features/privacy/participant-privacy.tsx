// The participant page's "Consent and data" card: the three consent choices (each change logged
// with its date), the consent history, exporting the participant's data, and erasing them.
import { useState, type ReactNode } from 'react';
import { CheckField } from '../../components/fields';
import { useLiveQuery } from 'dexie-react-hooks';
import { format } from 'date-fns';
import type { Consent, Participant } from '../../../shared/model';
import { errorMessage } from '../../../shared/result';
// eslint-disable-next-line no-restricted-imports -- handed to consent and erasure (renderer/privacy), which own these writes
import { database } from '../../db/instance';
import { systemClock } from '../../db/write';
import { navigate } from '../../navigation';
import { platform } from '../../platform';
import { showToast } from '../../components/toasts';
import { changeConsent, consentHistory, describeChange } from '../../privacy/consent';
import { eraseParticipant } from '../../privacy/erase-participant';
import { sessionPrivateFieldsText } from '../../privacy/private-fields';
import { showBackupsProgress, showErasureReport } from './erasure-report-host';
import { exportParticipantData } from './run-participant-export';
import './privacy.css';
import { FormInput } from '../../components/form-input';

type Question<T> = { label: string; hint: string; choices: { value: T; label: string }[] };

const questions: { [K in keyof Consent]: Question<Consent[K]> } = {
  keepNotes: {
    label: 'Notes may be kept',
    hint: 'No: each session’s private notes are removed 30 days after it.',
    choices: [
      { value: true, label: 'Yes' },
      { value: false, label: 'No' },
    ],
  },
  shareActions: {
    label: 'Action items shared upstream',
    hint: 'Under a pseudonym, the upstream sees a code instead of their name; not at all holds them back.',
    choices: [
      { value: 'named', label: 'With their name' },
      { value: 'pseudonymous', label: 'Under a pseudonym' },
      { value: 'none', label: 'Not at all' },
    ],
  },
  aiProcessing: {
    label: 'AI processing',
    hint: 'No AI feature exists yet; the choice is recorded for when one does.',
    choices: [
      { value: false, label: 'Not allowed' },
      { value: true, label: 'Allowed' },
    ],
  },
};

export function ConsentChoice<K extends keyof Consent>({
  field,
  consent,
  onChange,
}: {
  field: K;
  consent: Consent;
  onChange: (patch: Partial<Consent>) => void;
}) {
  const { label, hint, choices } = questions[field] as Question<Consent[K]>;
  const name = `consent-${field}`;
  return (
    <div className="consent-choice">
      <span className="consent-label" id={`${name}-label`}>
        {label}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={`${name}-label`}>
        {choices.map((choice) => (
          <label key={String(choice.value)} className={consent[field] === choice.value ? 'selected' : undefined}>
            <input
              type="radio"
              name={name}
              checked={consent[field] === choice.value}
              onChange={() => onChange({ [field]: choice.value })}
            />
            {choice.label}
          </label>
        ))}
      </div>
      <p className="field-hint">{hint}</p>
    </div>
  );
}

function ExportPanel({ participant, onClose }: { participant: Participant; onClose: () => void }) {
  const [includePrivate, setIncludePrivate] = useState(false);
  const [working, setWorking] = useState(false);
  return (
    <div className="privacy-panel stack">
      <h3>
        Export <bdi>{participant.name}</bdi>’s data
      </h3>
      <p className="muted">
        One .zip with everything Followthrough holds about them as JSON, and a Word document of their sessions: the
        session summaries, or the GROW checklists when private notes are included.
      </p>
      <CheckField checked={includePrivate} onChange={setIncludePrivate}>
        Include private notes in this export: each session’s {sessionPrivateFieldsText}, and the participant notes
      </CheckField>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={working}
          onClick={() => {
            setWorking(true);
            // The export reports its own failures, so this promise never rejects.
            void exportParticipantData(participant.id, participant.name, includePrivate).then(() => {
              setWorking(false);
              onClose();
            });
          }}
        >
          {working ? 'Exporting…' : 'Export…'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The automatic backups rewritten without the participant, loaded when an erasure needs it. */
async function removeFromBackups(participantId: string) {
  const [{ eraseFromBackups }, { appBackupDeps }] = await Promise.all([
    import('../../privacy/erase-from-backups'),
    import('./backup-deps'),
  ]);
  return eraseFromBackups(participantId, {
    platform,
    keys: appBackupDeps.keys,
    encode: appBackupDeps.encode,
    keyring: database.keyring,
    onProgress: (done, of) => showBackupsProgress({ done, of }),
  });
}

function ErasePanel({ participant, onClose }: { participant: Participant; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim() === participant.name.trim();
  return (
    <div className="privacy-panel danger-panel stack">
      <h3>
        Erase <bdi>{participant.name}</bdi> everywhere
      </h3>
      <p>
        This removes them and all their sessions, actions, contracts, consent history and waiting sync changes from this
        device, and their entries from search. It cannot be undone. Export their data first if they asked for a copy.
      </p>
      <FormInput label="Type their name to confirm" autoComplete="off" value={typed} onValue={setTyped} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="danger"
          disabled={!matches}
          onClick={() => {
            eraseParticipant(database, participant.id, Date.now())
              .then((report) => {
                navigate('participants');
                if (!report) return;
                showErasureReport(report);
                void removeFromBackups(participant.id).then(showBackupsProgress);
              })
              .catch((cause: unknown) => setError(`Nothing was erased: ${errorMessage(cause)}`));
          }}
        >
          Erase everywhere
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ConsentHistory({ participantId }: { participantId: string }) {
  const history = useLiveQuery(() => consentHistory(database, participantId), [participantId]);
  if (!history) return null;
  return (
    <details className="consent-history">
      <summary>
        Consent history ({history.length === 0 ? 'unchanged since added' : `${history.length} recorded`})
      </summary>
      {history.length === 0 ? (
        <p className="muted">The consent above has not changed since this participant was added.</p>
      ) : (
        <ol className="plain-list">
          {history.map((entry) => (
            <li key={entry.id}>
              <span>
                {describeChange(entry).map((line) => (
                  <span key={line} className="consent-line">
                    {line}
                  </span>
                ))}
              </span>
              <span className="muted">
                {entry.previous ? '' : 'Recorded '}
                {format(entry.at, 'd MMM yyyy, HH:mm')}
              </span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

export function ParticipantPrivacy({ participant }: { participant: Participant }) {
  const [panel, setPanel] = useState<'export' | 'erase' | null>(null);
  const { consent } = participant;
  const change = async (patch: Partial<Consent>) => {
    try {
      await changeConsent(database, participant.id, patch, systemClock);
    } catch (error) {
      showToast({ message: `The consent was not changed: ${errorMessage(error)}` });
    }
  };
  let open: ReactNode = null;
  if (panel === 'export') open = <ExportPanel participant={participant} onClose={() => setPanel(null)} />;
  if (panel === 'erase') open = <ErasePanel participant={participant} onClose={() => setPanel(null)} />;
  return (
    <section className="card stack" aria-label="Consent and data">
      <h2>Consent and data</h2>
      <div className="consent-grid">
        {(Object.keys(questions) as (keyof Consent)[]).map((field) => (
          <ConsentChoice key={field} field={field} consent={consent} onChange={(patch) => void change(patch)} />
        ))}
      </div>
      <ConsentHistory participantId={participant.id} />
      {open ?? (
        <div className="row">
          <button type="button" onClick={() => setPanel('export')}>
            Export their data…
          </button>
          <button type="button" className="danger" onClick={() => setPanel('erase')}>
            Erase everywhere…
          </button>
        </div>
      )}
    </section>
  );
}
