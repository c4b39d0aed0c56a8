// A participant's own data, to hand to them or their organisation: one .zip with everything as
// JSON and a readable Word document of their sessions. Private notes stay out unless the coach
// ticks "include private notes" for this export: then the JSON keeps them and the document is
// the GROW checklist (which shows them) instead of the session summary (which never does).
import { strToU8, zipSync } from 'fflate';
import type { BatchRequest } from '../documents/batch';
import type { DocumentContext, SessionBundle } from '../documents/build-data';
import { safeFileName } from '../documents/file-names';
import type { Result } from '../../shared/result';
import { isLive } from '../../shared/model';
import { sessionFollowUp } from '../documents/session-follow-up';
import { omitPrivate } from './private-fields';
import type { ParticipantData } from './participant-data';

const PARTICIPANT_EXPORT_FORMAT = 'followthrough-participant-export';

type ParticipantExportOptions = {
  includePrivate: boolean;
  exportedAt: number;
  appVersion: string;
};

type DocumentKind = BatchRequest['kind'];

type ParticipantExportDeps = {
  context: DocumentContext;
  /** Fills the kind's template once per session into one Word document. */
  buildDocument: (kind: DocumentKind, bundles: SessionBundle[]) => Promise<Result<Uint8Array>>;
};

export function participantJson(data: ParticipantData, options: ParticipantExportOptions): string {
  const { includePrivate } = options;
  return JSON.stringify(
    {
      format: PARTICIPANT_EXPORT_FORMAT,
      formatVersion: 1,
      exportedAt: new Date(options.exportedAt).toISOString(),
      appVersion: options.appVersion,
      privateNotesIncluded: includePrivate,
      participant: includePrivate ? data.participant : omitPrivate('participant', data.participant),
      consentLog: data.consentLog,
      sessions: includePrivate ? data.sessions : data.sessions.map((session) => omitPrivate('session', session)),
      actions: data.actions,
      actionReviews: data.actionReviews,
      contracts: data.contracts,
      contractReviews: data.contractReviews,
    },
    null,
    2,
  );
}

function sessionBundles(data: ParticipantData): SessionBundle[] {
  const history = { sessions: data.sessions, actions: data.actions, reviews: data.actionReviews };
  return data.sessions.filter(isLive).map((session) => ({
    session,
    participant: data.participant,
    actions: data.actions.filter((action) => action.sessionId === session.id),
    followUp: sessionFollowUp(session, history),
  }));
}

type ParticipantExport = { fileName: string; zip: Uint8Array; files: string[] };

export async function buildParticipantExport(
  data: ParticipantData,
  options: ParticipantExportOptions,
  deps: ParticipantExportDeps,
): Promise<Result<ParticipantExport>> {
  const name = data.participant.name;
  const date = new Date(options.exportedAt).toISOString().slice(0, 10);
  const files: Record<string, Uint8Array> = {
    [safeFileName(`${name} - data`, 'json')]: strToU8(participantJson(data, options)),
  };
  const bundles = sessionBundles(data);
  if (bundles.length) {
    const kind: DocumentKind = options.includePrivate ? 'grow-checklist' : 'session-summary';
    const document = await deps.buildDocument(kind, bundles);
    if (!document.ok) return document;
    const label = options.includePrivate ? 'GROW checklists' : 'session summaries';
    files[safeFileName(`${name} - ${label}`, 'docx')] = document.value;
  }
  return {
    ok: true,
    value: {
      fileName: safeFileName(`${name} - data export ${date}`, 'zip'),
      zip: zipSync(files),
      files: Object.keys(files),
    },
  };
}
