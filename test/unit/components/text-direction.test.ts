// Coaches write in Hebrew and Arabic as well as in Latin scripts: every field that takes free text
// must let the browser pick the direction from what was typed (dir="auto"), or a right-to-left line
// is laid out left-to-right. And it must say what the browser may remember of it (autoComplete):
// "off" for the coach's notes, or Chromium writes what was typed into its session-restore files,
// in clear, beside the encrypted database. This reads every screen's source, so a new field
// cannot forget either.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Inputs whose value is never free text, so their direction does not matter. */
const notFreeText = new Set([
  'radio',
  'checkbox',
  'file',
  'number',
  'password',
  'range',
  'color',
  'hidden',
  'date',
  'time',
]);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function attribute(element: ts.JsxOpeningLikeElement, name: string): ts.JsxAttribute | undefined {
  return element.attributes.properties.find(
    (property): property is ts.JsxAttribute => ts.isJsxAttribute(property) && property.name.getText() === name,
  );
}

function takesFreeText(element: ts.JsxOpeningLikeElement): boolean {
  const tag = element.tagName.getText();
  if (tag === 'textarea') return true;
  if (tag !== 'input') return false;
  const type = attribute(element, 'type')?.initializer;
  // A type chosen at run time (a passcode shown or hidden) is decided case by case: not free text.
  if (type && !ts.isStringLiteral(type)) return false;
  return !notFreeText.has(type?.text ?? 'text');
}

/** Every free-text field in the given sources without one of `attributes`, as "file:line <tag>". */
function fieldsWithout(attributes: string[], files: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node) => {
      if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && takesFreeText(node)) {
        if (attributes.some((name) => !attribute(node, name))) {
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          found.push(`${path}:${line} <${node.tagName.getText()}>`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const fieldsWithoutDirection = (files: { path: string; text: string }[]) => fieldsWithout(['dir'], files);

describe('text direction and browser memory of free-text fields', () => {
  it('gives every text input and textarea in the renderer dir="auto" and an autoComplete', () => {
    const files = sourceFiles('renderer').map((path) => ({
      path: relative('.', path),
      text: readFileSync(path, 'utf8'),
    }));
    expect(files.length).toBeGreaterThan(20);
    expect(fieldsWithout(['dir', 'autoComplete'], files)).toEqual([]);
  });

  it('finds a bare text field and accepts the ones that are not free text', () => {
    const text = [
      'export const a = <textarea value="x" />;',
      'export const b = <input value="x" />;',
      'export const c = <input type="search" />;',
      'export const d = <input type="checkbox" />;',
      'export const e = <input type="password" />;',
      'export const f = <input dir="auto" />;',
      'export const g = <textarea dir="auto"></textarea>;',
    ].join('\n');
    expect(fieldsWithoutDirection([{ path: 'x.tsx', text }])).toEqual([
      'x.tsx:1 <textarea>',
      'x.tsx:2 <input>',
      'x.tsx:3 <input>',
    ]);
    expect(
      fieldsWithout(['autoComplete'], [{ path: 'x.tsx', text: 'export const h = <textarea dir="auto" />;' }]),
    ).toEqual(['x.tsx:1 <textarea>']);
  });
});
