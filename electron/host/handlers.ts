import type Database from 'better-sqlite3';
import type { MethodInput, MethodResult } from '../shared/api';
import type { MethodName } from '../shared/method-names';
import { type ClauseEntry, clauseIndex, clauseOfField } from '../shared/clause-index';
import type { FieldValues, Template } from '../shared/template';
import { validateFieldValue } from '../shared/validate-field-value';
import { wizardSteps } from '../shared/wizard-steps';
import type { ArchiveRepository } from '../core/archive/archive-repository';
import type { ContentStore } from '../core/archive/content-store';
import type { DraftRepository } from '../core/drafts/draft-repository';
import type { ProfileAssetRepository } from '../core/drafts/profile-asset-repository';
import type { ProfileRepository } from '../core/drafts/profile-repository';
import { CoreError } from '../core/errors';
import { generateSelfSignedIdentity } from '../core/signing/digital/generate-self-signed-identity';
import { finalizePledge } from '../core/signing/finalize-pledge';
import { checkTemplate } from '../core/template/check-template';
import { diffTemplates } from '../core/template/diff-templates';
import { decodeDocument } from '../core/template/import/decode-document';
import { importPledges } from '../core/template/import/import-pledges';
import type { TemplateRepository } from '../core/templates/template-repository';
import { APP_VERSION, PRODUCER } from './app-version';
import { STAMPING_HANDLERS, type Stamper } from './stamping-handlers';
import { ARCHIVE_HANDLERS } from './archive-handlers';
import { BACKUP_HANDLERS } from './backup-handlers';
import { BUNDLE_HANDLERS } from './bundle-handlers';
import { REGISTER_HANDLERS } from './register-handlers';
import { EXPORT_HANDLERS } from './export-handlers';
import { JOB_HANDLERS } from './job-handlers';
import type { JobRunner } from './job-runner';
import { PRINT_HANDLERS } from './print-handlers';
import type { HostPorts } from './host';
import type { OpenedFiles } from './opened-files';
import { newArchiveId, newDraftId } from './new-ids';

/** What the handlers run against: one open database, its repositories and the host's ports. */
export interface HostContext {
  db: Database.Database;
  templates: TemplateRepository;
  drafts: DraftRepository;
  profiles: ProfileRepository;
  profileAssets: ProfileAssetRepository;
  archive: ArchiveRepository;
  pdfs: ContentStore;
  font: () => Uint8Array;
  headingFont: () => Uint8Array;
  /** Stamps outside PDFs off the calling thread, with a time limit. */
  stamper: Pick<Stamper, 'stamp' | 'inspect'>;
  /** Stores bytes as a blob (content-addressed) and returns the id. */
  putBlob: (bytes: Uint8Array) => string;
  clock: () => Date;
  randomBytes: (n: number) => Uint8Array;
  blobUrlPrefix: string;
  mode: 'desktop' | 'browser' | 'embedded';
  dataDir: string;
  ports: HostPorts;
  /** Bytes of an uploaded blob, or null. */
  readBlob: (blobId: string) => Uint8Array | null;
  /** Files handed to the app by the operating system, waiting for the renderer. */
  openedFiles: OpenedFiles;
  /** Background jobs (`jobs.start`, `jobs.get`). */
  jobs: JobRunner;
}

export type Handlers = {
  [M in MethodName]: (input: MethodInput<M>, ctx: HostContext) => MethodResult<M> | Promise<MethodResult<M>>;
};

