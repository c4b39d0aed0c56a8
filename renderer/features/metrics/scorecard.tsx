// The sponsor's glance: every measure now against its baseline and pilot target, with its rating.
import { measureCatalogue } from '../../../shared/metrics/catalogue';
import { formatValue } from '../../../shared/metrics/format';
import type { MeasureSummary } from '../../../shared/metrics/measure-summaries';
import { RatingBadge } from './rating-badge';

function Rows({ measures }: { measures: MeasureSummary[] }) {
  return measures.map((measure) => {
    const definition = measureCatalogue[measure.key];
    return (
      <tr key={measure.key} data-measure={measure.key}>
        <th scope="row">{definition.label}</th>
        <td className="number">{formatValue(definition.unit, measure.baseline)}</td>
        <td className="number strong">{formatValue(definition.unit, measure.value)}</td>
        <td>{definition.targetText}</td>
        <td>
          <RatingBadge rating={measure.rating} />
        </td>
      </tr>
    );
  });
}

export function Scorecard({ measures }: { measures: MeasureSummary[] }) {
  const group = (name: 'pilot' | 'coach') => measures.filter((measure) => measureCatalogue[measure.key].group === name);
  return (
    <section className="card flush" aria-labelledby="scorecard-title">
      <h2 id="scorecard-title" className="pad-sm scorecard-title">
        Scorecard
      </h2>
      <table className="scorecard">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="number">
              Baseline
            </th>
            <th scope="col" className="number">
              Now
            </th>
            <th scope="col">Pilot target (program guide)</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          <Rows measures={group('pilot')} />
        </tbody>
        <tbody>
          <tr className="scorecard-group">
            <th scope="rowgroup" colSpan={5}>
              Coach quality signals
            </th>
          </tr>
          <Rows measures={group('coach')} />
        </tbody>
      </table>
    </section>
  );
}
