// The pilot targets of the program guide (section 6) and the red/amber/green rating of a value
// against them. A rating always travels with a text label, so colour is never the only signal.
export type Target =
  /** An absolute bar: on target at `value` or better, close from `closeFrom`. */
  | { kind: 'at-least'; value: number; closeFrom: number }
  /**
   * A change against the baseline period: +0.2 is "20% higher", -0.15 "15% lower". Until there is
   * a baseline, `untilBaseline` (when given) is the bar, so a poor value never reads as neutral.
   */
  | {
      kind: 'change-vs-baseline';
      change: number;
      ceiling?: number;
      untilBaseline?: { value: number; closeFrom: number };
    }
  | { kind: 'none' };

export const ratings = ['on-target', 'close', 'off-target', 'no-target', 'no-data', 'no-baseline'] as const;
export type Rating = (typeof ratings)[number];

export const ratingLabels: Record<Rating, string> = {
  'on-target': 'On target',
  close: 'Close to target',
  'off-target': 'Off target',
  'no-target': 'No pilot target',
  'no-data': 'Not enough data',
  'no-baseline': 'No baseline yet',
};

/** Red, amber, green or neutral: the colour that goes with a rating's label. */
export const ratingTone: Record<Rating, 'green' | 'amber' | 'red' | 'neutral'> = {
  'on-target': 'green',
  close: 'amber',
  'off-target': 'red',
  'no-target': 'neutral',
  'no-data': 'neutral',
  'no-baseline': 'neutral',
};

/** The value a measure should reach, when the target and (for relative targets) the baseline allow. */
export function goalValue(target: Target, baseline: number | null): number | null {
  if (target.kind === 'at-least') return target.value;
  if (target.kind === 'none') return null;
  if (baseline === null) return target.untilBaseline?.value ?? null;
  const goal = baseline * (1 + target.change);
  return target.ceiling === undefined ? goal : Math.min(goal, target.ceiling);
}

const rateAtLeast = (bar: { value: number; closeFrom: number }, value: number): Rating => {
  if (value >= bar.value) return 'on-target';
  return value >= bar.closeFrom ? 'close' : 'off-target';
};

export function rate(target: Target, value: number | null, baseline: number | null): Rating {
  if (target.kind === 'none') return 'no-target';
  if (value === null) return 'no-data';
  if (target.kind === 'at-least') return rateAtLeast(target, value);
  if (baseline === null && target.untilBaseline) return rateAtLeast(target.untilBaseline, value);
  const goal = goalValue(target, baseline);
  if (goal === null || baseline === null) return 'no-baseline';
  const atCeiling = target.ceiling !== undefined && baseline >= target.ceiling;
  if (target.change >= 0) {
    if (value >= goal && (value > baseline || atCeiling)) return 'on-target';
    return value >= baseline ? 'close' : 'off-target';
  }
  if (value <= goal && (value < baseline || baseline === 0)) return 'on-target';
  return value <= baseline ? 'close' : 'off-target';
}
