import { z } from 'zod';
import type { ApiResult } from './api-error';
import type {
  AppInfo,
  OpenedFile,
  ArchiveEvent,
  ArchiveRecord,
  ArchiveScan,
  ArchiveSearchResult,
  ClauseChange,
  PdfInspectionDto,
  Profile,
  ProfileAsset,
  StampResultDto,
  ArchiveSummary,
  BackupExportResult,
  BackupInfo,
  BrowserPrintResult,
  BundleExportResult,
  BundleImportResult,
  Draft,
  DraftSummary,
  FinalizeResult,
  ImportedTemplate,
  RegisterExportResult,
  JobStatus,
  RestoreResult,
  Signer,
  TemplateSummary,
  VerifyAllResult,
  VerifyCodeResult,
  VerifyResult,
} from './dto';
import type { MethodName } from './method-names';
import type { FieldValue, Template } from './template';
import { VALUE_TYPES } from './template';

/** Largest image accepted as a data URL (signature, seal): 2 MB of decoded bytes, ~2.7 MB of base64. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const MAX_DATA_URL_CHARS = Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 64;

const zId = z.string().min(1).max(128);
const zPageRect = z.object({ x: z.number().finite(), y: z.number().finite(), width: z.number().positive().finite(), height: z.number().positive().finite() }).strict();
const zIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const zBlobId = z.string().regex(/^[0-9a-f]{64}$/, 'expected a blob id');
/** Why a record is voided or erased: kept in the audit chain for good, so it should hold no personal data. */
const zReason = z.string().trim().min(1, 'a reason is required').max(500);

export const zSigner = z.object({
  type: z.enum(['企业', '个人', '其他']),
  name: z.string().max(200),
  organisation: z.string().max(200).optional(),
  idNumber: z.string().max(64).optional(),
  creditCode: z.string().max(64).optional(),
  phone: z.string().max(64).optional(),
  address: z.string().max(500).optional(),
}) satisfies z.ZodType<Signer>;

export const zFieldValue = z.union([
  z.string().max(2000),
  z.object({ option: z.string().max(200), other: z.string().max(2000).optional() }),
]) satisfies z.ZodType<FieldValue>;

export const zImage = z.object({
  png: z
    .string()
    .max(MAX_DATA_URL_CHARS, 'image larger than 2 MB')
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=\s]+$/, 'expected a PNG or JPEG data URL'),
});

const zBlock = z.object({ text: z.string().max(200_000), fields: z.array(z.string().max(128)).max(2000) });
type ClauseShape = { number: string; text: string; fields: string[]; children: ClauseShape[] };
const zClause: z.ZodType<ClauseShape> = z.lazy(() =>
  z.object({
    number: z.string().max(40),
    text: z.string().max(200_000),
    fields: z.array(z.string().max(128)).max(2000),
    children: z.array(zClause).max(500),
  }),
);

/** A template as the editor sends it back; the host re-derives its version and checks its consistency. */
export const zTemplate = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'ids are letters, digits, _ . -'),
  version: z.string().max(128).optional(),
  title: z.string().min(1).max(200),
  preamble: zBlock,
  sections: z
    .array(
      z.object({
        number: z.string().max(40),
        heading: z.string().max(2000),
        text: z.string().max(200_000),
        fields: z.array(z.string().max(128)).max(2000),
        clauses: z.array(zClause).max(500),
      }),
    )
    .max(200),
  closing: zBlock,
  fields: z
    .array(
      z.object({
        id: z.string().min(1).max(128),
        kind: z.enum(['blank', 'choice', 'signature', 'date']),
        label: z.string().max(200),
        unit: z.string().max(20).optional(),
        valueType: z.enum(VALUE_TYPES).optional(),
        options: z.array(z.string().max(200)).max(50).optional(),
        otherOption: z.string().max(200).optional(),
        preselected: z.string().max(200).optional(),
        min: z.number().finite().optional(),
        max: z.number().finite().optional(),
        required: z.boolean(),
      }),
    )
    .max(2000),
  warnings: z.array(z.object({ code: z.string().max(64), message: z.string().max(500) })).max(100).optional(),
});

/** What an import reads: pasted text, or a file uploaded through the blob route (with its name for the format). */
const zImportSource = z
  .object({
    text: z.string().max(20 * 1024 * 1024, 'text larger than 20 MB').optional(),
    blobId: z.string().regex(/^[0-9a-f]{64}$/, 'expected a blob id').optional(),
    fileName: z.string().max(260).optional(),
    /** For templates.import: store only the pledges at these positions of the parse result. */
    only: z.array(z.number().int().min(0).max(999)).max(1000).optional(),
  })
  .strict()
  .refine((v) => (v.text === undefined) !== (v.blobId === undefined), 'give exactly one of text or blobId');

