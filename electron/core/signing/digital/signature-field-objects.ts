import type { PDFDocument, PDFObject } from 'pdf-lib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';

/** The objects an incremental update must (re)write to add one signature field. */
export interface SignatureFieldObjects {
  /** New objects and new versions of existing ones, keyed by their reference. */
  objects: Map<PDFRef, PDFObject>;
  /** The field's partial name (/T), unique among the document's fields, e.g. `Signature1`. */
  fieldName: string;
}

/** Annotation flags Print (4) + Locked (128): printed, and not movable or deletable in a viewer. */
const WIDGET_FLAGS = 132;

/**
 * Adds to `doc` (in memory) an invisible approval-signature field whose value is `signatureRef`: a merged
 * field/widget with an empty /Rect on the last page, listed in the page's /Annots and in /AcroForm /Fields,
 * and /SigFlags 3 (SignaturesExist | AppendOnly). Returns every object that changed or was created, so
 * that only those go into the update. Arrays and dictionaries that are indirect objects are updated in
 * place; direct ones make their holder (page, catalog, AcroForm) be rewritten.
 *
 * Numbers for new objects come from `doc.context`; raise `largestObjectNumber` first to stay above
 * every number the previous xref declares.
 */
export function signatureFieldObjects(doc: PDFDocument, signatureRef: PDFRef): SignatureFieldObjects {
  const context = doc.context;
  const objects = new Map<PDFRef, PDFObject>();
  const page = doc.getPages().at(-1);
  if (!page) throw new Error('the PDF has no pages');
  const catalogRef = context.trailerInfo.Root;
  if (!(catalogRef instanceof PDFRef)) throw new Error('the PDF trailer has no /Root reference');

  const acroFormEntry = doc.catalog.get(PDFName.of('AcroForm'));
  const acroForm = acroFormEntry instanceof PDFRef ? context.lookup(acroFormEntry) : acroFormEntry;
  const fieldName = uniqueName(doc, acroForm instanceof PDFDict ? acroForm : undefined);

  const appearance = context.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} });
  const appearanceRef = context.register(appearance);
  objects.set(appearanceRef, appearance);
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(fieldName),
    V: signatureRef,
    F: WIDGET_FLAGS,
    Rect: [0, 0, 0, 0],
    P: page.ref,
    AP: { N: appearanceRef },
  });
  const widgetRef = context.register(widget);
  objects.set(widgetRef, widget);

  if (appendTo(doc, page.node, PDFName.of('Annots'), widgetRef, objects)) objects.set(page.ref, page.node);

  if (acroForm instanceof PDFDict) {
    appendTo(doc, acroForm, PDFName.of('Fields'), widgetRef, objects);
    const flags = acroForm.lookup(PDFName.of('SigFlags'));
    acroForm.set(PDFName.of('SigFlags'), PDFNumber.of((flags instanceof PDFNumber ? flags.asNumber() : 0) | 3));
    // /SigFlags changed, so the AcroForm is rewritten: as its own object, or inside the catalog.
    if (acroFormEntry instanceof PDFRef) objects.set(acroFormEntry, acroForm);
    else objects.set(catalogRef, doc.catalog);
  } else {
    const created = context.obj({ Fields: [widgetRef], SigFlags: 3 });
    const createdRef = context.register(created);
    objects.set(createdRef, created);
    doc.catalog.set(PDFName.of('AcroForm'), createdRef);
    objects.set(catalogRef, doc.catalog);
  }
  return { objects, fieldName };
}

/**
 * Appends `item` to the array at `dict[key]`, creating it if absent. An indirect array is recorded in
 * `objects`; returns true when `dict` itself changed (direct or new array), so its holder must be rewritten.
 */
function appendTo(doc: PDFDocument, dict: PDFDict, key: PDFName, item: PDFRef, objects: Map<PDFRef, PDFObject>): boolean {
  const entry = dict.get(key);
  if (entry instanceof PDFRef) {
    const array = doc.context.lookup(entry);
    if (array instanceof PDFArray) {
      array.push(item);
      objects.set(entry, array);
      return false;
    }
  }
  if (entry instanceof PDFArray) entry.push(item);
  else dict.set(key, doc.context.obj([item]));
  return true;
}

/** `Signature1`, `Signature2`, … : the first not already used as a top-level field name. */
function uniqueName(doc: PDFDocument, acroForm: PDFDict | undefined): string {
  const taken = new Set<string>();
  const fields = acroForm?.lookup(PDFName.of('Fields'));
  if (fields instanceof PDFArray) {
    for (let i = 0; i < fields.size(); i++) {
      const field = doc.context.lookup(fields.get(i));
      const name = field instanceof PDFDict ? field.lookup(PDFName.of('T')) : undefined;
      if (name instanceof PDFString || name instanceof PDFHexString) taken.add(name.decodeText());
    }
  }
  let n = 1;
  while (taken.has(`Signature${n}`)) n += 1;
  return `Signature${n}`;
}
