import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../../shared/content-types';

describe('contentTypeOf', () => {
  it.each([
    ['/srv/dist/renderer/index.html', 'text/html; charset=utf-8'],
    ['assets/index-3b2c.JS', 'text/javascript; charset=utf-8'],
    [
      'C:\\Followthrough\\templates\\Session-Summary.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['/srv/release.v2/LICENSE', 'application/octet-stream'],
    ['/srv/renderer/.htaccess', 'application/octet-stream'],
    ['archive.tar.exe', 'application/octet-stream'],
  ])('%s is served as %s', (path, type) => {
    expect(contentTypeOf(path)).toBe(type);
  });
});