/** The words and filters of an archive search (`archive.search` adds sorting and paging). */
const zArchiveFilter = z
  .object({
    query: z.string().max(200).optional(),
    templateId: zId.optional(),
    signerType: z.enum(['企业', '个人', '其他']).optional(),
    from: zIsoDate.optional(),
    to: zIsoDate.optional(),
    status: z.enum(['valid', 'void', 'superseded', 'redacted']).optional(),
  })
  .strict();

/** The most records one register (台账) may name or match; see MAX_REGISTER_ROWS in the core. */
export const MAX_REGISTER_RECORDS = 100_000;
/** `archive.exportBundle`'s input, also what `jobs.start` takes to run it as a job. */
const zExportBundle = z
  .object({
    /** The records to export; duplicates are ignored. */
    ids: z.array(zId).min(1).max(1_000_000).optional(),
    /** Every record in the archive instead of `ids`. */
    all: z.literal(true).optional(),
    /** Also carry the records' personal data (ID and phone numbers, addresses); off unless the user asks. */
    includePersonalData: z.boolean().optional(),
  })
  .strict()
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), 'give exactly one of ids or all');

/**
 * THE contract: every method's input validator. Results are typed by `MethodResults`. Adding a method means
 * adding it here, in `MethodResults` and in `METHOD_NAMES`; the compiler checks that the three agree.
 */
