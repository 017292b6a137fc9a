import type { ApiError } from './api-error';
import type { FieldValues, Template, TemplateWarning } from './template';

/** Signer identity as typed in the wizard. Personal numbers are optional and checked by their value type. */
export interface Signer {
  type: '企业' | '个人' | '其他';
  name: string;
  organisation?: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  address?: string;
}

/** What the running host is and can do, so the UI offers the right save and print actions. */
export interface AppInfo {
  /** `desktop` in Electron; `browser` behind `pledge serve`; `embedded` in tests and the CLI. */
  mode: 'desktop' | 'browser' | 'embedded';
  version: string;
  dataDir: string;
  /** True when `archive.export` and `archive.print` open native dialogs. */
  nativeFileDialogs: boolean;
  /**
   * Present only when the host could not open the database and runs in recovery mode (see
   * `createRecoveryHost`): every method but `app.info`, `backup.list` and `backup.restore` then answers with
   * this error. The UI shows a start-up screen offering `backup.restore` of `latestBackup`.
   */
  recovery?: StartupProblem;
}

/**
 * A file the operating system handed to the app (double-click on a `.pledgebundle`, "Open with" on a PDF, or
 * a second launch with a file), already stored as a blob. `unsupported` names why it was not opened.
 */
export type OpenedFile =
  | { kind: 'pdf' | 'bundle'; fileName: string; blobId: string }
  | { kind: 'unsupported'; fileName: string; problem: 'unreadable' | 'too-large' | 'not-pdf-or-bundle' };

/** Why the host could not open the data folder's database, and what can be restored. */
export interface StartupProblem {
  /**
   * DB_CORRUPT and DB_MISSING can be repaired by `backup.restore`; the others cannot: DB_NEWER_VERSION needs a
   * newer app, STORAGE_UNAVAILABLE and MIGRATION_BACKUP_FAILED a writable folder with free space (the host
   * tries again on each `app.info`, so the app recovers once that is fixed).
   */
  code: 'DB_CORRUPT' | 'DB_MISSING' | 'DB_NEWER_VERSION' | 'STORAGE_UNAVAILABLE' | 'MIGRATION_BACKUP_FAILED';
  /** English, for logs. */
  message: string;
  /** For STORAGE_UNAVAILABLE and MIGRATION_BACKUP_FAILED: what the system said, when it says which. */
  storage?: 'read-only' | 'full';
  /** The database file the problem is about: `<dataDir>/pledge-desk.db`. */
  databasePath: string;
  /** True when `backup.restore` can repair it (DB_CORRUPT or DB_MISSING, and a backup exists). */
  restorable: boolean;
  /** The newest backup in `<dataDir>/backups/`, or null when there is none. */
  latestBackup: BackupInfo | null;
  /** The command that restores it with the app closed, quoted for a shell. */
  restoreCommand: string;
}

/** A backup of the database in `<dataDir>/backups/`, made with SQLite's online backup API. */
export interface BackupInfo {
  /** File name, `pledge-desk-20261128T023000Z.db` (automatic), `…-manual.db` or `…-pre-migration.db`. */
  name: string;
  /** Absolute path. */
  path: string;
  /** ISO 8601 instant the backup was taken (host clock), read from the name. */
  createdAt: string;
  bytes: number;
  /**
   * `automatic`: taken daily while the app runs (and when it starts), the last 7 kept; `manual`: `backup.create`;
   * `pre-migration`: taken before an older database is upgraded to this version's schema. Only automatic
   * backups are pruned.
   */
  kind: 'automatic' | 'manual' | 'pre-migration';
}

/** What `backup.restore` (and `pledge backup restore`) did. */
export interface RestoreResult {
  /** The backup now in use as the database. */
  restored: BackupInfo;
  /** Where the replaced database (and its -wal/-shm files) were moved: `pledge-desk.db.damaged-<timestamp>`. */
  movedAside: string[];
  /** Newer backups passed over because they failed `PRAGMA integrity_check`. */
  skipped: Array<{ name: string; problem: string }>;
}

