import type Database from 'better-sqlite3';
import type { FinalizeResult } from '../../shared/dto';
import { clauseIndex } from '../../shared/clause-index';
import type { FieldValue, FieldValues } from '../../shared/template';
import { isIsoDate, validateFieldValue } from '../../shared/validate-field-value';
import type { ArchiveRepository } from '../archive/archive-repository';
import type { ContentStore } from '../archive/content-store';
import { supersedeRecord } from '../archive/supersede-record';
import type { DraftRepository } from '../drafts/draft-repository';
import { CoreError } from '../errors';
import { composePledgePdf } from '../pdf/compose-pledge-pdf';
import { signPdfWithP12 } from './digital/sign-pdf-with-p12';
import { decodeImageDataUrl } from '../pdf/image-bytes';
import type { TemplateRepository } from '../templates/template-repository';
import { sha256Hex } from '../util/sha256-hex';
import { contentHash } from './content-hash';
import { EVIDENCE_STATEMENT, WET_INK_NOTE, type Evidence } from './evidence';

/** Signer details that have a checkable form. */
const SIGNER_CHECKS = [
  ['idNumber', 'idCard'],
  ['creditCode', 'creditCode'],
  ['phone', 'phone'],
] as const;

export interface FinalizeDeps {
  db: Database.Database;
  templates: TemplateRepository;
  drafts: DraftRepository;
  archive: ArchiveRepository;
  pdfs: ContentStore;
  font: Uint8Array;
  /** The title and 一、 heading face; without it headings are set in `font`. */
  headingFont?: Uint8Array;
  /** The .p12 bytes for an optional digital signature (the input names it by blob id). */
  p12?: Uint8Array;
  producer: string;
  appVersion: string;
  now: Date;
  /** A fresh archive record id, e.g. `PD-20261128-7KQ3M9XA`. */
  newId: string;
  /** 32 random hex digits salting the hash of the record's personal data (see `splitPersonal`). */
  salt: string;
}

export interface FinalizeInput {
  draftId: string;
  signatures: Record<string, { png: string }>;
  seal?: { png: string };
  date: string;
  /** An archived record this pledge corrects: it is marked superseded by the new one in the same transaction. */
  supersedes?: string;
  dateFormat?: 'zh' | 'iso';
  /** Archive a copy to be printed and signed in ink: no signature images; the signed scan is attached later. */
  wetInk?: boolean;
  /** Sign the PDF digitally too; the .p12 bytes come in `FinalizeDeps.p12`. */
  digitalSignature?: { p12BlobId: string; passphrase: string };
}

/**
 * Signs a draft: checks that every required field is filled and valid and that every signature field has an
 * image, composes the PDF, stores it under its SHA-256, and, in one transaction, records it in the archive
 * (row, personal-data row, `signed` event in the hash chain, search entries), marks the record it
 * supersedes, and freezes the draft. Nothing is archived unless everything succeeds.
 */