export const METHODS = {
  'app.info': z.object({}).strict(),
  'app.openedFiles': z.object({}).strict(),
  'templates.list': z.object({}).strict(),
  'templates.get': z.object({ id: zId, version: z.string().max(128).optional() }).strict(),
  'templates.parse': zImportSource,
  'templates.import': zImportSource,
  'templates.save': z.object({ template: zTemplate }).strict(),
  'drafts.create': z.object({ templateId: zId, version: z.string().max(128).optional() }).strict(),
  'drafts.get': z.object({ id: zId }).strict(),
  'drafts.update': z
    .object({
      id: zId,
      values: z.record(z.string().max(128), zFieldValue).optional(),
      signer: zSigner.optional(),
      step: z.string().max(64).optional(),
      acks: z.record(z.string().max(64), z.boolean()).optional(),
    })
    .strict(),
  'drafts.list': z
    .object({ query: z.string().max(200).optional(), sort: z.enum(['updated', 'created', 'title']).optional() })
    .strict(),
  'drafts.duplicate': z.object({ id: zId }).strict(),
  'drafts.delete': z.object({ id: zId }).strict(),
  'drafts.restore': z.object({ id: zId }).strict(),
  'drafts.upgrade': z.object({ id: zId }).strict(),
  'templates.diff': z.object({ id: zId, from: z.string().max(128), to: z.string().max(128) }).strict(),
  'profiles.list': z.object({}).strict(),
  'profiles.save': z.object({ id: zId.optional(), signer: zSigner }).strict(),
  'profiles.delete': z.object({ id: zId }).strict(),
  'profiles.listAssets': z.object({ profileId: zId, kind: z.enum(['signature', 'seal']).optional() }).strict(),
  'profiles.saveAsset': z
    .object({
      profileId: zId,
      kind: z.enum(['signature', 'seal']),
      label: z.string().trim().max(60).optional(),
      /** PNG only, background already removed by the client (the host checks it has transparency). */
      png: z
        .string()
        .max(MAX_DATA_URL_CHARS, 'image larger than 2 MB')
        .regex(/^data:image\/png;base64,[A-Za-z0-9+/=\s]+$/, 'expected a PNG data URL'),
    })
    .strict(),
  'profiles.deleteAsset': z.object({ id: zId }).strict(),
  'signing.finalize': z
    .object({
      draftId: zId,
      signatures: z.record(z.string().max(128), zImage),
      seal: zImage.optional(),
      date: zIsoDate,
      /** An archived record this pledge corrects; it is marked superseded in the same transaction. */
      supersedes: zId.optional(),
      /** Archive a copy to print and sign in ink (no signature images); attach the signed scan with archive.attachScan. */
      wetInk: z.boolean().optional(),
      /** How the date line is written: 2026年11月28日 (default) or 2026-11-28. */
      dateFormat: z.enum(['zh', 'iso']).optional(),
      /** Also sign the PDF digitally (PAdES) with a .p12 uploaded through the blob route. */
      digitalSignature: z.object({ p12BlobId: zBlobId, passphrase: z.string().max(1024) }).strict().optional(),
    })
    .strict(),
  'stamping.inspect': z.object({ blobId: zBlobId, password: z.string().max(1024).optional() }).strict(),
  'stamping.stamp': z
    .object({
      blobId: zBlobId,
      /** The source file's name, shown as the record's title. */
      fileName: z.string().max(260).optional(),
      signer: zSigner,
      signature: zImage,
      seal: zImage.optional(),
      date: zIsoDate.optional(),
      dateFormat: z.enum(['zh', 'iso']).optional(),
      placements: z
        .array(
          z
            .object({
              page: z.union([z.number().int().min(1).max(100_000), z.enum(['last', 'all'])]),
              what: z.enum(['signature', 'seal', 'date']),
              rect: zPageRect,
            })
            .strict(),
        )
        .max(1000)
        .optional(),
      block: z
        .object({
          page: z.union([z.number().int().min(1).max(100_000), z.enum(['last', 'all'])]),
          at: z.object({ x: z.number().finite(), y: z.number().finite() }).strict().optional(),
        })
        .strict()
        .optional(),
      crossPageSeal: z.boolean().optional(),
      fillForm: z.record(z.string().max(512), z.string().max(10_000)).optional(),
      flattenForm: z.boolean().optional(),
      password: z.string().max(1024).optional(),
    })
    .strict(),
  'signing.createIdentity': z
    .object({
      /** The certificate's subject; blank (only spaces) is refused: the certificate would name nobody. */
      commonName: z.string().min(1).max(64).regex(/\S/, 'must not be blank'),
      organisation: z.string().max(64).optional(),
      passphrase: z.string().min(1).max(1024),
      validDays: z.number().int().min(1).max(36500).optional(),
    })
    .strict(),
  'archive.list': z.object({}).strict(),
  'archive.get': z.object({ id: zId, reveal: z.boolean().optional() }).strict(),
  'archive.export': z.object({ id: zId }).strict(),
  'archive.saveScan': z.object({ id: zId, sha256: zBlobId }).strict(),
  'archive.print': z
    .object({
      id: zId,
      copies: z.number().int().min(1).max(99).optional(),
      /** Print a copy marked "副本" with the print time and record id on every page (the archived file is untouched). */
      copyMark: z.boolean().optional(),
    })
    .strict(),
  'archive.printInBrowser': z.object({ id: zId, copyMark: z.boolean().optional() }).strict(),
  'archive.search': zArchiveFilter
    .extend({
      sort: z.enum(['signedAt', 'title', 'rank']).optional(),
      page: z.number().int().min(1).max(100_000).optional(),
      pageSize: z.number().int().min(1).max(200).optional(),
    })
    .strict(),
  'archive.void': z.object({ id: zId, reason: zReason }).strict(),
  'archive.redact': z.object({ id: zId, reason: zReason }).strict(),
  'archive.attachScan': z.object({ id: zId, blobId: zBlobId }).strict(),
  'archive.supersede': z.object({ id: zId, by: zId, reason: z.string().max(500).optional() }).strict(),
  'archive.verify': z.object({ blobId: zBlobId }).strict(),
  'archive.verifyCode': z.object({ code: z.string().min(1).max(200) }).strict(),
  'archive.verifyAll': z.object({}).strict(),
  'archive.exportBundle': zExportBundle,
  'archive.importBundle': z.object({ blobId: zBlobId }).strict(),
  'archive.register': z
    .object({
      /** The records to list; duplicates are ignored. Without `ids` or `filter`: every record. */
      ids: z.array(zId).min(1).max(MAX_REGISTER_RECORDS).optional(),
      /** Every record this search finds (all pages) instead of `ids`. */
      filter: zArchiveFilter.optional(),
      format: z.enum(['csv', 'xlsx']),
      /** Show ID and phone numbers and addresses in full (an `exported` audit event per record shown); masked otherwise. */
      reveal: z.boolean().optional(),
    })
    .strict()
    .refine((v) => v.ids === undefined || v.filter === undefined, 'give ids or filter, not both'),
  'jobs.start': z.discriminatedUnion('method', [
    z.object({ method: z.literal('archive.verifyAll'), input: z.object({}).strict() }).strict(),
    z.object({ method: z.literal('archive.exportBundle'), input: zExportBundle }).strict(),
  ]),
  'jobs.get': z.object({ id: zId }).strict(),
  'exports.save': z.object({ blobId: zBlobId, fileName: z.string().min(1).max(200) }).strict(),
  'backup.create': z.object({}).strict(),
  'backup.list': z.object({}).strict(),
  'backup.restore': z.object({}).strict(),
  'backup.export': z.object({}).strict(),
} satisfies Record<MethodName, z.ZodType>;

