import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PDFPage } from 'pdf-lib';
import { degrees, PDFDocument, PDFHexString, PDFName, PDFString, rgb, StandardFonts } from 'pdf-lib';
import { RESOURCES_DIR } from './paths';
import type { GrayImage } from './render-page';
import { renderPageGray } from './render-page';
import { makeTempDir } from './temp-dir';

/** The bundled CJK font, as the host passes it to the stamping code. */
export const FONT = new Uint8Array(readFileSync(join(RESOURCES_DIR, 'fonts', 'LXGWWenKai-Regular.ttf')));

export interface PageSpec {
  size?: [number, number];
  /** [x0, y0, x1, y1] */
  mediaBox?: [number, number, number, number];
  cropBox?: [number, number, number, number];
  rotate?: number;
}

/**
 * A PDF made with stock pdf-lib (not the code under test): one page per spec, each with a thin frame around
 * its crop box and "page N" near its user-space origin, so renders are not blank.
 */
export async function makePdf(pages: PageSpec[], draw?: (page: PDFPage, index: number) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  pages.forEach((spec, i) => {
    const page = doc.addPage(spec.size ?? [595.28, 841.89]);
    if (spec.mediaBox) page.setMediaBox(spec.mediaBox[0], spec.mediaBox[1], spec.mediaBox[2] - spec.mediaBox[0], spec.mediaBox[3] - spec.mediaBox[1]);
    if (spec.cropBox) page.setCropBox(spec.cropBox[0], spec.cropBox[1], spec.cropBox[2] - spec.cropBox[0], spec.cropBox[3] - spec.cropBox[1]);
    if (spec.rotate) page.setRotation(degrees(spec.rotate));
    const box = page.getCropBox();
    page.drawRectangle({ x: box.x + 2, y: box.y + 2, width: box.width - 4, height: box.height - 4, borderColor: rgb(0.8, 0.8, 0.8), borderWidth: 0.5 });
    page.drawText(`page ${i + 1}`, { x: box.x + 10, y: box.y + box.height - 20, size: 9, font, color: rgb(0.5, 0.5, 0.5) });
    draw?.(page, i);
  });
  return doc.save();
}

/** Renders page `page` (from 1) of PDF bytes as viewers show it (crop box, rotation). */
export function renderBytes(bytes: Uint8Array, page: number, dpi = 36): GrayImage {
  const file = join(makeTempDir('pledge-render-'), 'page.pdf');
  writeFileSync(file, bytes);
  const image = renderPageGray(file, page, dpi, { ghostscript: false });
  if (!image) throw new Error(`poppler could not render page ${page}`);
  return image;
}

/** Writes PDF bytes to a temp file and returns its path (for qpdf, pdfinfo, pdftotext, pdfsig). */
export function tempPdf(bytes: Uint8Array, name = 'out.pdf'): string {
  const file = join(makeTempDir('pledge-stamped-'), name);
  writeFileSync(file, bytes);
  return file;
}

/** A one-page PDF whose form holds an unsigned signature field (waiting to be signed) and a text field. */
export async function makeFormPdfWithSignatureField(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  doc.getForm().createTextField('name').addToPage(page, { x: 72, y: 700, width: 200, height: 20 });
  const widget = doc.context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFHexString.fromText('Signature1'), Rect: [72, 600, 272, 650], P: page.ref });
  const ref = doc.context.register(widget);
  page.node.set(PDFName.of('Annots'), doc.context.obj([...(page.node.Annots()?.asArray() ?? []), ref]));
  doc.getForm().acroForm.addField(ref);
  return doc.save();
}

/** A platform's pledge form: a text field, a check box, a dropdown and a radio group, made with stock pdf-lib. */
export async function makeFillableFormPdf(options: { xfa?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  const form = doc.getForm();
  form.createTextField('signer.name').addToPage(page, { x: 100, y: 700, width: 200, height: 24 });
  form.createCheckBox('agree').addToPage(page, { x: 100, y: 650, width: 16, height: 16 });
  const city = form.createDropdown('city');
  city.addOptions(['Beijing', '上海', 'Shenzhen']);
  city.addToPage(page, { x: 100, y: 600, width: 200, height: 24 });
  const kind = form.createRadioGroup('kind');
  kind.addOptionToPage('person', page, { x: 100, y: 550, width: 16, height: 16 });
  kind.addOptionToPage('company', page, { x: 140, y: 550, width: 16, height: 16 });
  const bytes = await doc.save();
  if (!options.xfa) return bytes;
  // Added afterwards: pdf-lib's own save drops XFA whenever it touches the form.
  const withXfa = await PDFDocument.load(bytes, { updateMetadata: false });
  withXfa.catalog.getAcroForm()!.dict.set(PDFName.of('XFA'), withXfa.context.obj([PDFString.of('template'), PDFString.of('<template/>')]));
  return withXfa.save({ updateFieldAppearances: false, useObjectStreams: false });
}
