/**
 * Stable, serialisable error codes. They cross IPC, HTTP and the CLI unchanged, so the UI can map them to
 * Chinese messages and scripts can branch on them. Never rename a code: add a new one.
 */
export const ERROR_CODES = [
  /** The input failed the method's validator (wrong shape, bad type, out of range). */
  'VALIDATION',
  /** The command line is malformed (unknown flag, missing argument): CLI only. */
  'USAGE',
  /** The method name is not in the contract. */
  'UNKNOWN_METHOD',
  'TEMPLATE_NOT_FOUND',
  'DRAFT_NOT_FOUND',
  /** The draft was already signed; a signed draft is frozen. */
  'DRAFT_FINALIZED',
  /** A value names a field the template does not have. */
  'UNKNOWN_FIELD',
  /** A field's value does not satisfy its value type (e.g. a percent above 100). */
  'INVALID_VALUE',
  /** A required field has no value at signing time. */
  'MISSING_VALUE',
  /** An image is not a decodable PNG/JPEG data URL, or is larger than the limit. */
  'INVALID_IMAGE',
  'ARCHIVE_NOT_FOUND',
  /** The record's PDF and personal data were erased on request: it can no longer be printed, exported or shown in full. */
  'ARCHIVE_REDACTED',
  /** The record is void already. */
  'ARCHIVE_VOIDED',
  /** A record cannot be superseded so: by itself, twice, by an older record, or in a cycle. */
  'SUPERSEDE_INVALID',
  /** A file to verify or attach as a scan is neither a PDF nor a PNG or JPEG picture. */
  'FILE_UNSUPPORTED',
  'PROFILE_NOT_FOUND',
  /** A saved signature or seal of a profile that does not exist (or was deleted with its profile). */
  'PROFILE_ASSET_NOT_FOUND',
  /** The profile already keeps the most saved signatures and seals allowed (`details.limit`). */
  'PROFILE_ASSETS_FULL',
  /** An imported document is empty, or holds no text a pledge could be read from. */
  'IMPORT_EMPTY',
  /** An imported document is larger than the import limit (20 MB). */
  'IMPORT_TOO_LARGE',
  /** An imported file is of a kind that cannot be read (binary, image, unknown format). */
  'IMPORT_UNSUPPORTED',
  /** An imported file claims a known format (docx, doc) but cannot be read as one. */
  'IMPORT_DAMAGED',
  'BLOB_NOT_FOUND',
  'BLOB_TOO_LARGE',
  /** The text uses characters that the bundled font cannot draw. */
  'FONT_MISSING_GLYPHS',
  /** The database was written by a newer Pledge Desk; opening it could corrupt it. */
  'DB_NEWER_VERSION',
  /**
   * The database file is damaged or not a Pledge Desk database. Raised when the host starts, `details` names
   * the latest backup (`latestBackup`, a `BackupInfo` or null) and the command that restores it.
   */
  'DB_CORRUPT',
  /**
   * The database file is gone although the data folder holds backups of it: the host will not start on a new,
   * empty database (that would hide the loss). `details` as for DB_CORRUPT.
   */
  'DB_MISSING',
  /** The data folder cannot be written (read-only, full, or gone). */
  'STORAGE_UNAVAILABLE',
  /** This host cannot do that (e.g. a save dialog in browser mode): the UI uses the browser's own instead. */
  'NOT_AVAILABLE',
  /** Digital signature: the passphrase does not unlock the .p12. */
  'P12_BAD_PASSPHRASE',
  /** Digital signature: not a PKCS#12 file, or no private key with its certificate in it. */
  'P12_INVALID',
  /** Digital signature: the key cannot sign here (only RSA and ECDSA keys can). */
  'P12_UNSUPPORTED_KEY',
  /** Digital signature: the certificate expired before the signing time. */
  'CERT_EXPIRED',
  /** Digital signature: the certificate is not valid yet at the signing time (often a wrong clock). */
  'CERT_NOT_YET_VALID',
  /** Digital signature: the certificate's key usage forbids signing. */
  'CERT_WRONG_USAGE',
  /** Digital signature: the PDF cannot take an incremental signature (encrypted or damaged). */
  'PDF_UNSIGNABLE',
  /** `backup.restore`: there is no backup to restore, or none of them passes an integrity check. */
  'BACKUP_NOT_FOUND',
  /**
   * `backup.restore` on a database that is not damaged: restoring would drop everything archived since the
   * backup. Only the command line can force it, with the app closed.
   */
  'DB_NOT_DAMAGED',
  /**
   * A full backup file (`.pledgebackup`) is not readable, or a file in it does not match the size and SHA-256
   * its manifest lists: nothing was restored. `details.file` names the bad entry.
   */
  'BACKUP_INVALID',
  /**
   * `pledge restore FILE` into a data folder that is not empty (a database with data in it, or files in
   * archive/ or scans/): a restore never mixes with or replaces existing data. Nothing was changed.
   */
  'RESTORE_TARGET_NOT_EMPTY',
  /**
   * The database is at an older schema version and the backup taken before migrating it failed (a full or
   * read-only folder): it was not migrated, and is unchanged.
   */
  'MIGRATION_BACKUP_FAILED',
  /** An exchange bundle is not a readable .pledgebundle, or a file, hash, record or event in it is wrong. */
  'BUNDLE_INVALID',
  /** An exchange bundle was written by a newer Pledge Desk, in a format this version cannot read. */
  'BUNDLE_NEWER_VERSION',
  /** Stamping: the file is not a PDF. */
  'PDF_NOT_PDF',
  /** Stamping: the PDF is damaged beyond what can be read safely. */
  'PDF_DAMAGED',
  /** Stamping: the PDF needs a password to open (none or a wrong one was given). */
  'PDF_ENCRYPTED',
  /** Stamping: the PDF is larger than the stamping limit. */
  'PDF_TOO_LARGE',
  /** Stamping: the PDF took longer than the time limit to stamp. */
  'PDF_TIMEOUT',
  /** An archived PDF is missing from the data folder (see archive.verifyAll), so it cannot be printed. */
  'ARCHIVE_FILE_MISSING',
  /** `jobs.get`: no job with that id (jobs live in memory: they do not outlive the host, finished ones expire). */
  'JOB_NOT_FOUND',
  /** An unexpected failure; details are logged by the host, never sent. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The JSON shape of every error crossing a boundary. `field` names the offending field id, when there is one. */
export interface ApiError {
  code: ErrorCode;
  /** English, for logs, scripts and the CLI; the UI shows its own Chinese text chosen by `code`. */
  message: string;
  field?: string;
  /** Machine-readable facts about the failure (JSON-safe), e.g. the latest backup for DB_CORRUPT. */
  details?: Record<string, unknown>;
}

/** Every contract method resolves to this envelope; nothing is thrown across a boundary. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