export interface MethodResults {
  'app.info': AppInfo;
  /** Files opened with the app since the last call (taken: each is returned once). */
  'app.openedFiles': OpenedFile[];
  'templates.list': TemplateSummary[];
  'templates.get': Template;
  /** Parses without storing: one template per pledge found in the document. */
  'templates.parse': { templates: Template[] };
  /** Parses and stores each pledge as a template (a new version when its id exists already). */
  'templates.import': { templates: ImportedTemplate[] };
  /** Stores an edited template as a new version of its id (drafts keep the version they started with). */
  'templates.save': { id: string; version: string; isNewVersion: boolean };
  'drafts.create': { id: string };
  'drafts.get': Draft;
  'drafts.update': { savedAt: string };
  'drafts.list': DraftSummary[];
  /** A copy of the draft's answers and signer, to fill the same pledge for another shop. */
  'drafts.duplicate': { id: string };
  /** Moves a draft to the trash; `drafts.restore` undoes it. */
  'drafts.delete': { deletedAt: string };
  'drafts.restore': { restored: true };
  /** Moves a draft to its template's newest version, keeping answers whose fields still exist. */
  'drafts.upgrade': { templateVersion: string; changes: ClauseChange[]; droppedFields: string[] };
  'templates.diff': { changes: ClauseChange[] };
  'profiles.list': Profile[];
  'profiles.save': { id: string };
  /** Deletes the profile and, with it, its saved signatures and seals. */
  'profiles.delete': { deleted: true };
  /** The profile's saved signatures and seals (of one kind if asked), newest first. */
  'profiles.listAssets': ProfileAsset[];
  /** Saves a signature or seal with a profile; the same image twice keeps the first (`existing: true`). */
  'profiles.saveAsset': { id: string; existing: boolean };
  'profiles.deleteAsset': { deleted: true };
  'signing.finalize': FinalizeResult;
  /**
   * Generates a self-signed signing identity kept on this machine (a .p12 stored as a blob, protected by the
   * passphrase, which is never stored) for `signing.finalize`'s `digitalSignature`.
   */
  /** Pages, boxes, rotation, protection, signature and form fields of an uploaded PDF. */
  'stamping.inspect': PdfInspectionDto;
  /** Stamps signature, seal and date onto an uploaded PDF and archives the result as a `stamped` record. */
  'stamping.stamp': StampResultDto;
  'signing.createIdentity': { p12BlobId: string; fingerprintSha256: string; certificatePem: string };
  'archive.list': ArchiveSummary[];
  /**
   * One record. With `reveal` its personal data is in full and, when it has any, a `revealed` event
   * ({via, fields}) is appended first, so the answer's `events` already end with it.
   */
  'archive.get': ArchiveRecord;
  /** Asks where to save a copy of the archived PDF (desktop only); `path` is null when the user cancelled. */
  'archive.export': { path: string | null };
  /**
   * Desktop only: saves one of the record's wet-ink scans where the user chooses (native dialog; the desktop
   * window does not download); null when cancelled. A save is an `exported` audit event naming the scan.
   */
  'archive.saveScan': { path: string | null };
  /**
   * Opens the system print dialog for the archived PDF, or with `copyMark` for a copy marked "副本" (desktop
   * only); false when cancelled. A print appends a `printed` event (`PrintedDetails`, via `desktop`).
   */
  'archive.print': { printed: boolean };
  /**
   * Browser mode's print: makes the PDF to print (the archived one, or with `copyMark` a copy marked "副本"),
   * appends a `printed` event (via `browser`, copies null: they are chosen in the browser's print dialog) and
   * returns its URL for the page to open and print. The event says the PDF was opened for printing; whether
   * the browser's dialog was then confirmed, a page cannot know.
   */
  'archive.printInBrowser': BrowserPrintResult;
  /** A page of records matching words and filters, newest first by default; never personal data. */
  'archive.search': ArchiveSearchResult;
  /** Appends a `voided` event; the record and its PDF stay. */
  'archive.void': { event: ArchiveEvent };
  /**
   * Erases a record's personal data, search entries, PDF and scans on request, keeping the row (with the
   * PDF's hash as a tombstone) and appending a `redacted` event saying what was erased.
   */
  'archive.redact': { event: ArchiveEvent; erasedFiles: number };
  /** Attaches an uploaded scan or photo of the wet-ink signed copy (PNG, JPEG or PDF) to a record. */
  'archive.attachScan': { event: ArchiveEvent; scan: ArchiveScan };
  /** Marks `id` as superseded by the correcting record `by`. */
  'archive.supersede': { event: ArchiveEvent };
  /** Tells whether an uploaded PDF or picture is a true copy of an archived pledge. */
  'archive.verify': VerifyResult;
  /** Checks a verification code typed from a printed copy. */
  'archive.verifyCode': VerifyCodeResult;
  /** Re-hashes every stored PDF and scan and walks the hash chain; names every failing record. */
  'archive.verifyAll': VerifyAllResult;
  /**
   * Writes the records, their audit events, PDFs, scans and template versions (and their personal data only
   * with `includePersonalData`) into a `.pledgebundle` for another machine, and appends an `exported` event
   * naming the bundle's SHA-256 to each record. The renderer downloads it from the blob route.
   */
  'archive.exportBundle': BundleExportResult;
  /**
   * Imports a `.pledgebundle` uploaded through the blob route. Every file hash, row hash and the bundle's
   * event chain are checked before anything is written (a damaged bundle imports nothing: BUNDLE_INVALID
   * names the wrong file or record); records already here are skipped, never overwritten; the rest land in
   * one transaction, each with its events and an `imported` event.
   */
  'archive.importBundle': BundleImportResult;
  /**
   * Writes the register (台账) of the records as CSV (UTF-8 with BOM, CRLF) or XLSX, one row per record, oldest
   * first, personal data masked unless `reveal`. In the desktop app the host asks where to save it (`path`,
   * null when cancelled); elsewhere `path` is absent and the renderer downloads `url` (see RegisterExportResult).
   */
  'archive.register': RegisterExportResult;
  /**
   * Starts a long method (`archive.verifyAll`, `archive.exportBundle`) as a job in the host, which runs it in
   * batches so other calls stay responsive; poll `jobs.get` for its progress and, at the end, its result.
   */
  'jobs.start': { id: string };
  /** A job's state and progress (done / total); its result or error once finished. */
  'jobs.get': JobStatus;
  /**
   * Desktop only: asks where to save a file waiting in the data folder's `exports/` (a bundle from a job, a
   * register, a full backup) and writes it there; `path` is null when the user cancelled. The waiting copy is
   * deleted once saved. `fileName` is only the suggested name: it must keep the file's own extension.
   */
  'exports.save': { path: string | null };
  /** Backs the database up now (SQLite online backup) into `<dataDir>/backups/`. */
  'backup.create': BackupInfo;
  /** The backups in `<dataDir>/backups/`, newest first. */
  'backup.list': BackupInfo[];
  /**
   * In recovery mode (the database could not be opened: see `AppInfo.recovery`) only: moves the damaged
   * database aside, copies the newest sound backup in, checks it and opens it; the host then works normally.
   * A host whose database opened answers DB_NOT_DAMAGED.
   */
  'backup.restore': RestoreResult;
  /**
   * "备份全部数据": writes one `.pledgebackup` file holding an online snapshot of the database and every archived
   * PDF and scan, with a manifest of their sizes and SHA-256 (`pledge restore FILE` puts it back into an empty
   * data folder). With a save dialog (desktop) the user picks where it goes (`path`, null when cancelled);
   * otherwise the renderer downloads it from `url` (until the host restarts).
   */
  'backup.export': BackupExportResult;
}

export type MethodInput<M extends MethodName> = z.input<(typeof METHODS)[M]>;
export type MethodResult<M extends MethodName> = MethodResults[M];

/** The object the renderer sees as `window.pledge`: one async function per method, plus the blob upload. */
export type PledgeApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodResult<M>>>;
} & {
  /** Stores raw bytes (a PDF, a scan) and returns their id; the bytes never travel as JSON. */
  'blobs.put': (bytes: ArrayBuffer) => Promise<ApiResult<{ blobId: string }>>;
};

/** JSON Schema of every method's input, generated from the validators (`pledge api schema`). */
export function methodSchemas(): Record<MethodName, unknown> {
  const out = {} as Record<MethodName, unknown>;
  for (const [name, schema] of Object.entries(METHODS)) {
    out[name as MethodName] = z.toJSONSchema(schema, { io: 'input' });
  }
  return out;
}
