// docx and exceljs weigh hundreds of kilobytes: the renderer may load them only when a coach
// exports, with `await import(...)`, never with a static import that runs at start-up.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rendererDir = fileURLToPath(new URL('../../../renderer', import.meta.url));
const staticImport =
  /^\s*import\s+(?!type\b)[^;]*?\bfrom\s+['"](docx|exceljs)['"]|^\s*import\s+['"](docx|exceljs)['"]/m;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('heavy document libraries', () => {
  it('are never imported statically by the renderer', () => {
    const offenders = sources(rendererDir).filter((file) => staticImport.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('would be caught if they were', () => {
    expect(staticImport.test("import ExcelJS from 'exceljs';")).toBe(true);
    expect(staticImport.test("import { Packer } from 'docx';")).toBe(true);
    expect(staticImport.test("import type ExcelJS from 'exceljs';")).toBe(false);
    expect(staticImport.test("const { default: ExcelJS } = await import('exceljs');")).toBe(false);
  });
});