/** One handler per contract method; inputs arrive already validated by `dispatch`. */
export const HANDLERS: Handlers = {
  'app.info': (_input, ctx) => ({
    mode: ctx.mode,
    version: APP_VERSION,
    dataDir: ctx.dataDir,
    nativeFileDialogs: ctx.ports.saveFile !== undefined && ctx.ports.printPdf !== undefined,
  }),
  'app.openedFiles': (_input, ctx) => ctx.openedFiles.take(),
  'templates.list': (_input, ctx) => ctx.templates.list(),
  'templates.get': (input, ctx) => ctx.templates.get(input.id, input.version),
  'templates.parse': async (input, ctx) => ({ templates: await readTemplates(input, ctx) }),
  'templates.import': async (input, ctx) => {
    const parsed = await readTemplates(input, ctx);
    const templates = input.only ? parsed.filter((_, i) => input.only?.includes(i)) : parsed;
    const now = ctx.clock();
    const saved = ctx.db.transaction(() => templates.map((t) => ctx.templates.save(t, 'import', now)))();
    return {
      templates: templates.map((t, i) => ({
        id: t.id,
        version: t.version,
        title: t.title,
        sectionCount: t.sections.length,
        fieldCount: t.fields.length,
        warnings: t.warnings,
        isNewVersion: saved[i] === true,
      })),
    };
  },
  'templates.save': (input, ctx) => {
    const template = checkTemplate(input.template as unknown as Template);
    const isNewVersion = ctx.templates.save(template, 'import', ctx.clock());
    return { id: template.id, version: template.version, isNewVersion };
  },
  'drafts.create': (input, ctx) => {
    const template = ctx.templates.get(input.templateId, input.version);
    const id = newDraftId(ctx.randomBytes);
    ctx.drafts.create({ id, templateId: template.id, templateVersion: template.version, step: 'intro' }, ctx.clock());
    return { id };
  },
  'drafts.get': (input, ctx) => {
    const draft = ctx.drafts.get(input.id);
    const newest = ctx.templates.get(draft.templateId).version;
    return { ...draft, newerVersion: draft.status === 'open' && newest !== draft.templateVersion ? newest : null };
  },
  'drafts.update': (input, ctx) => {
    const draft = ctx.drafts.get(input.id);
    const template = ctx.templates.get(draft.templateId, draft.templateVersion);
    if (input.values) checkKnownFields(template, input.values);
    if (input.step !== undefined && !wizardSteps(template).includes(input.step)) {
      throw new CoreError('VALIDATION', `"${input.step}" is not a step of this template`, 'step');
    }
    const keys = new Set(clauseIndex(template).map((c) => c.key));
    for (const key of Object.keys(input.acks ?? {})) {
      if (!keys.has(key)) throw new CoreError('VALIDATION', `"${key}" is not a clause of this template`, 'acks');
    }
    const change = {
      ...(input.values ? { values: input.values } : {}),
      ...(input.signer ? { signer: input.signer } : {}),
      ...(input.step !== undefined ? { step: input.step } : {}),
      ...(input.acks ? { acks: input.acks } : {}),
      clauseOfField: clauseOfField(template),
    };
    return { savedAt: ctx.drafts.update(input.id, change, ctx.clock()) };
  },
  'drafts.duplicate': (input, ctx) => {
    const draft = ctx.drafts.get(input.id);
    const id = newDraftId(ctx.randomBytes);
    ctx.drafts.create(
      { id, templateId: draft.templateId, templateVersion: draft.templateVersion, step: 'intro', values: draft.values, signer: draft.signer },
      ctx.clock(),
    );
    return { id };
  },
  'drafts.delete': (input, ctx) => ({ deletedAt: ctx.drafts.delete(input.id, ctx.clock()) }),
  'drafts.restore': (input, ctx) => {
    ctx.drafts.restore(input.id);
    return { restored: true as const };
  },
  'drafts.upgrade': (input, ctx) => {
    const draft = ctx.drafts.get(input.id);
    if (draft.status !== 'open') throw new CoreError('DRAFT_FINALIZED', `draft ${draft.id} is signed`);
    if (draft.deletedAt) throw new CoreError('DRAFT_NOT_FOUND', `draft ${draft.id} was deleted`);
    const from = ctx.templates.get(draft.templateId, draft.templateVersion);
    const to = ctx.templates.get(draft.templateId);
    const kept: FieldValues = {};
    const droppedFields: string[] = [];
    for (const [id, value] of Object.entries(draft.values)) {
      const before = from.fields.find((f) => f.id === id);
      const after = to.fields.find((f) => f.id === id);
      // Answers stay as typed (even if not yet valid) unless the field is gone or no longer takes that shape.
      const check = after ? validateFieldValue(after, value, false) : null;
      const fits = check !== null && (check.ok || (check.problem !== 'wrong-shape' && check.problem !== 'unknown-option'));
      if (after && before && after.kind === before.kind && fits) kept[id] = value;
      else droppedFields.push(id);
    }
    // A confirmation survives only where the clause reads exactly as it did.
    // Matched by section number, clause number and text, not by position: a clause removed or inserted
    // before it must not cost an unchanged clause its confirmation.
    const identity = (t: Template, c: ClauseEntry): string => JSON.stringify([t.sections[c.sectionIndex]?.number, c.number, c.text]);
    const oldKeys = new Map(clauseIndex(from).map((c) => [identity(from, c), c.key]));
    const acks: Record<string, string> = {};
    for (const entry of clauseIndex(to)) {
      const oldKey = oldKeys.get(identity(to, entry));
      const at = oldKey === undefined ? undefined : draft.acks[oldKey];
      if (at) acks[entry.key] = at;
    }
    ctx.drafts.rebase(draft.id, to.version, kept, acks, ctx.clock());
    return { templateVersion: to.version, changes: diffTemplates(from, to), droppedFields };
  },
  'templates.diff': (input, ctx) => ({
    changes: diffTemplates(ctx.templates.get(input.id, input.from), ctx.templates.get(input.id, input.to)),
  }),
  'profiles.list': (_input, ctx) => ctx.profiles.list(),
  'profiles.save': (input, ctx) => {
    const id = input.id ?? `p_${Buffer.from(ctx.randomBytes(6)).toString('hex')}`;
    ctx.profiles.save(id, input.signer, ctx.clock());
    return { id };
  },
  'profiles.delete': (input, ctx) => {
    ctx.profiles.delete(input.id);
    return { deleted: true as const };
  },
  'profiles.listAssets': (input, ctx) => ctx.profileAssets.list(input.profileId, input.kind),
  'profiles.saveAsset': (input, ctx) => {
    const png = new Uint8Array(Buffer.from(input.png.slice(input.png.indexOf(',') + 1), 'base64'));
    const id = `pa_${Buffer.from(ctx.randomBytes(8)).toString('hex')}`;
    return ctx.profileAssets.save({ id, profileId: input.profileId, kind: input.kind, label: input.label ?? '', png }, ctx.clock());
  },
  'profiles.deleteAsset': (input, ctx) => {
    ctx.profileAssets.delete(input.id);
    return { deleted: true as const };
  },
  'drafts.list': (input, ctx) => ctx.drafts.list(input),
  'signing.finalize': async (input, ctx) => {
    const now = ctx.clock();
    const p12 = input.digitalSignature ? ctx.readBlob(input.digitalSignature.p12BlobId) : undefined;
    if (p12 === null) throw new CoreError('BLOB_NOT_FOUND', 'no uploaded .p12 with that blob id', 'digitalSignature.p12BlobId');
    return finalizePledge(input, {
      ...(p12 ? { p12 } : {}),
      headingFont: ctx.headingFont(),
      db: ctx.db,
      templates: ctx.templates,
      drafts: ctx.drafts,
      archive: ctx.archive,
      pdfs: ctx.pdfs,
      font: ctx.font(),
      producer: PRODUCER,
      appVersion: APP_VERSION,
      now,
      newId: newArchiveId(now, ctx.randomBytes),
      salt: Buffer.from(ctx.randomBytes(16)).toString('hex'),
    });
  },
  'signing.createIdentity': async (input, ctx) => {
    const identity = await generateSelfSignedIdentity({
      commonName: input.commonName,
      ...(input.organisation ? { organisation: input.organisation } : {}),
      validFrom: ctx.clock(),
      // Ten years: offline, nothing can timestamp the signature, and viewers check the certificate against today.
      validDays: input.validDays ?? 3650,
      passphrase: input.passphrase,
    });
    return { p12BlobId: ctx.putBlob(identity.p12), fingerprintSha256: identity.fingerprintSha256, certificatePem: identity.certificatePem };
  },
  'archive.list': (_input, ctx) => ctx.archive.list(),
  ...ARCHIVE_HANDLERS,
  ...PRINT_HANDLERS,
  ...STAMPING_HANDLERS,
  ...BUNDLE_HANDLERS,
  ...REGISTER_HANDLERS,
  ...JOB_HANDLERS,
  ...EXPORT_HANDLERS,
  ...BACKUP_HANDLERS,
};

