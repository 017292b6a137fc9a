import { z } from 'zod';
import { zFieldValue, zSigner, zTemplate } from './api';
import { ARCHIVE_EVENT_KINDS } from './dto';

/**
 * The exchange bundle (`.pledgebundle`): a ZIP holding `manifest.json` and the files it lists, each named by
 * its SHA-256 — `archive/<sha>.pdf` (archived PDFs), `scans/<sha>` (scans of wet-ink copies) and, only when
 * the user chose to include personal data, `personal/<sha>.json` (a record's `personal_data` row, whose
 * SHA-256 is the row's `personalHash`).
 */
export const BUNDLE_FORMAT = 'pledge-desk-bundle';

/**
 * Version of the manifest layout below. A reader refuses a bundle with a higher number (BUNDLE_NEWER_VERSION)
 * instead of guessing; a change that older readers cannot ignore needs a new number.
 */
export const BUNDLE_FORMAT_VERSION = 1;

export const BUNDLE_MANIFEST_NAME = 'manifest.json';

/** The file name extension of exchange bundles. */
export const BUNDLE_EXTENSION = '.pledgebundle';

const zHex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');
const zInstant = z.string().min(1).max(64);

/** A `personal/<sha>.json` file: a record's `personal_data` row (`PersonalData` in core). */
export const zBundlePersonalData = z.object({
  salt: z.string().max(128),
  signer: z.record(z.string(), z.string()),
  values: z.record(z.string().max(128), zFieldValue),
});
const zText = z.string().max(2000);

/** Where a bundled file lives: its folder says what it is, its name is its SHA-256. */
export const BUNDLE_FILE_PATH = /^(?:archive\/[0-9a-f]{64}\.pdf|scans\/[0-9a-f]{64}|personal\/[0-9a-f]{64}\.json)$/;

/** An archive row's content exactly as the chain hashes it (`ArchiveRowContent` in core); no personal data. */
const zBundleRow = z.object({
  id: z.string().min(1).max(128),
  kind: z.enum(['composed', 'stamped']),
  templateId: z.string().min(1).max(128),
  templateVersion: z.string().min(1).max(128),
  title: z.string().max(2000),
  signerName: zText,
  organisation: zText.nullable(),
  signer: zSigner,
  values: z.record(z.string().max(128), zFieldValue),
  personalHash: zHex64.nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  signedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'expected an ISO 8601 UTC instant'),
  fileSha256: zHex64,
  fileBytes: z.number().int().min(0),
  contentHash: z.string().min(1).max(128),
  draftId: z.string().max(128).nullable(),
});

const zBundleEvent = z.object({
  seq: z.number().int().min(1),
  recordId: z.string().min(1).max(128),
  kind: z.enum(ARCHIVE_EVENT_KINDS),
  at: zInstant,
  details: z.record(z.string(), z.unknown()),
  prevHash: zHex64,
  hash: zHex64,
});

/** The first bytes a reader checks, before the rest: is it a bundle, and one it can read? */
export const zBundleHeader = z.looseObject({ format: z.string(), formatVersion: z.number().int() });

export const zBundleManifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().min(1),
  /** Pledge Desk version that wrote the bundle. */
  appVersion: z.string().max(64),
  /** ISO 8601 instant the bundle was written (the exporting host's clock). */
  createdAt: zInstant,
  /** `CHAIN_SCHEMA` of the event and row hashes. */
  chainSchema: z.number().int().min(1),
  /** Whether the user chose to include personal data (records without any carry none either way). */
  personalData: z.enum(['included', 'omitted']),
  /** The exporting archive's chain when the bundle was made: its last event's hash and position. */
  source: z.object({ headHash: zHex64, events: z.number().int().min(0) }),
  /**
   * True when the bundle holds every record of the exporting archive: its events are then the whole chain,
   * 1 to `source.events` without a gap, from the genesis hash to `source.headHash`.
   */
  complete: z.boolean(),
  /** Every template version a record was signed on (and that the exporting archive holds). */
  templates: z.array(
    z.object({ id: z.string().min(1).max(128), version: z.string().min(1).max(128), createdAt: zInstant, template: zTemplate }),
  ),
  /** Each record with its whole audit history, oldest event first; records in the order their first events were chained. */
  records: z.array(z.object({ row: zBundleRow, events: z.array(zBundleEvent).min(1) })).min(1),
  /** Every other file of the ZIP, with its SHA-256 and size. */
  files: z.array(z.object({ path: z.string().regex(BUNDLE_FILE_PATH, 'not a bundle file path'), sha256: zHex64, bytes: z.number().int().min(0) })),
});

export type BundleManifest = z.infer<typeof zBundleManifest>;
export type BundleRecord = BundleManifest['records'][number];
export type BundleEvent = z.infer<typeof zBundleEvent>;