export async function finalizePledge(input: FinalizeInput, deps: FinalizeDeps): Promise<FinalizeResult> {
  const draft = deps.drafts.get(input.draftId);
  if (draft.status !== 'open') throw new CoreError('DRAFT_FINALIZED', `draft ${draft.id} is already signed`);
  if (input.supersedes !== undefined && !deps.archive.has(input.supersedes)) {
    throw new CoreError('ARCHIVE_NOT_FOUND', `no archived pledge ${input.supersedes} to supersede`, 'supersedes');
  }
  const template = deps.templates.get(draft.templateId, draft.templateVersion);
  if (!isIsoDate(input.date)) throw new CoreError('INVALID_VALUE', `"${input.date}" is not a real date`, 'date');
  const signer = draft.signer;
  if (!signer || !signer.name.trim()) throw new CoreError('MISSING_VALUE', 'the signer name is missing', 'signer.name');

  for (const [key, valueType] of SIGNER_CHECKS) {
    const value = signer[key];
    if (!value) continue;
    const check = validateFieldValue({ id: key, kind: 'blank', label: key, valueType, required: false }, value, false);
    if (!check.ok) throw new CoreError('INVALID_VALUE', `signer ${key}: ${check.message}`, `signer.${key}`);
  }

  const values: FieldValues = {};
  for (const field of template.fields) {
    if (field.kind === 'signature') continue;
    const given = draft.values[field.id];
    const value = field.kind === 'date' && (given === undefined || given === '') ? input.date : given;
    const check = validateFieldValue(field, value, true);
    if (!check.ok) {
      const code = check.problem === 'empty' || check.problem === 'other-text-missing' ? 'MISSING_VALUE' : 'INVALID_VALUE';
      throw new CoreError(code, `${field.label}: ${check.message}`, field.id);
    }
    if (value !== undefined) values[field.id] = normalise(value);
  }

  const signatureFields = template.fields.filter((f) => f.kind === 'signature');
  for (const key of Object.keys(input.signatures)) {
    if (!signatureFields.some((f) => f.id === key)) throw new CoreError('UNKNOWN_FIELD', `${key} is not a signature field`, key);
  }
  const images: Record<string, Uint8Array> = {};
  const imageSha256s: Record<string, string> = {};
  for (const field of signatureFields) {
    const image = input.signatures[field.id];
    if (!image && input.wetInk) continue;
    if (!image) throw new CoreError('MISSING_VALUE', `${field.label}: a signature is required`, field.id);
    images[field.id] = decodeImageDataUrl(image.png, field.id);
    imageSha256s[field.id] = sha256Hex(images[field.id] as Uint8Array);
  }
  const seal = input.seal ? decodeImageDataUrl(input.seal.png, 'seal') : undefined;
  if (seal) imageSha256s.seal = sha256Hex(seal);

  const hash = contentHash({ templateVersion: template.version, values, signer, date: input.date, imageSha256s });
  const acks = clauseIndex(template).map((c) => ({ key: c.key, number: c.number, acknowledgedAt: draft.acks[c.key] ?? null }));
  const evidence: Evidence = {
    schema: 1,
    documentId: deps.newId,
    templateId: template.id,
    templateTitle: template.title,
    templateVersion: template.version,
    signer,
    draftStartedAt: draft.createdAt,
    signedAt: deps.now.toISOString(),
    date: input.date,
    clauses: acks,
    contentHash: hash,
    imageSha256s,
    appVersion: deps.appVersion,
    statement: input.wetInk ? `${EVIDENCE_STATEMENT}${WET_INK_NOTE}` : EVIDENCE_STATEMENT,
  };
  const pdf = await composePledgePdf({
    evidence,
    template,
    values,
    signer,
    date: input.date,
    signatures: images,
    ...(seal ? { seal } : {}),
    font: deps.font,
    ...(deps.headingFont ? { headingFont: deps.headingFont } : {}),
    ...(input.dateFormat ? { dateFormat: input.dateFormat } : {}),
    ...(input.wetInk ? { wetInk: true } : {}),
    docId: deps.newId,
    contentHash: hash,
    createdAt: deps.now,
    producer: deps.producer,
  });
  // A digital signature is the very last change: it covers the whole file, evidence attachment included.
  const file =
    input.digitalSignature && deps.p12
      ? await signPdfWithP12(pdf, {
          p12: deps.p12,
          passphrase: input.digitalSignature.passphrase,
          signingTime: deps.now,
          signerName: signer.name,
          reason: `承诺人${signer.name}签署${template.title}`,
          contactInfo: deps.newId,
        })
      : pdf;
  const fileSha256 = deps.pdfs.put(file);
  // Re-check under the write lock: two concurrent signings of one draft must not archive it twice.
  deps.db.transaction(() => {
    if (deps.drafts.get(draft.id).status !== 'open') throw new CoreError('DRAFT_FINALIZED', `draft ${draft.id} is already signed`);
    deps.archive.insert(
      {
        id: deps.newId,
        templateId: template.id,
        templateVersion: template.version,
        title: template.title,
        signer,
        values,
        date: input.date,
        signedAt: deps.now.toISOString(),
        fileSha256,
        fileBytes: file.length,
        contentHash: hash,
        draftId: draft.id,
      },
      template,
      deps.salt,
    );
    if (input.supersedes !== undefined) supersedeRecord(deps.db, { id: input.supersedes, by: deps.newId, at: deps.now.toISOString() });
    deps.drafts.markSigned(draft.id, deps.newId, deps.now);
  }).immediate();
  return { id: deps.newId, fileSha256, contentHash: hash };
}

/** Values as hashed and printed: trimmed, and a choice's free text only for its "其他" option. */
function normalise(value: FieldValue): FieldValue {
  if (typeof value === 'string') return value.trim();
  const other = value.other?.trim();
  return other ? { option: value.option, other } : { option: value.option };
}
