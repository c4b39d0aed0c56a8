// The direction a field's text takes, by the rule of HTML's dir="auto": that of its first strong
// character, read from the start of the text only. Chromium applies dir="auto" on a textarea by
// reading the whole value again on every key, which costs about 10 ms a key once a coach has
// pasted a 300 kB transcript into Notes; this reads only as far as the first letter.

const rightToLeft =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;

/** 'auto' while the text has no letter yet, so the field still follows what is typed first. */
export function textDirection(text: string): 'ltr' | 'rtl' | 'auto' {
  const firstLetter = /\p{L}/u.exec(text);
  if (!firstLetter) return 'auto';
  return rightToLeft.test(firstLetter[0]) ? 'rtl' : 'ltr';
}
