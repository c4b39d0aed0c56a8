// "Export their data" from the participant page: the .zip of JSON and Word document, built with
// the coach's templates (or the bundled ones) and saved where the coach chooses.
import { fail, ok } from '../../../shared/result';
// eslint-disable-next-line no-restricted-imports -- handed to the participant export (renderer/privacy), which owns these reads
import { database } from '../../db/instance';
import { collectParticipantData } from '../../privacy/participant-data';
import { buildParticipantExport } from '../../privacy/participant-export';
import { runExport } from '../documents/run-export';
import { runBatch } from '../documents/run-batch';

export function exportParticipantData(participantId: string, name: string, includePrivate: boolean): Promise<void> {
  return runExport(`${name}’s data`, async (deps, documents) => {
    const data = await collectParticipantData(database, participantId);
    if (!data) return fail('That participant no longer exists');
    const info = await deps.platform.appInfo();
    const context = documents.documentContext(deps);
    const built = await buildParticipantExport(
      data,
      { includePrivate, exportedAt: Date.now(), appVersion: info.ok ? info.value.version : 'unknown' },
      {
        context,
        buildDocument: async (kind, bundles) => {
          const template = await documents.templateFor(kind, deps);
          if (!template.ok) return template;
          return runBatch({ kind, format: 'docx', template: template.value, bundles, context, locale: deps.locale });
        },
      },
    );
    if (!built.ok) return built;
    const { fileName, zip } = built.value;
    const saved = await deps.platform.saveFile({
      suggestedName: fileName,
      data: new Uint8Array(zip.buffer as ArrayBuffer, zip.byteOffset, zip.byteLength),
      filters: [{ name: 'ZIP archive', extensions: ['zip'] }],
    });
    return saved.ok ? ok({ fileName, ...saved.value }) : saved;
  });
}
