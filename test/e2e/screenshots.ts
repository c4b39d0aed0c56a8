import { mkdirSync } from 'node:fs';

/** Where e2e tests leave screenshots for a person to look at (ignored by git). */
export const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });
