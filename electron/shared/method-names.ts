/**
 * The names of every contract method, as `area.verb`. Kept apart from the validators so that the preload and
 * the renderer can build `window.pledge` from this list without bundling the validation library.
 * `api.ts` checks at compile time that its table has exactly these keys.
 */
export const METHOD_NAMES = [
  'app.info',
  'app.openedFiles',
  'templates.list',
  'templates.get',
  'templates.parse',
  'templates.import',
  'templates.save',
  'drafts.create',
  'drafts.get',
  'drafts.update',
  'drafts.list',
  'drafts.duplicate',
  'drafts.delete',
  'drafts.restore',
  'drafts.upgrade',
  'templates.diff',
  'profiles.list',
  'profiles.save',
  'profiles.delete',
  'profiles.listAssets',
  'profiles.saveAsset',
  'profiles.deleteAsset',
  'signing.finalize',
  'stamping.inspect',
  'stamping.stamp',
  'signing.createIdentity',
  'archive.list',
  'archive.get',
  'archive.export',
  'archive.saveScan',
  'archive.print',
  'archive.printInBrowser',
  'archive.search',
  'archive.void',
  'archive.redact',
  'archive.attachScan',
  'archive.supersede',
  'archive.verify',
  'archive.verifyCode',
  'archive.verifyAll',
  'archive.exportBundle',
  'archive.importBundle',
  'archive.register',
  'jobs.start',
  'jobs.get',
  'exports.save',
  'backup.create',
  'backup.list',
  'backup.restore',
  'backup.export',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/** IPC channel prefix: the shell accepts only `pledge:<method>` channels. */
export const CHANNEL_PREFIX = 'pledge:';

/** The IPC channel that carries raw bytes for `blobs.put` (an ArrayBuffer, not JSON). */
export const BLOB_PUT_CHANNEL = 'pledge:blobs.put';

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}
