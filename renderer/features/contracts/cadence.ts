// A review cadence typed as text: a whole number of weeks from 1 to 52.
export function parseCadence(text: string): number {
  const weeks = Number(text.trim());
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
    throw new Error('Use a whole number of weeks from 1 to 52');
  }
  return weeks;
}
