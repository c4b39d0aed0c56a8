// Makes sure a Chromium exists for the e2e tests: $CHROMIUM_PATH or the system one, else Debian's.
import { findChromium } from './find-chromium';
import { ensureSystemTool } from './system-tool';

ensureSystemTool({
  name: 'Chromium',
  find: findChromium,
  debianPackages: ['chromium'],
  pathVariable: 'CHROMIUM_PATH',
  needFor: 'the browser tests',
});
