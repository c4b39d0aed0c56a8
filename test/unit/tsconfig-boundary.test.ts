// The compiler settings that keep each side to its own runtime: a planted use of a global the
// side does not have must fail to type-check, and the solution file must check every project.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The compiler's complaints about one planted file, checked with the settings of `config`. */
function diagnosticsOf(config: string, plantedPath: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, config),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`${config} could not be read`);
  const planted = join(root, plantedPath);
  const host = ts.createCompilerHost(parsed.options);
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) =>
    fileName === planted ? ts.createSourceFile(fileName, code, language) : readFromDisk(fileName, language, ...rest);
  host.fileExists = (fileName) => fileName === planted || ts.sys.fileExists(fileName);
  const options = { ...parsed.options, composite: false, incremental: false };
  const program = ts.createProgram({ rootNames: [planted], options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

const usesTheDom = 'export const title = (): string => document.title;\n';

describe('the runtime boundaries the compiler enforces', () => {
  it.each([
    ['tsconfig.shared.json', 'shared/planted.ts'],
    ['tsconfig.node.json', 'electron/planted.ts'],
    ['tsconfig.node.json', 'server/planted.ts'],
  ])('%s refuses the DOM in %s', (config, file) => {
    expect(diagnosticsOf(config, file, usesTheDom).join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('refuses Node in shared code', () => {
    const code = 'export const here = (): string => process.cwd();\n';
    expect(diagnosticsOf('tsconfig.shared.json', 'shared/planted.ts', code).join('\n')).toMatch(
      /Cannot find name 'process'/,
    );
  });

  it('lets the renderer use the DOM', () => {
    expect(diagnosticsOf('tsconfig.web.json', 'renderer/planted.ts', usesTheDom)).toEqual([]);
  });

  it('checks every project from the root solution file, which is what the typecheck script builds', () => {
    const projects = readdirSync(root).filter(
      (name) => /^tsconfig\.\w+\.json$/.test(name) && name !== 'tsconfig.base.json',
    );
    const solution = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config as {
      references: { path: string }[];
    };
    expect(solution.references.map((reference) => reference.path.replace('./', '')).sort()).toEqual(projects.sort());
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.typecheck).toBe('tsc -b');
  });
});
