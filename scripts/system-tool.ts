// Makes sure a program the tests need is on this machine: uses the one found, installs Debian's
// package where it can (root with apt-get), and otherwise stops with one line saying how to get it.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

type SystemTool = {
  /** What the tests call it: "Chromium". */
  name: string;
  find: () => string | null;
  debianPackages: string[];
  /** The variable that names the program's path, when set it is used as is and never replaced. */
  pathVariable: string;
  needFor: string;
};

const canInstallWithApt = () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

export function ensureSystemTool(tool: SystemTool): void {
  if (!tool.find()) {
    if (process.env[tool.pathVariable] || !canInstallWithApt()) {
      console.error(
        `No ${tool.name} found: install one (Debian/Ubuntu: sudo apt-get install -y ${tool.debianPackages.join(' ')}) or set ${tool.pathVariable} to its executable.`,
      );
      process.exit(1);
    }
    console.log(`Installing Debian’s ${tool.debianPackages.join(' ')} for ${tool.needFor}…`);
    execSync(
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${tool.debianPackages.join(' ')}`,
      { stdio: 'inherit' },
    );
  }
  console.log(`${tool.name}: ${tool.find()}`);
}
