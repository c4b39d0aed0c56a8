import { describe, expect, it } from 'vitest';
import { textDirection } from '../../../shared/text-direction';

describe('the direction of a field from its text', () => {
  it('follows the first letter, as dir="auto" does', () => {
    expect(textDirection('Weekly review')).toBe('ltr');
    expect(textDirection('לקבוע פגישת OKR review עם הצוות')).toBe('rtl');
    expect(textDirection('OKR review עם הצוות')).toBe('ltr');
    expect(textDirection('- [ ] 3. مرحبا بالفريق')).toBe('rtl');
    expect(textDirection('12:30 — ܫܠܡܐ')).toBe('rtl');
    expect(textDirection('Ελληνικά')).toBe('ltr');
  });

  it('leaves a field without a letter yet to the browser', () => {
    expect(textDirection('')).toBe('auto');
    expect(textDirection('2026-12-07 · 45')).toBe('auto');
  });

  it('reads only up to the first letter of a long transcript', () => {
    const transcript = `Speaker 1: ${'שלום '.repeat(400_000)}`;
    expect(textDirection(transcript)).toBe('ltr');
    expect(textDirection(`00:00 ${transcript.slice(11)}`)).toBe('rtl');
  });
});
