import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZipReader } from '../../electron/core/exchange/zip-reader';
import { ZipWriter } from '../../electron/core/exchange/zip-writer';
import type { BundleManifest } from '../../electron/shared/bundle-manifest';
import { makeTempDir } from './temp-dir';

/** Every entry of a ZIP (an exchange bundle), by name, in the order of its directory. */
export function unpackBundle(bytes: Uint8Array): Map<string, Uint8Array> {
  const path = join(makeTempDir('pledge-unpack-'), 'in.pledgebundle');
  writeFileSync(path, bytes);
  const reader = ZipReader.open(path);
  try {
    return new Map(reader.entries.map((e) => [e.name, reader.read(e, 1 << 30)]));
  } finally {
    reader.close();
  }
}

/** A ZIP of these entries, in this order (sizes and CRCs consistent: only the content says what changed). */
export function packBundle(entries: Map<string, Uint8Array>): Uint8Array {
  const path = join(makeTempDir('pledge-pack-'), 'out.pledgebundle');
  const writer = new ZipWriter(path, new Date('2026-11-28T00:00:00Z'));
  for (const [name, bytes] of entries) writer.add(name, bytes);
  writer.finish();
  return new Uint8Array(readFileSync(path));
}

export function manifestOf(entries: Map<string, Uint8Array>): BundleManifest {
  return JSON.parse(new TextDecoder().decode(entries.get('manifest.json'))) as BundleManifest;
}

/**
 * A well-formed ZIP of the bundle after `edit` changed its entries and/or manifest (written back as JSON):
 * how a tampered or damaged bundle that still unzips cleanly is made.
 */
export function editBundle(bytes: Uint8Array, edit: (entries: Map<string, Uint8Array>, manifest: BundleManifest) => void): Uint8Array {
  const entries = unpackBundle(bytes);
  const manifest = manifestOf(entries);
  edit(entries, manifest);
  entries.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
  return packBundle(entries);
}
