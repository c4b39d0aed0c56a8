// A mail draft as an .eml file (RFC 5322 with MIME, RFC 2045–2047 and 2231) that Outlook, Apple
// Mail and Thunderbird open ready to send: `X-Unsent: 1` makes Outlook open it as a new message,
// the body comes as plain text and HTML, and one file is attached. No sender and no recipient: the
// coach's mail app fills in their account, and the coach adds the leader's address. Written here
// rather than with a MIME library because the ones that run in a browser refuse a message without
// a From address.
import { toBase64 } from '../base64';

export type MailDraft = {
  subject: string;
  plain: string;
  html: string;
  attachment: { fileName: string; contentType: string; data: Uint8Array };
  date: Date;
};

const CRLF = '\r\n';
const LINE = 76;

/** Base64 in lines of 76 characters, as RFC 2045 asks. */
const base64Lines = (bytes: Uint8Array) =>
  toBase64(bytes)
    .match(new RegExp(`.{1,${LINE}}`, 'g'))
    ?.join(CRLF) ?? '';

/** A header value any mail reader decodes: UTF-8 as an RFC 2047 encoded word. */
const encodedWord = (text: string) => `=?UTF-8?B?${toBase64(new TextEncoder().encode(text))}?=`;

/** The attachment's name as an RFC 2231 parameter (the Content-Type's name= carries it for older readers). */
const fileNameParameter = (fileName: string) =>
  `filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

const boundary = (label: string) => `----=_Followthrough_${label}_${crypto.randomUUID()}`;

const textPart = (type: 'plain' | 'html', text: string) =>
  [
    `Content-Type: text/${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(new TextEncoder().encode(type === 'plain' ? text.replace(/\r?\n/g, CRLF) : text)),
  ].join(CRLF);

export function mailDraft({ subject, plain, html, attachment, date }: MailDraft): string {
  const mixed = boundary('mixed');
  const alternative = boundary('alternative');
  return [
    'X-Unsent: 1',
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Subject: ${encodedWord(subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    '',
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    '',
    `--${alternative}`,
    textPart('plain', plain),
    `--${alternative}`,
    textPart('html', `<!doctype html><html><body>${html}</body></html>`),
    `--${alternative}--`,
    `--${mixed}`,
    `Content-Type: ${attachment.contentType}; name="${encodedWord(attachment.fileName)}"`,
    `Content-Disposition: attachment; ${fileNameParameter(attachment.fileName)}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(attachment.data),
    `--${mixed}--`,
    '',
  ].join(CRLF);
}
