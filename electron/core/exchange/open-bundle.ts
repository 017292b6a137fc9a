import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_MANIFEST_NAME,
  type BundleManifest,
  zBundleHeader,
  zBundleManifest,
  zBundlePersonalData,
} from '../../shared/bundle-manifest';
import type { Template } from '../../shared/template';
import { CHAIN_SCHEMA } from '../archive/chain-hash';
import { CoreError } from '../errors';
import { templateVersion } from '../template/parse-pledge';
import { sha256Hex } from '../util/sha256-hex';
import { checkBundleChain } from './check-bundle-chain';
import { ZipFormatError, ZipReader } from './zip-reader';

/** Largest manifest read (JSON text): far above 100,000 records, below what one string may hold. */
const MAX_MANIFEST_BYTES = 400 * 1024 * 1024;
/** Largest single file (a PDF or scan) read from a bundle. */
export const MAX_BUNDLE_FILE_BYTES = 200 * 1024 * 1024;
/** A personal-data row is a few hundred bytes. */
const MAX_PERSONAL_BYTES = 1024 * 1024;

/** A bundle whose every file, row and event was checked; `readFile` reads a listed file again for writing. */
export interface VerifiedBundle {
  manifest: BundleManifest;
  /** Personal-data rows carried by the bundle, by their hash (= the rows' `personalHash`): canonical JSON. */
  personal: Map<string, string>;
  /** Template versions carried by the bundle, by `JSON.stringify([id, version])`. */
  templates: Map<string, { template: Template; json: string; createdAt: string }>;
  /** Re-reads a listed file (its CRC-32 and size are checked again, and its SHA-256 by the caller's store). */
  readFile(path: string): Uint8Array;
  close(): void;
}

const invalid = (message: string, details?: Record<string, unknown>): CoreError => new CoreError('BUNDLE_INVALID', message, undefined, details);

/**
 * Opens a `.pledgebundle` and checks all of it before anything may be written: the ZIP structure; a manifest
 * of a format this version reads (a newer one is refused with BUNDLE_NEWER_VERSION, not guessed at); every
 * listed file present with its size and SHA-256 (which is also its name), and no file that is not listed;
 * every template version hashing to its version; every record's row hashing to the `rowHash` of the event
 * that opens it, with its PDF and scans present unless it was redacted (and absent if it was); personal data
 * hashing to the row's `personalHash`; and the bundle's events as a chain segment (see `checkBundleChain`).
 * Any failure throws BUNDLE_INVALID naming the file, record or event, with `details.file` or `details.recordId`.
 */
export function openBundle(path: string): VerifiedBundle {
  let reader: ZipReader;
  try {
    reader = ZipReader.open(path);
  } catch (error) {
    if (error instanceof ZipFormatError) throw invalid(`not a readable bundle: ${error.message}`);
    throw error;
  }
  try {
    const verified = verify(reader);
    return {
      ...verified,
      readFile: (file) => {
        const entry = reader.entry(file);
        if (!entry) throw invalid(`the bundle has no file ${file}`, { file });
        return reader.read(entry, MAX_BUNDLE_FILE_BYTES);
      },
      close: () => reader.close(),
    };
  } catch (error) {
    reader.close();
    if (error instanceof ZipFormatError) throw invalid(`the bundle is damaged: ${error.message}`);
    throw error;
  }
}

function verify(reader: ZipReader): Omit<VerifiedBundle, 'readFile' | 'close'> {
  const manifestEntry = reader.entry(BUNDLE_MANIFEST_NAME);
  if (!manifestEntry) throw invalid(`not a Pledge Desk bundle: there is no ${BUNDLE_MANIFEST_NAME}`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(reader.read(manifestEntry, MAX_MANIFEST_BYTES)));
  } catch (error) {
    if (error instanceof ZipFormatError) throw error;
    throw invalid(`${BUNDLE_MANIFEST_NAME} is not JSON: ${(error as Error).message}`, { file: BUNDLE_MANIFEST_NAME });
  }
  const header = zBundleHeader.safeParse(raw);
  if (!header.success || header.data.format !== BUNDLE_FORMAT) throw invalid(`not a Pledge Desk bundle (${BUNDLE_MANIFEST_NAME} has no format ${BUNDLE_FORMAT})`);
  if (header.data.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new CoreError(
      'BUNDLE_NEWER_VERSION',
      `the bundle has format version ${header.data.formatVersion}, written by a newer Pledge Desk; this version reads up to ${BUNDLE_FORMAT_VERSION}: update the app to import it`,
      undefined,
      { formatVersion: header.data.formatVersion, supported: BUNDLE_FORMAT_VERSION },
    );
  }
  const parsed = zBundleManifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`${BUNDLE_MANIFEST_NAME} is malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`, { file: BUNDLE_MANIFEST_NAME });
  }
  // Hashes are computed over the manifest as written (the validator's output drops unknown keys).
  const manifest = raw as BundleManifest;
  if (manifest.chainSchema > CHAIN_SCHEMA) {
    throw new CoreError('BUNDLE_NEWER_VERSION', `the bundle's hash chain uses schema ${manifest.chainSchema}; this version knows ${CHAIN_SCHEMA}`);
  }

  // Files: listed once, present, of the listed size and hash, named by that hash; nothing unlisted.
  const listed = new Map<string, BundleManifest['files'][number]>();
  for (const file of manifest.files) {
    if (listed.has(file.path)) throw invalid(`${file.path} is listed twice`, { file: file.path });
    if (/[0-9a-f]{64}/.exec(file.path)?.[0] !== file.sha256) throw invalid(`${file.path} is listed with another hash than its name`, { file: file.path });
    listed.set(file.path, file);
  }
  for (const entry of reader.entries) {
    if (entry.name !== BUNDLE_MANIFEST_NAME && !listed.has(entry.name)) throw invalid(`${entry.name} is in the bundle but not in its manifest`, { file: entry.name });
  }
  const personal = new Map<string, string>();
  for (const file of manifest.files) {
    const entry = reader.entry(file.path);
    if (!entry) throw invalid(`${file.path} is missing from the bundle`, { file: file.path });
    if (entry.size !== file.bytes) throw invalid(`${file.path} has ${entry.size} bytes, the manifest says ${file.bytes}`, { file: file.path });
    let bytes: Uint8Array;
    try {
      bytes = reader.read(entry, file.path.startsWith('personal/') ? MAX_PERSONAL_BYTES : MAX_BUNDLE_FILE_BYTES);
    } catch (error) {
      if (error instanceof ZipFormatError) throw invalid(`${file.path} is damaged: ${error.message}`, { file: file.path });
      throw error;
    }
    if (sha256Hex(bytes) !== file.sha256) throw invalid(`${file.path} does not match its SHA-256: the file was altered`, { file: file.path });
    if (file.path.startsWith('personal/')) {
      const json = new TextDecoder().decode(bytes);
      if (!isPersonalData(json)) throw invalid(`${file.path} is not a personal-data record`, { file: file.path });
      personal.set(file.sha256, json);
    }
  }

  // Templates: each hashes to its version.
  const templates: VerifiedBundle['templates'] = new Map();
  for (const t of manifest.templates) {
    const key = JSON.stringify([t.id, t.version]);
    if (t.template.id !== t.id || t.template.version !== t.version || templateVersion(t.template) !== t.version) {
      throw invalid(`template ${t.id} version ${t.version.slice(0, 12)} does not match its content`, { template: t.id });
    }
    templates.set(key, { template: t.template as Template, json: JSON.stringify(t.template), createdAt: t.createdAt });
  }

  // Records: each once; an unredacted record's PDF and scans present, a redacted record's erased files absent.
  const ids = new Set<string>();
  const needed = new Set<string>();
  const erased: Array<{ recordId: string; file: string }> = [];
  for (const { row, events } of manifest.records) {
    if (ids.has(row.id)) throw invalid(`record ${row.id} appears twice`, { recordId: row.id });
    ids.add(row.id);
    const pdf = `archive/${row.fileSha256}.pdf`;
    const scans = events.filter((e) => e.kind === 'scan-attached').map((e) => `scans/${String(e.details.sha256)}`);
    const personalFile = row.personalHash === null ? null : `personal/${row.personalHash}.json`;
    if (events.some((e) => e.kind === 'redacted')) {
      for (const file of [pdf, ...scans, ...(personalFile ? [personalFile] : [])]) erased.push({ recordId: row.id, file });
      continue;
    }
    for (const file of [pdf, ...scans]) {
      if (!listed.has(file)) throw invalid(`${file} of record ${row.id} is missing from the bundle`, { recordId: row.id, file });
      needed.add(file);
    }
    if (personalFile && listed.has(personalFile)) needed.add(personalFile);
  }
  // Another, unredacted record may share a file; only data erased from every record must not travel.
  for (const { recordId, file } of erased) {
    if (listed.has(file) && !needed.has(file)) throw invalid(`record ${recordId} was redacted, yet the bundle carries its erased ${file}`, { recordId, file });
  }
  for (const file of listed.keys()) {
    if (!needed.has(file)) throw invalid(`${file} belongs to no record of the bundle`, { file });
  }
  checkBundleChain(manifest);
  return { manifest, personal, templates };
}

function isPersonalData(json: string): boolean {
  try {
    return zBundlePersonalData.safeParse(JSON.parse(json)).success;
  } catch {
    return false;
  }
}
