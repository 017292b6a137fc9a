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
  kind: 'composed';
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
  values: FieldValues;
  signerDetails: Signer;
  /** The archived PDF, readable through the blob route. */
  pdf: { blobId: string; url: string; bytes: number };
}

export interface FinalizeResult {
  id: string;
  /** SHA-256 (hex) of the archived PDF file's bytes. */
  fileSha256: string;
  /** SHA-256 (hex) of the canonical pledge content; printed in the PDF. */
  contentHash: string;
}

export type { Template };
