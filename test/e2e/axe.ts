// Runs axe-core in the page and words what it finds, one line per offending element, so a failed
// check says which screen, which rule and where.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export type Finding = { screen: string; rule: string; impact: string; target: string; summary: string };

/** Every axe violation on the page as it is now. Injected through the debugger, which the app's
 * content security policy (no inline scripts) does not apply to. */
export async function axeFindings(page: Page, screen: string): Promise<Finding[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => ({
      screen,
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      target: node.target.join(' '),
      summary: node.failureSummary ?? '',
    })),
  );
}

export const isSerious = (finding: Finding) => finding.impact === 'serious' || finding.impact === 'critical';

export const describeFinding = (finding: Finding) =>
  `${finding.screen}: ${finding.rule} (${finding.impact}) at ${finding.target}: ${finding.summary}`;