/** What `backup.export` wrote: a full backup file (`.pledgebackup`). */
export interface BackupExportResult {
  /** SHA-256 of the backup file; `blobUrlPrefix + blobId` downloads it until the host restarts. */
  blobId: string;
  /** The download URL (browser mode), `blobUrlPrefix + blobId`. */
  url: string;
  bytes: number;
  /** Archive records in the backup. */
  records: number;
  /** Archived PDFs and scans in the backup (the database not counted). */
  files: number;
  /** A file name to save it under, `承诺书备份-20261128.pledgebackup`. */
  fileName: string;
  /** Desktop: where the user saved it, or null when the dialog was cancelled. Browser: always null. */
  path: string | null;
}

export interface TemplateSummary {
  id: string;
  version: string;
  title: string;
  sectionCount: number;
  fieldCount: number;
}

/**
 * A wizard step key: `intro` (signer and preamble), `section-<n>` (n = 1-based index of a top-level section),
 * `sign` (signature and date). Keys, not indexes, are stored, so a resumed draft lands on the same step.
 */
export type StepKey = string;

export interface ImportedTemplate extends TemplateSummary {
  warnings: TemplateWarning[];
  /** False when this exact version was already stored. */
  isNewVersion: boolean;
}

export interface Draft {
  id: string;
  templateId: string;
  templateVersion: string;
  title: string;
  values: FieldValues;
  signer: Signer | null;
  step: StepKey;
  status: 'open' | 'signed';
  /** Archive record id once signed. */
  archiveId: string | null;
  /** Clause key (see `clauseIndex`) → ISO 8601 instant the signer confirmed "已阅读并同意本条款". */
  acks: Record<string, string>;
  /** ISO 8601 instants. */
  createdAt: string;
  updatedAt: string;
  /** Set while the draft is in the trash (restorable). */
  deletedAt: string | null;
  /** The newest version of the draft's template when it is newer than the draft's own; null otherwise. */
  newerVersion: string | null;
}

/** A saved signer, offered the next time; one per merchant. */
export interface Profile extends Signer {
  id: string;
  updatedAt: string;
}

export type ProfileAssetKind = 'signature' | 'seal';

/** A signature or seal saved with a profile for reuse: a PNG with a transparent background. */
export interface ProfileAsset {
  id: string;
  profileId: string;
  kind: ProfileAssetKind;
  /** What the user called it ('' when unnamed). */
  label: string;
  /** `data:image/png;base64,…`, usable as-is in `signing.finalize` and `stamping.stamp`. */
  png: string;
  /** SHA-256 of the PNG bytes (hex); one profile never holds the same image twice. */
  sha256: string;
  /** Pixel size of the PNG. */
  widthPx: number;
  heightPx: number;
  /** ISO time it was saved. */
  createdAt: string;
}

