// The check that refuses a template part cut short or damaged: what Office writes passes, what a damaged file holds does not.
import { describe, expect, it } from 'vitest';
import { isWellFormedXml } from '../../../renderer/documents/xml-text';

describe('isWellFormedXml', () => {
  it.each([
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="x"><w:body/></w:document>',
    '<a><!-- a <comment> --><b x="1 > 0" y=\'&lt;\'>text &amp; more</b><![CDATA[<raw>]]></a>',
    '<root/>',
  ])('accepts %s', (xml) => {
    expect(isWellFormedXml(xml)).toBe(true);
  });

  it.each([
    ['cut short', '<w:document><w:body><w:p></w:p>'],
    ['closed out of order', '<a><b></a></b>'],
    ['two roots', '<a/><b/>'],
    ['no root', 'just text'],
    ['a stray < in text', '<a>1 < 2</a>'],
    ['cut inside a tag', '<a><b x="1"'],
    ['with a prefix no namespace declares', '<w:document><w:body/></w:document>'],
    ['with a damaged declaration', '<?xml versiom="1.0"?><a/>'],
  ])('refuses a part %s', (_, xml) => {
    expect(isWellFormedXml(xml)).toBe(false);
  });
});
