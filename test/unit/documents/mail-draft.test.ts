// The follow-up mail draft read back by a real mail parser, as a mail app would open it.
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { mailDraft } from '../../../renderer/documents/mail-draft';

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('the follow-up mail draft', () => {
  it('opens as an unsent message with both bodies and the attachment, byte for byte', async () => {
    const data = new Uint8Array(70_000).map((_, index) => (index * 31) % 256);
    const eml = mailDraft({
      subject: 'Our session on Tue 8 Dec — next steps',
      plain: 'Hi Zoë,\nWhat you will do:\n- Publish the RACI',
      html: '<p>Hi Zoë,</p><ul><li>Publish the RACI</li></ul>',
      attachment: { fileName: '2026-12-08 Zoë Ndlovu - Session summary.docx', contentType: docx, data },
      date: new Date(Date.UTC(2026, 11, 8, 11, 30)),
    });

    expect(eml.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    const parsed = await simpleParser(eml);
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.subject).toBe('Our session on Tue 8 Dec — next steps');
    expect(parsed.date?.toISOString()).toBe('2026-12-08T11:30:00.000Z');
    expect(parsed.from).toBeUndefined();
    expect(parsed.to).toBeUndefined();
    expect(parsed.text?.trim()).toBe('Hi Zoë,\nWhat you will do:\n- Publish the RACI');
    expect(parsed.html).toContain('<li>Publish the RACI</li>');
    expect(parsed.attachments).toHaveLength(1);
    const [attachment] = parsed.attachments;
    expect(attachment.filename).toBe('2026-12-08 Zoë Ndlovu - Session summary.docx');
    expect(attachment.contentType).toBe(docx);
    expect(new Uint8Array(attachment.content)).toEqual(data);
  });
});
