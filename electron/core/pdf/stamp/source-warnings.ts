import { PDFInvalidObject } from '@cantoo/pdf-lib';
import { hasDigitalSignature } from './has-digital-signature';
import type { LoadedPdf } from './load-pdf';
import type { StampWarning } from './stamp-options';

/** What the user must be told about the source before trusting the stamped copy. */
export function sourceWarnings(loaded: LoadedPdf, bytes: Uint8Array, incremental: boolean): StampWarning[] {
  const { doc, encryption } = loaded;
  const warnings: StampWarning[] = [];
  if (encryption !== 'none') {
    warnings.push({ code: 'decrypted', message: `the PDF was encrypted (${encryption}); the stamped copy is not encrypted` });
  }
  if (hasDigitalSignature(doc, bytes)) {
    warnings.push(
      incremental
        ? {
            code: 'signature-kept',
            message: 'the PDF is digitally signed; the stamp was appended as an incremental update, so the signature stays valid for the signed revision but no longer covers the whole file',
          }
        : { code: 'breaks-signature', message: 'the PDF is digitally signed; stamping rewrote it, so the existing signature is no longer valid' },
    );
  }
  if (doc.context.enumerateIndirectObjects().some(([, o]) => o instanceof PDFInvalidObject)) {
    warnings.push({ code: 'repaired', message: 'parts of the PDF could not be read; they were copied unread or dropped' });
  }
  return warnings;
}