/** How a clause differs between two versions of a template (matched by section and clause number). */
export interface ClauseChange {
  number: string;
  section: string;
  change: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

export type DraftSummary = Pick<
  Draft,
  'id' | 'templateId' | 'templateVersion' | 'title' | 'step' | 'status' | 'archiveId' | 'createdAt' | 'updatedAt'
> & { signerName: string | null; organisation: string | null; filled: number; fieldCount: number };

export interface ArchiveSummary {
  id: string;
  /** `composed`: typeset and signed here; `stamped`: a stamped copy of an outside document (reserved). */
  kind: 'composed' | 'stamped';
  title: string;
  signer: string;
  organisation: string | null;
  /** ISO 8601 instant of finalisation. */
  signedAt: string;
  /** The date written on the pledge, YYYY-MM-DD. */
  date: string;
  fileSha256: string;
  contentHash: string;
}

export interface ArchiveRecord extends ArchiveSummary {
  templateId: string;
  templateVersion: string;
  draftId: string | null;
  /**
   * The filled values. Values of personal fields (phone and ID-card blanks, addresses) are masked
   * (`138****5678`) unless the record was read with `reveal: true`; absent once the record was redacted.
   */
  values: FieldValues;
  /** The signer. `idNumber`, `phone` and `address` are masked unless read with `reveal: true`; absent once redacted. */
  signerDetails: Signer;
  /**
   * The archived PDF, readable through the blob route. For a redacted record the file is erased: `url` then
   * answers 404 and only `blobId` (its SHA-256, kept as a tombstone) remains meaningful; see `status`.
   */
  pdf: { blobId: string; url: string; bytes: number };
  status: ArchiveStatus;
  signerType: Signer['type'];
  /** The record that replaces this one, when it was superseded. */
  supersededBy: string | null;
  /** The record's audit events, oldest first. */
  events: ArchiveEvent[];
  /** Scans of wet-ink signed copies attached to the record. */
  scans: ArchiveScan[];
  /**
   * Whether the record holds personal data (ID and phone numbers, addresses) and whether it is shown:
   * `none` (there never was any), `masked`, `revealed`, `erased` (by a redaction), or `not-imported` (the
   * record came from an exchange bundle made without personal data).
   */
  personalData: 'none' | 'masked' | 'revealed' | 'erased' | 'not-imported';
}

/**
 * A record's state, derived from its events (rows themselves never change): `redacted` beats `void`, which
 * beats `superseded`; otherwise `valid`.
 */
export type ArchiveStatus = 'valid' | 'void' | 'superseded' | 'redacted';

/** The kinds of audit event. `signed`/`stamped` open a record's history; the others follow it. */
export const ARCHIVE_EVENT_KINDS = ['signed', 'stamped', 'voided', 'scan-attached', 'printed', 'exported', 'redacted', 'superseded', 'imported', 'revealed'] as const;
export type ArchiveEventKind = (typeof ARCHIVE_EVENT_KINDS)[number];

/**
 * One entry of the append-only audit log. Events and the records they open form one hash chain: `hash` is
 * SHA-256 over the event's canonical JSON together with `prevHash`, the previous event's hash.
 */
export interface ArchiveEvent {
  /** Position in the chain, 1, 2, 3 … without gaps. */
  seq: number;
  recordId: string;
  kind: ArchiveEventKind;
  /** ISO 8601 instant. */
  at: string;
  /**
   * Kind-specific: `signed` {rowHash, fileSha256, contentHash}; `voided` {reason}; `scan-attached`
   * {sha256, bytes, contentType}; `printed` {copies, copyMark?, via?, copySha256?} (see `PrintedDetails`); `exported` {} for a saved PDF copy, {bundle, personalData}
   * for an exchange bundle; `redacted` {reason, erased}; `superseded` {by, reason?}; `imported` {bundle,
   * personalData, source} after the record's events were copied in from an exchange bundle; `revealed`
   * {via: 'app' | 'cli', fields} when the record was read with its personal data in full (`fields` names what
   * was shown, e.g. `signer.phone`, `values.<fieldId>`: never the data itself).
   */
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** A scan or photo of a wet-ink signed copy, stored under its SHA-256. */
export interface ArchiveScan {
  sha256: string;
  bytes: number;
  contentType: string;
  /** ISO 8601 instant it was attached. */
  at: string;
  /** Readable through the blob route while the record is not redacted. */
  url: string;
}

/** A row of `archive.search`: the summary plus what lists filter and show. Never carries personal data. */
export interface ArchiveListItem extends ArchiveSummary {
  templateId: string;
  signerType: Signer['type'];
  status: ArchiveStatus;
  /** The record that replaces this one, when it was superseded. */
  supersededBy: string | null;
}

/** Sort orders of `archive.search`: newest first, by title (then newest), or best match first. */
export type ArchiveSort = 'signedAt' | 'title' | 'rank';

/** One page of search results; `total` counts every match, not only this page. */
export interface ArchiveSearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: ArchiveListItem[];
}

/**
 * What `archive.verify` found for an uploaded file:
 * - `exact`: the bytes are an archived PDF (also for a redacted record, whose hash is kept as a tombstone);
 * - `modified-copy`: a PDF that is not byte-identical but carries a Pledge Desk document id of a record here;
 * - `scan`: an image (or image-only PDF) whose QR code names a record here;
 * - `unknown`: nothing ties the file to this archive.
 */
export interface VerifyResult {
  verdict: 'exact' | 'modified-copy' | 'scan' | 'unknown';
  recordId?: string;
  /** The record, when one was found (masked). */
  record?: ArchiveListItem;
  /**
   * For `modified-copy` and `scan`: whether the content hash the file carries (keywords, evidence.json or
   * QR code) equals the record's. Absent when the file carries none.
   */
  contentHashMatches?: boolean;
  /** What was checked and where the document id was found, in English (for logs and the CLI). */
  details: string[];
  /** Where the document id came from: `file-hash`, `metadata`, `evidence`, `footer`, `qr`. */
  foundBy?: 'file-hash' | 'metadata' | 'evidence' | 'footer' | 'qr';
}

/** What `archive.verifyCode` found for a typed verification code `<docId>-<12 hex>`. */
export interface VerifyCodeResult {
  /** `match`: the record exists and its content hash starts with the code's hex; `mismatch`: the record exists but the hex differs. */
  verdict: 'match' | 'mismatch' | 'unknown';
  /** The code as understood (upper-case id, lower-case hex; O→0 and I/L→1 in the id's random part). */
  normalised: string | null;
  record?: ArchiveListItem;
}

/** Problems `archive.verifyAll` names, one per failing record. */
export type ArchiveProblem =
  | 'pdf-missing'
  | 'pdf-altered'
  | 'row-altered'
  | 'row-missing'
  | 'not-in-chain'
  | 'event-altered'
  | 'chain-broken'
  | 'personal-data-altered'
  | 'personal-data-missing'
  | 'erased-data-remains'
  | 'scan-missing'
  | 'scan-altered';

export interface ArchiveFailure {
  recordId: string;
  problem: ArchiveProblem;
  /** English explanation naming the event or file concerned. */
  message: string;
}

/** The result of re-hashing every stored PDF and walking the hash chain. */
export interface VerifyAllResult {
  /** Records checked. */
  checked: number;
  /** Events walked. */
  events: number;
  /** Hash of the last event: write it down (or print it) to anchor the chain outside this machine. */
  headHash: string;
  failures: ArchiveFailure[];
}

/** What `archive.exportBundle` wrote: a `.pledgebundle` (ZIP) readable through the blob route until the host restarts. */
export interface BundleExportResult {
  /** SHA-256 of the bundle file; `url` downloads it. */
  blobId: string;
  /** `blobUrlPrefix + blobId`: where the renderer downloads the bundle from. */
  url: string;
  bytes: number;
  /** Records in the bundle. */
  records: number;
  /** A file name to save it under, `承诺书-20261128-3.pledgebundle`. */
  fileName: string;
}

/**
 * A register (台账) written by `archive.register`. The file waits in the data folder until the host restarts
 * or a record is redacted (it may hold personal data): the renderer downloads it from `url`, under `fileName`.
 */
export interface RegisterExportResult {
  /** SHA-256 of the file; `url` is the blob route for it. */
  blobId: string;
  url: string;
  /** `台账-20261128-3.csv` or `.xlsx`. */
  fileName: string;
  format: 'csv' | 'xlsx';
  bytes: number;
  /** Rows, one per record. */
  records: number;
  /** Records whose personal data appears in full (with `reveal`); each got an `exported` audit event. */
  revealed: number;
  /**
   * Only where the host has a save dialog (the desktop app): where the user saved the file, or null when they
   * cancelled (then nothing was revealed and no event appended).
   */
  path?: string | null;
}

/** Why `archive.importBundle` left a record of the bundle out. */
export type BundleSkipReason =
  /** A record with this id and exactly this content is here already. */
  | 'already-present'
  /** A record with this id but different content is here: the archive never overwrites a record. */
  | 'conflict';

export interface BundleImportResult {
  /** Ids of the records added, in the bundle's order. */
  imported: string[];
  skipped: Array<{ id: string; reason: BundleSkipReason }>;
  /** Template versions the import added. */
  templates: number;
}

export interface FinalizeResult {
  id: string;
  /** SHA-256 (hex) of the archived PDF file's bytes. */
  fileSha256: string;
  /** SHA-256 (hex) of the canonical pledge content; printed in the PDF. */
  contentHash: string;
}

export type { Template };

/** A rectangle on a page in PDF points, from the bottom-left of the crop box as the user sees the page. */
export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a PDF brought for stamping holds (`stamping.inspect`). Pages count from 0 here, from 1 in placements. */
export interface PdfInspectionDto {
  pageCount: number;
  pages: Array<{ index: number; mediaBox: PageRect; cropBox: PageRect; rotate: 0 | 90 | 180 | 270; widthPt: number; heightPt: number }>;
  encrypted: 'none' | 'needs-password' | 'permissions-only';
  signed: boolean;
  hasForm: boolean;
  /**
   * The AcroForm fields by fully qualified name; `type` is text, checkbox, radio, dropdown, list, button,
   * signature or unknown. `options` (radio, dropdown, list) are the values `stamping.stamp`'s `fillForm` takes.
   */
  formFields: Array<{ name: string; type: string; value: string | boolean | string[] | null; options?: string[] }>;
}

export interface StampResultDto {
  /** The new archive record (kind `stamped`). */
  id: string;
  fileSha256: string;
  contentHash: string;
  warnings: Array<{ code: string; message: string }>;
  /** Every stamp drawn, page counted from 1. */
  placed: Array<{ page: number; what: 'signature' | 'seal' | 'date'; rect: PageRect }>;
}

/**
 * The details of a `printed` event. Events written before these fields existed carry `{copies}` only: read
 * them as a desktop print of the original.
 */
export interface PrintedDetails {
  /** Copies sent to the printer; null for a browser print, whose copies are chosen in the browser's dialog. */
  copies: number | null;
  /** True when the copy was marked "副本" with the print time and record id (see `archive.print`). */
  copyMark: boolean;
  /** `desktop`: the system print dialog, which reports whether the job was sent; `browser`: the PDF was opened for the browser's print. */
  via: 'desktop' | 'browser';
  /** SHA-256 of the marked file that was printed, so a copy found later can be matched to this print. */
  copySha256?: string;
}

/** What `archive.printInBrowser` made: the PDF to open for the browser's print, and the event logging it. */
export interface BrowserPrintResult {
  /** `blobUrlPrefix + blobId`: the archived PDF, or its marked copy. */
  url: string;
  blobId: string;
  event: ArchiveEvent;
}

/** The long-running methods that can run as a job (`jobs.start`) and report progress. */
export const JOB_METHODS = ['archive.verifyAll', 'archive.exportBundle'] as const;
export type JobMethod = (typeof JOB_METHODS)[number];

/** What a job of each method ends with: the same value the direct call returns. */
export interface JobResults {
  'archive.verifyAll': VerifyAllResult;
  'archive.exportBundle': BundleExportResult;
}

/**
 * What a job has done so far (`jobs.get`). `done`/`total` count every unit of work of the whole job (events
 * walked plus records checked for verifyAll; records written for exportBundle): `done` never decreases and
 * equals `total` once the job is done. `phaseDone`/`phaseTotal` count within `phase` (records, for "已校验 N /
 * M 份"). `total` is 0 until the job has counted its work.
 */
export type JobStatus = {
  [M in JobMethod]: {
    id: string;
    method: M;
    state: 'running' | 'done' | 'failed';
    /** `chain`: walking the audit events; `records`: re-hashing each record's files; `files`: writing the bundle. */
    phase: 'starting' | 'chain' | 'records' | 'files';
    done: number;
    total: number;
    phaseDone: number;
    phaseTotal: number;
    /** ISO instants (host clock). */
    startedAt: string;
    finishedAt: string | null;
    /** Present once `state` is `done`. */
    result?: JobResults[M];
    /** Present once `state` is `failed`: the error the direct call would have answered. */
    error?: ApiError;
  };
}[JobMethod];
