import type Database from 'better-sqlite3';
import type { Profile, Signer } from '../../shared/dto';
import { CoreError } from '../errors';

interface Row {
  id: string;
  type: Signer['type'];
  name: string;
  organisation: string | null;
  id_number: string | null;
  credit_code: string | null;
  phone: string | null;
  address: string | null;
  created_at: string;
  updated_at: string;
}

/** Signer profiles: one per merchant, many merchants per machine, offered again the next time. */
export class ProfileRepository {
  constructor(private readonly db: Database.Database) {}

  /** Inserts a new profile, or replaces the one with this id. */
  save(id: string, signer: Signer, now: Date): void {
    const at = now.toISOString();
    this.db
      .prepare(
        `INSERT INTO profiles (id, type, name, organisation, id_number, credit_code, phone, address, created_at, updated_at)
         VALUES (@id, @type, @name, @organisation, @idNumber, @creditCode, @phone, @address, @at, @at)
         ON CONFLICT (id) DO UPDATE SET type = @type, name = @name, organisation = @organisation, id_number = @idNumber,
           credit_code = @creditCode, phone = @phone, address = @address, updated_at = @at`,
      )
      .run({
        id,
        type: signer.type,
        name: signer.name,
        organisation: signer.organisation ?? null,
        idNumber: signer.idNumber ?? null,
        creditCode: signer.creditCode ?? null,
        phone: signer.phone ?? null,
        address: signer.address ?? null,
        at,
      });
  }

  /** Most recently used first. */
  list(): Profile[] {
    return (this.db.prepare('SELECT * FROM profiles ORDER BY updated_at DESC, rowid DESC').all() as Row[]).map(toProfile);
  }

  delete(id: string): void {
    if (this.db.prepare('DELETE FROM profiles WHERE id = ?').run(id).changes === 0) {
      throw new CoreError('PROFILE_NOT_FOUND', `no profile ${id}`);
    }
  }
}

function toProfile(row: Row): Profile {
  const profile: Profile = { id: row.id, type: row.type, name: row.name, updatedAt: row.updated_at };
  if (row.organisation) profile.organisation = row.organisation;
  if (row.id_number) profile.idNumber = row.id_number;
  if (row.credit_code) profile.creditCode = row.credit_code;
  if (row.phone) profile.phone = row.phone;
  if (row.address) profile.address = row.address;
  return profile;
}
