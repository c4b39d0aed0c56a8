// Makes sure LibreOffice exists for the test that recalculates a filled workbook in it:
// $SOFFICE_PATH or the system one, else Debian's headless Calc and Writer.
import { findSoffice } from './libreoffice';
import { ensureSystemTool } from './system-tool';

ensureSystemTool({
  name: 'LibreOffice',
  find: findSoffice,
  debianPackages: ['libreoffice-calc-nogui', 'libreoffice-writer-nogui'],
  pathVariable: 'SOFFICE_PATH',
  needFor: 'the workbook recalculation test',
});
