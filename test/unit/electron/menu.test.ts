import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../electron/menu';

function roles(items: MenuItemConstructorOptions[] | undefined): string[] {
  return (items ?? []).flatMap((item) => (item.role ? [item.role] : []));
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return template.find((item) => item.label === label)?.submenu as MenuItemConstructorOptions[];
}

describe('the application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'has the standard Edit roles on %s, so text fields can copy and paste',
    (platform) => {
      expect(roles(submenu(appMenuTemplate(platform, true), 'Edit'))).toEqual([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'pasteAndMatchStyle',
        'delete',
        'selectAll',
      ]);
    },
  );

  it('starts with the app menu on macOS and quits from File elsewhere', () => {
    expect(appMenuTemplate('darwin', true)[0]).toEqual({ role: 'appMenu' });
    expect(roles(submenu(appMenuTemplate('linux', true), 'File'))).toEqual(['quit']);
    expect(roles(submenu(appMenuTemplate('darwin', true), 'File'))).toEqual(['close']);
  });

  it('offers reload and developer tools only outside the installed app', () => {
    expect(roles(submenu(appMenuTemplate('linux', false), 'View'))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
    const installed = roles(submenu(appMenuTemplate('linux', true), 'View'));
    expect(installed).not.toContain('toggleDevTools');
    expect(installed).not.toContain('reload');
    expect(installed).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
  });
});
