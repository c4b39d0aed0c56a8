// Makes sure a Chromium exists for the e2e tests: uses $CHROMIUM_PATH or the system one, installs
// Debian's package where it can (root with apt-get), and otherwise fails with one clear line.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium';

function canInstallWithApt(): boolean {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

if (!findChromium()) {
  if (process.env.CHROMIUM_PATH || !canInstallWithApt()) {
    console.error(
      'No Chromium found: install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to its executable.',
    );
    process.exit(1);
  }
  console.log('Installing Debian’s chromium for the browser tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
}
console.log(`Chromium: ${findChromium()}`);
