// Red, amber or green with a shape and a word, so the rating reads without colour.
import { ratingLabels, ratingTone, type Rating } from '../../../shared/metrics/targets';

const glyphs = {
  green: 'M5 12.5l4.5 4.5L19 7.5',
  amber: 'M12 4l9 16H3zM12 10v4M12 17.5v.5',
  red: 'M6 6l12 12M18 6L6 18',
  neutral: 'M6 12h12',
} as const;

export function RatingBadge({ rating }: { rating: Rating }) {
  const tone = ratingTone[rating];
  return (
    <span className={`rating rating-${tone}`}>
      <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d={glyphs[tone]}
          fill="none"
          stroke="currentColor"
          strokeWidth="2.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {ratingLabels[rating]}
    </span>
  );
}
