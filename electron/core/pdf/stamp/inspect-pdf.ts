import { CoreError } from '../../errors';
import { hasDigitalSignature } from './has-digital-signature';
import type { FormFieldInfo } from './list-form-fields';
import { listFormFields } from './list-form-fields';
import type { PdfEncryption } from './load-pdf';
import { loadPdf } from './load-pdf';
import type { PageFrame } from './page-frame';
import { readPageFrame } from './read-page-frame';
import { StampError } from './stamp-errors';

/** One page as the stamping UI needs it. `index` counts from 0; users and placements count from 1. */
export interface InspectedPage extends PageFrame {
  index: number;
}

/** What a PDF brought for stamping holds. */
export interface PdfInspection {
  pageCount: number;
  pages: InspectedPage[];
  /** `needs-password`: it opened only with the password given; `permissions-only`: it opens without one. */
  encrypted: PdfEncryption;
  /** Carries a digital signature (a signed `/Sig` field or a `/ByteRange`): stamping invalidates it unless
   *  the stamp is saved as an incremental update. */
  signed: boolean;
  /** Has an AcroForm with at least one field. */
  hasForm: boolean;
  formFields: FormFieldInfo[];
}

/**
 * Reads the pages, boxes, rotation, protection, signature and form fields of a PDF. Bytes in, data out:
 * the input is not changed.
 *
 * @throws StampError PDF_NOT_PDF, PDF_DAMAGED, PDF_ENCRYPTED (needs a password and none or a wrong one was
 *   given), PDF_TOO_LARGE (more than `maxBytes`, 100 MB by default).
 */
export async function inspectPdf(bytes: Uint8Array, options: { password?: string; maxBytes?: number } = {}): Promise<PdfInspection> {
  const { doc, encryption, pageCount } = await loadPdf(bytes, options);
  try {
    const pages = doc.getPages().map((page, index) => ({ index, ...readPageFrame(page) }));
    const formFields = listFormFields(doc);
    return {
      pageCount,
      pages,
      encrypted: encryption,
      signed: hasDigitalSignature(doc, bytes),
      hasForm: formFields.length > 0,
      formFields,
    };
  } catch (error) {
    // pdf-lib trips over a malformed page tree or field only when it walks it (a `/Parent` that is not a page
    // node: "Parent.ascend is not a function"); for the user that is a damaged PDF, as in stamping.
    if (error instanceof StampError || error instanceof CoreError) throw error;
    const text = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 200) : String(error);
    throw new StampError('PDF_DAMAGED', `the PDF is damaged and cannot be read (${text})`);
  }
}
