import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { RESOURCES_DIR } from './paths';

export const WENKAI_PATH = join(RESOURCES_DIR, 'fonts', 'LXGWWenKai-Regular.ttf');

/** Text drawn on every page of `makeChinesePdf`, so tests can find it again with pdftotext. */
export const PAGE_TEXT = '本人承诺遵守平台规则，保障消费者合法权益。';

export interface ChinesePdfOptions {
  pages?: number;
  /** Attach `evidence.json` with this content, as the composed pledge does. */
  evidence?: unknown;
  /** pdf-lib's default (true) writes a cross-reference stream; false writes a classic xref table. */
  useObjectStreams?: boolean;
  /** Add an AcroForm with one filled text field (to sign a PDF that already has a form). */
  withFormField?: boolean;
}

/**
 * A small A4 pledge-like PDF made with pdf-lib: LXGW WenKai subset-embedded (as the composer does), a
 * title and a line of Chinese per page, fixed dates so the bytes are the same on every run.
 */
export async function makeChinesePdf(options: ChinesePdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(WENKAI_PATH), { subset: true });
  const pages = options.pages ?? 3;
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('电子商务经营者承诺书', { x: 150, y: 760, size: 22, font });
    page.drawText(PAGE_TEXT, { x: 72, y: 700, size: 14, font });
    page.drawText(`第 ${i} 页 共 ${pages} 页`, { x: 260, y: 40, size: 10, font });
  }
  doc.setTitle('电子商务经营者承诺书');
  doc.setAuthor('王小明');
  doc.setCreationDate(new Date('2026-11-28T02:00:00Z'));
  doc.setModificationDate(new Date('2026-11-28T02:00:00Z'));
  if (options.evidence !== undefined) {
    await doc.attach(Buffer.from(JSON.stringify(options.evidence), 'utf8'), 'evidence.json', {
      mimeType: 'application/json',
      description: '证据',
      creationDate: new Date('2026-11-28T02:00:00Z'),
      modificationDate: new Date('2026-11-28T02:00:00Z'),
    });
  }
  if (options.withFormField) {
    const form = doc.getForm();
    const field = form.createTextField('shop');
    field.setText('Shop 1');
    field.addToPage(doc.getPage(0), { x: 72, y: 600, width: 200, height: 24 });
  }
  return doc.save({ useObjectStreams: options.useObjectStreams ?? true });
}
