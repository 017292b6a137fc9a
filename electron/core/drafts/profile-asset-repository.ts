import type Database from 'better-sqlite3';
import type { ProfileAsset, ProfileAssetKind } from '../../shared/dto';
import { CoreError } from '../errors';
import { sha256Hex } from '../util/sha256-hex';
import { readTransparentPng } from './read-transparent-png';

/** Most saved images one profile keeps; a merchant needs a few signatures and seals, not an album. */
export const MAX_ASSETS_PER_PROFILE = 20;

interface Row {
  id: string;
  profile_id: string;
  kind: ProfileAssetKind;
  label: string;
  png: Buffer;
  sha256: string;
  created_at: string;
}

/** What `save` is given: the PNG's bytes, already transparent (checked again here). */
export interface NewProfileAsset {
  id: string;
  profileId: string;
  kind: ProfileAssetKind;
  label: string;
  png: Uint8Array;
}

/**
 * Signatures and seals saved with a signer profile (table `profile_assets`, migration 5). They go when their
 * profile goes (ON DELETE CASCADE).
 */
export class ProfileAssetRepository {
  constructor(private readonly db: Database.Database) {}

  /**
   * Stores a PNG for a profile and returns its id. The same image saved twice for one profile keeps the
   * first row (and its id, label and time): `existing` tells which happened.
   * Throws PROFILE_NOT_FOUND, INVALID_IMAGE (not a transparent PNG) or PROFILE_ASSETS_FULL.
   */
  save(asset: NewProfileAsset, now: Date): { id: string; existing: boolean } {
    readTransparentPng(asset.png, 'png');
    const sha256 = sha256Hex(asset.png);
    return this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM profiles WHERE id = ?').get(asset.profileId)) {
        throw new CoreError('PROFILE_NOT_FOUND', `no profile ${asset.profileId}`, 'profileId');
      }
      const same = this.db.prepare('SELECT id FROM profile_assets WHERE profile_id = ? AND sha256 = ?').pluck().get(asset.profileId, sha256) as
        | string
        | undefined;
      if (same !== undefined) return { id: same, existing: true };
      const count = this.db.prepare('SELECT COUNT(*) FROM profile_assets WHERE profile_id = ?').pluck().get(asset.profileId) as number;
      if (count >= MAX_ASSETS_PER_PROFILE) {
        throw new CoreError('PROFILE_ASSETS_FULL', `a profile keeps at most ${MAX_ASSETS_PER_PROFILE} images`, 'profileId', {
          limit: MAX_ASSETS_PER_PROFILE,
        });
      }
      this.db
        .prepare('INSERT INTO profile_assets (id, profile_id, kind, label, png, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(asset.id, asset.profileId, asset.kind, asset.label, Buffer.from(asset.png), sha256, now.toISOString());
      return { id: asset.id, existing: false };
    })();
  }

  /** A profile's images, newest first, each as a PNG data URL ready for the signing inputs. */
  list(profileId: string, kind?: ProfileAssetKind): ProfileAsset[] {
    if (!this.db.prepare('SELECT 1 FROM profiles WHERE id = ?').get(profileId)) {
      throw new CoreError('PROFILE_NOT_FOUND', `no profile ${profileId}`, 'profileId');
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM profile_assets WHERE profile_id = ? AND (? IS NULL OR kind = ?) ORDER BY created_at DESC, rowid DESC`,
      )
      .all(profileId, kind ?? null, kind ?? null) as Row[];
    return rows.map(toAsset);
  }

  delete(id: string): void {
    if (this.db.prepare('DELETE FROM profile_assets WHERE id = ?').run(id).changes === 0) {
      throw new CoreError('PROFILE_ASSET_NOT_FOUND', `no saved image ${id}`, 'id');
    }
  }
}

function toAsset(row: Row): ProfileAsset {
  const { widthPx, heightPx } = readTransparentPng(row.png, 'png');
  return {
    id: row.id,
    profileId: row.profile_id,
    kind: row.kind,
    label: row.label,
    png: `data:image/png;base64,${row.png.toString('base64')}`,
    sha256: row.sha256,
    widthPx,
    heightPx,
    createdAt: row.created_at,
  };
}
