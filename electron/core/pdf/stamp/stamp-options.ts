import type { PdfPoint } from '../pdf-units';
import type { PdfRect } from './page-frame';

/** What a placement puts on the page. */
export type StampWhat = 'signature' | 'seal' | 'date';

/** A page number counted from 1, the last page, or every page (initials on each page). */
export type PageSelector = number | 'last' | 'all';

/**
 * One stamp on one page (or on every page). `rect` is in view space: points from the bottom-left corner of
 * the page's crop box as the user sees the page (after `/Rotate`), x right, y up. Images are fitted inside
 * the rectangle keeping their aspect ratio and centred; the date is set as large as fits, left-aligned and
 * vertically centred.
 */
export interface Placement {
  page: PageSelector;
  what: StampWhat;
  rect: PdfRect;
}

/** `zh`: 2026年11月28日 (GB/T 9704 style); `iso`: 2026-11-28. */
export type DateFormat = 'zh' | 'iso';

export interface StampOptions {
  /** PNG or JPEG bytes of the signature. */
  signature: Uint8Array;
  /** PNG or JPEG bytes of the company seal (公章), usually red on transparent. */
  seal?: Uint8Array;
  /** The date to write, YYYY-MM-DD. Needs `font`. */
  date?: string;
  /** Default `zh`. */
  dateFormat?: DateFormat;
  /** TrueType (glyf) font bytes with CJK coverage, e.g. resources/fonts/LXGWWenKai-Regular.ttf. Needed for
   *  the date and for filling text fields with non-Latin text. */
  font?: Uint8Array;
  /** Where to stamp, rectangle by rectangle (the preview's drag and resize). Empty or missing: `block`. */
  placements?: Placement[];
  /** Used when there are no `placements`: the standard block (signature above the date, seal over the date,
   *  sized for the page) on `page` (default the last), with its bottom-left corner at `at` in view space
   *  or, without `at`, at the bottom right. The CLI's `--page` and `--at`. */
  block?: { page: PageSelector; at?: { x: PdfPoint; y: PdfPoint } };
  /** 骑缝章: the seal cut into vertical strips, one at the right edge of each page, so the pages fanned out
   *  show the whole seal. Needs `seal`. */
  crossPageSeal?: boolean;
  /** AcroForm values by fully qualified field name. Check boxes take true/false, yes/no, on/off, 1/0. */
  fillForm?: Record<string, string>;
  /** Turn form fields into page content after filling. */
  flattenForm?: boolean;
  /** The user password of a protected PDF. The output is written without encryption. */
  password?: string;
  /** For a digitally signed PDF, append the stamp as an incremental update so the signature stays valid for
   *  the revision it signed. Default true; ignored (full rewrite) for encrypted files and when flattening. */
  preserveSignatures?: boolean;
}

/** Resource limits, so one bad file cannot hold the app. The clock is passed in: core never reads time. */
export interface StampLimits {
  /** Default 100 MB. */
  maxBytes?: number;
  /** Stop with PDF_TIMEOUT after `now() > at` (checked between phases; the worker enforces a hard limit). */
  deadline?: { now: () => number; at: number };
}

export type StampWarningCode =
  /** The PDF was digitally signed; the rewritten file no longer carries a valid signature. */
  | 'breaks-signature'
  /** The PDF was digitally signed; the stamp was appended as an incremental update and the signature
   *  remains valid for the signed revision (no longer covering the whole file). */
  | 'signature-kept'
  /** The PDF was encrypted; it was decrypted and the output is not encrypted. */
  | 'decrypted'
  /** The form had XFA data; it was removed so viewers show the AcroForm and the stamp. */
  | 'xfa-removed'
  /** Flattening the form failed; fields were filled but remain fields. */
  | 'form-not-flattened'
  /** Parts of the file could not be read and were dropped or repaired. */
  | 'repaired'
  /** A placement reaches beyond the visible page; the part outside is cut off. */
  | 'partly-outside-page'
  /** The document has one page, so there is no page edge to seal across. */
  | 'cross-page-seal-single-page';

export interface StampWarning {
  code: StampWarningCode;
  /** English, for logs and the CLI. */
  message: string;
}

export interface StampResult {
  bytes: Uint8Array;
  warnings: StampWarning[];
  /** Pages that received a stamp, counted from 1, ascending. */
  stampedPages: number[];
  /** Every stamp drawn, in view space of its page (page counted from 1); a cross-page seal strip is listed
   *  as `seal` with the visible strip as its rectangle. Lets the UI show where the default placement went. */
  placed: Array<{ page: number; what: StampWhat; rect: PdfRect }>;
  /** True if the output is the input followed by an incremental update. */
  incremental: boolean;
}
