import { splitTemplateText } from '../../electron/shared/template';

/** Full-width forms and Chinese punctuation folded to one form each, one character for one character. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '！': '!', '？': '?', '　': ' ', '。': '.', '．': '.', '、': ',',
};

function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return PUNCTUATION[ch] ?? ch;
}

/** Same length as `text`, so that an offset in the folded text is the same offset in the original. */
const foldText = (text: string): string => Array.from(text, (ch) => (ch.length === 1 ? fold(ch) : ch)).join('');

/** Slack for the blanks: a `{{id}}` in the template and `__________` in the source differ in length. */
const SLACK = 24;

/**
 * Where a template text's wording appears in the source document, as [start, end) offsets into `source`.
 * The longest literal run of the text (placeholders cut it into runs) is looked up by its first characters,
 * full-width and half-width forms alike; the mark then widens to the source line that holds it, but no
 * further than the template text could reach on either side. Null when the wording cannot be found.
 */
export function locateInSource(source: string, templateText: string): { start: number; end: number } | null {
  const runs: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  for (const part of splitTemplateText(templateText)) {
    if ('literal' in part) {
      let at = offset;
      for (const line of part.literal.split('\n')) {
        const trimmed = line.trimStart();
        const text = trimmed.trimEnd();
        if (text.length >= 2) runs.push({ text, offset: at + (line.length - trimmed.length) });
        at += line.length + 1;
      }
      offset += part.literal.length;
    } else {
      offset += part.fieldId.length + 4;
    }
  }
  runs.sort((a, b) => b.text.length - a.text.length);
  const haystack = foldText(source);
  for (const run of runs) {
    const sizes = [...new Set([24, 12, 6].map((n) => Math.min(n, run.text.length)))];
    for (const size of sizes) {
      const found = haystack.indexOf(foldText(run.text.slice(0, size)));
      if (found < 0) continue;
      const lineStart = source.lastIndexOf('\n', found - 1) + 1;
      const lineEnd = source.indexOf('\n', found);
      const start = Math.max(lineStart, found - run.offset - SLACK);
      const end = Math.min(lineEnd < 0 ? source.length : lineEnd, found + (templateText.length - run.offset) + SLACK);
      return { start, end };
    }
  }
  return null;
}