/** The templates in an import source: pasted text, or an uploaded file decoded by its format. */
async function readTemplates(input: { text?: string | undefined; blobId?: string | undefined; fileName?: string | undefined }, ctx: HostContext): Promise<Template[]> {
  if (input.text !== undefined) return importPledges(input.text);
  const bytes = ctx.readBlob(input.blobId ?? '');
  if (!bytes) throw new CoreError('BLOB_NOT_FOUND', `no blob ${input.blobId}`);
  const { text } = await decodeDocument(bytes, input.fileName);
  return importPledges(text);
}

/**
 * Draft values are kept as typed, even when not yet valid, but they must name real fields and have the
 * field's shape (a string for blanks, an option for choices): anything else is a caller bug.
 */
function checkKnownFields(template: Template, values: Record<string, unknown>): void {
  for (const [id, value] of Object.entries(values)) {
    const field = template.fields.find((f) => f.id === id);
    if (!field || field.kind === 'signature') throw new CoreError('UNKNOWN_FIELD', `the template has no field ${id}`, id);
    const check = validateFieldValue(field, value as never, false);
    if (!check.ok && (check.problem === 'wrong-shape' || check.problem === 'unknown-option')) {
      throw new CoreError('VALIDATION', `${id}: ${check.message}`, id);
    }
  }
}
