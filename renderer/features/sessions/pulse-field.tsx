import { memo } from 'react';
import type { Pulse } from '../../../shared/model';

const questions: { key: keyof Pulse; label: string }[] = [
  { key: 'preparation', label: 'Preparation' },
  { key: 'clarity', label: 'Clarity of next steps' },
  { key: 'documentedAction', label: 'Documented action' },
];

/** The 3-question 1:1 quality pulse, each scored 1–5; arrow keys move within a question. */
export const PulseField = memo(function PulseField({
  save,
  ...pulse
}: Pulse & {
  save: (question: keyof Pulse, score: number) => Promise<unknown>;
}) {
  return (
    <fieldset className="pulse">
      <legend>1:1 quality pulse</legend>
      {questions.map(({ key, label }) => (
        <div key={key} className="pulse-row" role="radiogroup" aria-label={label}>
          <span>{label}</span>
          <div className="pulse-scale">
            {[1, 2, 3, 4, 5].map((score) => (
              <label key={score} className="pulse-option">
                <input
                  type="radio"
                  name={key}
                  value={score}
                  checked={pulse[key] === score}
                  onChange={() => void save(key, score)}
                />
                <span>{score}</span>
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
});
